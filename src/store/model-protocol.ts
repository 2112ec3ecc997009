// Messages between the page and the model worker.
import type { Locale } from '../lib/diagnostic';
import type { DerivedView, TraceRequest, TraceResult } from './model-view';

export type ToModelWorker =
  | { readonly type: 'update'; readonly text: string }
  | { readonly type: 'trace'; readonly requestId: number; readonly request: TraceRequest }
  | { readonly type: 'explain'; readonly requestId: number; readonly from: string; readonly to: string; readonly portIndex: number; readonly locale: Locale };

export type FromModelWorker =
  /** `model.topology` and `model.scene` are left out (null) when `model.layoutId` did not change. */
  | { readonly type: 'view'; readonly view: DerivedView }
  | { readonly type: 'traced'; readonly requestId: number; readonly result: TraceResult }
  | { readonly type: 'explanation'; readonly requestId: number; readonly lines: string[] | null };
