// The storage lab in the URL fragment: `#/storage` opens the volumes lab, `#/layers` the layers
// lab; leaving them for the networking lab clears the fragment. A storage lesson switches the
// page to its lab. Lesson routes (`#/lesson/…`) and share links (`#s=…`) are left alone.
import type { LabMode } from '../store/storage-lab';
import type { NetlabStore } from '../store/netlab-store';

const FRAGMENTS: Readonly<Record<Exclude<LabMode, 'network'>, string>> = {
  volumes: '#/storage',
  layers: '#/layers',
};

/** The lab a fragment names; undefined when it names none (any other fragment). */
export function parseLabHash(hash: string): LabMode | undefined {
  const path = hash.replace(/\?.*$/, '').replace(/\/+$/, '');
  if (path === '#/storage' || path === '#/storage/volumes') return 'volumes';
  if (path === '#/layers' || path === '#/storage/layers') return 'layers';
  return undefined;
}

export function startStorageRoute(
  store: NetlabStore,
  win: Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>,
): () => void {
  const apply = () => {
    const mode = parseLabHash(win.location.hash);
    if (mode) store.getState().setLabMode(mode);
  };
  apply();
  win.addEventListener('hashchange', apply);
  const unsubscribe = store.subscribe((s, prev) => {
    const lessonLab = s.lesson.current?.lab;
    if (s.lesson.current !== prev.lesson.current && s.lesson.route.view === 'lesson' && lessonLab)
      s.setLabMode(lessonLab);
    if (s.storageLab.mode === prev.storageLab.mode || s.lesson.route.view !== 'lab') return;
    const hash = s.storageLab.mode === 'network' ? '' : FRAGMENTS[s.storageLab.mode];
    if (win.location.hash === hash || (hash === '' && parseLabHash(win.location.hash) === undefined)) return;
    win.history.replaceState(win.history.state, '', hash || `${win.location.pathname}${win.location.search}`);
  });
  return () => {
    win.removeEventListener('hashchange', apply);
    unsubscribe();
  };
}
