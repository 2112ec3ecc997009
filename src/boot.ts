// The page's entry: the lab at once, or, for a click-to-load embed (?embed=1&ctl=1), a light cover
// first (a picture of the scene and a button) — the lab's code is fetched only when the reader asks.
const root = document.getElementById('root');
const query = new URLSearchParams(location.search);
if (root && query.get('embed') === '1' && query.get('ctl') === '1') {
  void import('./services/embed-cover').then(({ showCover }) =>
    showCover(
      root,
      window,
      () => import('./main'),
      async () => {
        const [{ coverScene }, fallback] = await Promise.all([
          import('./app-model/cover-scene'),
          import('./scenarios/default.yaml?raw'),
        ]);
        return coverScene(location.hash, fallback.default);
      },
    ),
  );
} else {
  // Awaited, so the document's load event waits for the lab to start (as with a static import).
  await import('./main');
}
