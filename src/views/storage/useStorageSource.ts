// Where the storage lab's text lives: its own text in the store, or, while a storage lesson is
// open, the lesson's scenario text (the lesson loads its steps there and checks it).
import { useContext } from 'react';
import { NetlabContext, useNetlab } from '../use-netlab';

export interface StorageSource {
  readonly text: string;
  readonly setText: (text: string) => void;
  /** A lesson of this lab owns the text. */
  readonly lesson: boolean;
}

export function useStorageSource(mode: 'volumes' | 'layers'): StorageSource {
  const store = useContext(NetlabContext);
  if (!store) throw new Error('useStorageSource outside <NetlabContext.Provider>');
  const lesson = useNetlab((s) => s.lesson.route.view === 'lesson' && s.lesson.current?.lab === mode);
  const text = useNetlab((s) =>
    lesson ? s.scenarioText : mode === 'volumes' ? s.storageLab.volumesText : s.storageLab.layersText,
  );
  const setText = (next: string) =>
    lesson ? store.getState().setScenarioText(next) : store.getState().setStorageText(mode, next);
  return { text, setText, lesson };
}
