// The page's state. The scenario text is the source of truth; the model is derived from it
// (memoised on the text) and never stored twice. No I/O here: persistence lives in services/.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Locale } from '../lib/text';
import { createLessonActions } from './lesson-actions';
import { INITIAL_LESSON_SLICE } from './lesson-state';
import type { UnseenPeer } from '../lesson/types';
import type { NetlabState, ScenarioSource } from './netlab-state';
import { leaveScene, sourceOfText } from './scene-switch';
import { INITIAL_PREDICT, revealAll, setPredict } from './predict-state';
import { INITIAL_SHARE_SLICE } from './share-state';
import { createStorageLab, type StorageDefaults } from './storage-lab';
import { replacementOf, type ReplacedBy } from './text-history';

export type { ExplanationQuestion, FlowSelection, NetlabState, ScenarioSource } from './netlab-state';

export type NetlabStore = StoreApi<NetlabState>;

/**
 * Another scene in place of the text (an opened file, a shared link, a restored backup): the old
 * text is kept for undoReset; the flow and the port chosen belong to the old scene.
 */
const replaced = (
  s: NetlabState,
  text: string,
  source: ScenarioSource = { kind: 'own' },
  by: ReplacedBy = 'file',
): Partial<NetlabState> => ({
  ...leaveScene(s),
  lastReplaced: replacementOf(s.scenarioText, s.lastReplaced, by),
  scenarioText: text,
  scenarioSource: source,
  textBeforeReset: s.scenarioText === text ? null : s.scenarioText,
  textReplacedBy: 'replaced',
  selectedFlow: null,
  matrixPort: null,
});

export function createNetlabStore(initial: {
  defaultScenario: string;
  scenarioText?: string;
  locale?: Locale;
  /** False in an embed: lesson steps replace edited text without a question. */
  askBeforeReplacing?: boolean;
  /** The storage labs' built-in texts (tests may leave them out). */
  storage?: StorageDefaults;
  /** The storage labs' texts the learner left last time (autosaved), instead of the built-in ones. */
  savedStorage?: { readonly volumesText?: string; readonly layersText?: string };
}): NetlabStore {
  return createStore<NetlabState>()((set) => ({
    ...createLessonActions(set, initial.defaultScenario, initial.askBeforeReplacing ?? true),
    ...createStorageLab(set, initial.storage ?? { volumes: '', layers: '' }, initial.savedStorage ?? {}),
    lesson: INITIAL_LESSON_SLICE,
    share: INITIAL_SHARE_SLICE,
    lastReplaced: null,
    history: [],
    historyUnsaved: 0,
    textUnsaved: false,
    textReplacedBy: 'reset',
    scenarioText: initial.scenarioText ?? initial.defaultScenario,
    scenarioSource: sourceOfText(initial.scenarioText ?? initial.defaultScenario, initial.defaultScenario),
    locale: initial.locale ?? 'en',
    matrixPort: null,
    selectedFlow: null,
    textBeforeReset: null,
    selectedPolicy: null,
    matrixFilter: '',
    unseen: { ghosts: [], group: false },
    predict: INITIAL_PREDICT,
    view: null,
    modelProgress: null,
    modelCancels: 0,
    baseline: null,
    packet: { requests: [], index: 0, step: 0, playing: false, speed: 1, together: false },
    companionTraces: new Map(),
    trace: null,
    explanation: null,
    setScenarioText: (scenarioText) => set({ scenarioText, textBeforeReset: null }),
    resetScenario: () =>
      set((s) => ({
        ...leaveScene(s),
        lastReplaced: replacementOf(s.scenarioText, s.lastReplaced, 'reset'),
        scenarioText: initial.defaultScenario,
        scenarioSource: { kind: 'default' },
        textBeforeReset: s.scenarioText === initial.defaultScenario ? null : s.scenarioText,
        textReplacedBy: 'reset',
        lesson: { ...s.lesson, textOwner: null },
        selectedFlow: null,
      })),
    replaceScenario: (text, source, by = 'file') => set((s) => replaced(s, text, source, by)),
    setHistory: (history) => set({ history }),
    setHistoryUnsaved: (historyUnsaved) => set({ historyUnsaved }),
    setTextUnsaved: (textUnsaved) => set({ textUnsaved }),
    restoreVersion: (text) =>
      set((s) =>
        s.scenarioText === text
          ? {}
          : replaced(s, text, sourceOfText(text, initial.defaultScenario), 'history'),
      ),
    undoReset: () =>
      set((s) =>
        s.textBeforeReset === null
          ? {}
          : {
              ...leaveScene(s),
              scenarioText: s.textBeforeReset,
              scenarioSource: sourceOfText(s.textBeforeReset, initial.defaultScenario),
              textBeforeReset: null,
            },
      ),
    setLocale: (locale) => set({ locale }),
    pinBaseline: (now) =>
      set((s) => (s.view && !s.view.hasErrors ? { baseline: { text: s.view.text, pinnedAt: now } } : {})),
    unpinBaseline: () => set({ baseline: null }),
    setMatrixPort: (port) => set({ matrixPort: port ? { port: port.port, protocol: port.protocol } : null }),
    selectFlow: (selectedFlow) => set({ selectedFlow }),
    selectPolicy: (selectedPolicy) => set({ selectedPolicy }),
    setMatrixFilter: (matrixFilter) => set({ matrixFilter }),
    toggleGhost: (peer) =>
      set((s) => {
        const same = (p: UnseenPeer): boolean => JSON.stringify(p) === JSON.stringify(peer);
        const ghosts = s.unseen.ghosts.some(same) ? s.unseen.ghosts.filter((p) => !same(p)) : [peer];
        return { unseen: { ...s.unseen, ghosts } };
      }),
    setUnseenGroup: (group) => set((s) => ({ unseen: { ...s.unseen, group } })),
    setPredicting: (on) => set({ predict: setPredict(on) }),
    revealCells: (keys) => set((s) => ({ predict: revealAll(s.predict, keys) })),
    applyView: (view) => set({ view, modelProgress: null }),
    applyModelProgress: (modelProgress) => set({ modelProgress }),
    cancelModel: () =>
      set((s) => ({
        lastReplaced: replacementOf(s.scenarioText, s.lastReplaced, 'cancel'),
        modelCancels: s.modelCancels + 1,
        modelProgress: null,
        selectedFlow: null,
        ...(s.textBeforeReset !== null
          ? { scenarioText: s.textBeforeReset, textBeforeReset: null }
          : {
              scenarioText: initial.defaultScenario,
              textBeforeReset: s.scenarioText === initial.defaultScenario ? null : s.scenarioText,
              textReplacedBy: 'replaced' as const,
              lesson: { ...s.lesson, textOwner: null },
            }),
      })),
    applyExplanation: (explanation) => set({ explanation }),
    sendPackets: (requests, together = false) =>
      set((s) => ({
        packet: { ...s.packet, requests, index: 0, step: 0, playing: requests.length > 0, together },
        companionTraces: new Map(),
      })),
    applyCompanionTraces: (companionTraces) => set({ companionTraces }),
    setPacketStep: (step) => set((s) => ({ packet: { ...s.packet, step: Math.max(0, step) } })),
    setPlaying: (playing) => set((s) => ({ packet: { ...s.packet, playing } })),
    setSpeed: (speed) => set((s) => ({ packet: { ...s.packet, speed: Math.min(4, Math.max(0.5, speed)) } })),
    nextPacket: () =>
      set((s) =>
        !s.packet.together && s.packet.index + 1 < s.packet.requests.length
          ? { packet: { ...s.packet, index: s.packet.index + 1, step: 0 } }
          : { packet: { ...s.packet, playing: false } },
      ),
    resetPacket: () => set((s) => ({ packet: { ...s.packet, index: 0, step: 0, playing: false } })),
    applyTrace: (trace) => set({ trace }),
    showShareNotice: (notice) => set((s) => ({ share: { ...s.share, notice } })),
    offerShareBackup: (backup) => set((s) => ({ share: { ...s.share, backup } })),
    restoreShareBackup: () =>
      set((s) =>
        s.share.backup === null
          ? {}
          : {
              ...replaced(s, s.share.backup, { kind: 'own' }, 'history'),
              share: { ...s.share, backup: null },
            },
      ),
    dismissShareBackup: () => set((s) => ({ share: { ...s.share, backup: null } })),
  }));
}
