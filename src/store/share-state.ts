// The share slice of the store: what the share panel last said (a link, a file, a copy, an
// export) and the learner's own scenario a shared link replaced. Pure data; the share service
// does the I/O (storage, the address bar, files) and feeds it.
import { type LocalText } from '../lib/text';

export type ShareNotice =
  /** A link, a file or a picture could not be used: why, in both languages. */
  | { readonly kind: 'error'; readonly reason: LocalText }
  /** A scene file was opened (chosen with the button, or dropped on the page). */
  | { readonly kind: 'opened'; readonly file: string }
  | {
      readonly kind: 'copied';
      readonly what: 'link' | 'embed' | 'markdown' | 'matrix';
      /** The picture downloaded with the Markdown snippet. */
      readonly file?: string;
    }
  /** Not copied (the clipboard refused, or a link too long for chat): the text to take by hand. */
  | { readonly kind: 'copy-by-hand'; readonly text: string; readonly why: 'refused' | 'too-long' }
  | { readonly kind: 'export-failed' }
  /** A lesson progress file was opened or dropped: the scenario stays, import is offered. */
  | { readonly kind: 'progress-file'; readonly file: string; readonly text: string }
  /** What importing that progress file did (or why it could not). */
  | { readonly kind: 'progress-imported'; readonly ok: boolean; readonly said: LocalText };

export interface ShareSlice {
  /** What the share panel's status line says; null: nothing yet. */
  readonly notice: ShareNotice | null;
  /** The learner's own scenario a link replaced, offered back until they restore or dismiss it. */
  readonly backup: string | null;
}

export const INITIAL_SHARE_SLICE: ShareSlice = { notice: null, backup: null };
