// The storage lab as its own chunk: the page loads it the first time a storage lab is opened.
import { lazy, Suspense } from 'react';

const StorageLab = lazy(() => import('./StorageLab').then((m) => ({ default: m.StorageLab })));

export function LazyStorageLab() {
  return (
    <Suspense fallback={<div className="panel" role="status" aria-busy="true" />}>
      <StorageLab />
    </Suspense>
  );
}
