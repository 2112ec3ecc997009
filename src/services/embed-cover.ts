// The click-to-load cover of an embed (?embed=1&ctl=1): a picture of the scene and one button,
// built with plain DOM before any of the lab's code is fetched. The picture is drawn from the
// embed code's own scene (read and laid out as the lab does); the lab loads on the reader's click.
import type { Scene } from '../layout/scene';

const SVG_NS = 'http://www.w3.org/2000/svg';

export const COVER_TEXT = {
  load: { en: 'Load the interactive netlab diagram', ko: '직접 다뤄 보는 netlab 그림 불러오기' },
  // The scenario's own pods and Services are counted; the implicit CoreDNS drawn with them is named.
  picture: {
    en: (s: Scene) =>
      `Preview of the scene: ${s.nodes.map((n) => n.name).join(', ')}; ${own(s.pods)} pods, ${own(s.services)} Services${hasImplicit(s) ? ', and the implicit CoreDNS' : ''}`,
    ko: (s: Scene) =>
      `장면 미리 보기: ${s.nodes.map((n) => n.name).join(', ')}, 파드 ${own(s.pods)}개, Service ${own(s.services)}개${hasImplicit(s) ? ', 자동 추가된 CoreDNS' : ''}`,
  },
} as const;

type Lang = 'en' | 'ko';

function own(items: readonly { readonly implicit?: true }[]): number {
  return items.filter((i) => !i.implicit).length;
}

function hasImplicit(s: Scene): boolean {
  return s.pods.some((p) => p.implicit) || s.services.some((x) => x.implicit);
}

/** The scene as a still picture: boxes and names only (no verdicts: those need the lab). */
export function coverPicture(doc: Document, scene: Scene, lang: Lang): SVGSVGElement {
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = el('svg', {
    viewBox: `0 0 ${scene.width} ${scene.height}`,
    role: 'img',
    'aria-label': COVER_TEXT.picture[lang](scene),
    'font-family': 'system-ui, sans-serif',
  }) as SVGSVGElement;
  svg.style.width = '100%';
  svg.style.height = 'auto';
  svg.style.maxHeight = '70vh';
  const box = (r: { x: number; y: number; w: number; h: number }, fill: string, stroke: string) =>
    el('rect', { x: r.x, y: r.y, width: r.w, height: r.h, rx: 4, fill, stroke });
  const label = (x: number, y: number, text: string, size = 11, weight = 400) =>
    el('text', { x, y, 'font-size': size, 'font-weight': weight, fill: '#1b1f24' }, text);
  for (const b of scene.boxes) svg.append(box(b.rect, '#f6f8fa', '#d0d7de'));
  for (const l of scene.links) {
    if (l.points.length < 2) continue;
    svg.append(
      el('polyline', {
        points: l.points.map(([x, y]) => `${x},${y}`).join(' '),
        fill: 'none',
        stroke: '#8c959f',
        'stroke-width': 1.2,
      }),
    );
  }
  for (const n of scene.nodes) {
    svg.append(box(n.rect, '#ffffff', '#57606a'), label(n.rect.x + 8, n.rect.y + 18, n.name, 14, 600));
  }
  for (const b of scene.bridges) {
    svg.append(box(b.rect, '#ddf4ff', '#0969da'), label(b.rect.x + 8, b.rect.y + b.rect.h / 2 + 4, b.name));
  }
  // The implicit CoreDNS dashed, as in the lab.
  const dashed = (el: SVGElement, implicit: true | undefined) => {
    if (implicit) el.setAttribute('stroke-dasharray', '5 3');
    return el;
  };
  for (const p of scene.pods) {
    svg.append(
      dashed(box(p.rect, '#ffffff', '#57606a'), p.implicit),
      label(p.rect.x + 8, p.rect.y + 18, p.id.split('/')[1] ?? p.id, 13, 600),
    );
  }
  for (const s of scene.services) {
    svg.append(
      dashed(box(s.rect, '#fbf8ff', '#8250df'), s.implicit),
      label(s.rect.x + 8, s.rect.y + s.rect.h / 2 + 4, s.key),
    );
  }
  for (const x of scene.externals) {
    svg.append(box(x.rect, '#ffffff', '#1b1f24'), label(x.rect.x + 8, x.rect.y + x.rect.h / 2 + 4, x.name));
  }
  return svg;
}

/**
 * Shows the cover in `root`; on the click, takes `ctl=1` out of the address (so the lab starts at
 * once and a reload keeps it loaded) and calls `start`. `scene` draws the picture when it can.
 */
export function showCover(
  root: HTMLElement,
  win: Window,
  start: () => unknown,
  scene: () => Promise<Scene | null>,
): void {
  const doc = root.ownerDocument;
  const q = new URLSearchParams(win.location.search);
  const lang: Lang = q.get('lang') === 'ko' ? 'ko' : 'en';
  doc.documentElement.lang = lang;
  const main = doc.createElement('main');
  main.style.cssText =
    'display:flex;flex-direction:column;align-items:center;gap:0.75rem;padding:0.75rem;font-family:system-ui,sans-serif';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = COVER_TEXT.load[lang];
  button.style.cssText = 'font:inherit;font-size:1rem;padding:0.6rem 1rem;cursor:pointer';
  main.append(button);
  root.replaceChildren(main);
  let started = false;
  button.addEventListener('click', () => {
    started = true;
    q.delete('ctl');
    const search = q.toString();
    win.history.replaceState(
      win.history.state,
      '',
      `${win.location.pathname}${search ? `?${search}` : ''}${win.location.hash}`,
    );
    root.replaceChildren();
    start();
  });
  void scene()
    .then((s) => {
      if (s && !started) main.prepend(coverPicture(doc, s, lang));
    })
    .catch(() => {
      // No picture: the button alone still loads the lab, which says what is wrong.
    });
}
