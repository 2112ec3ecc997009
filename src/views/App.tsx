export function App() {
  return (
    <main>
      <h1>netlab</h1>
      <p data-testid="app.ready">Kubernetes networking lab — loading complete.</p>
    </main>
  )
}
