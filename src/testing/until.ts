// Waiting for the store in tests of services whose engine answers asynchronously (the inline
// model channel, the lesson service). Generous: a loaded CI machine is slow, a passing test is not.
import type { NetlabState, NetlabStore } from '../store/netlab-store';

/** Resolves once `ok` holds for the store's state; fails after `timeoutMs`, naming `what`. */
export async function until(
  store: NetlabStore,
  ok: (s: NetlabState) => boolean,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<void> {
  for (const start = Date.now(); Date.now() - start < timeoutMs;) {
    if (ok(store.getState())) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(
    `timed out waiting for ${what}; lesson route ${JSON.stringify(store.getState().lesson.route)}`,
  );
}
