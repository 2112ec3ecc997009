/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built page's Content-Security-Policy: scripts only from our own origin (no inline script,
 * no eval), no plugins, nothing fetched from elsewhere. Styles may be inline: Monaco sets them.
 * Build only: the dev server injects an inline preamble for React refresh.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'netlab-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        /(<meta charset="UTF-8" \/>)/,
        `$1\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
  };
}

export default defineConfig({
  // Relative URLs for assets, lazy chunks, CSS and the worker: the same dist/ works at a site's
  // root, under /netlab/, or any other path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    // monaco-worker-manager imports monaco-editor/esm/vs/editor/editor.worker.js, a deep path the
    // exports map of monaco-editor ≥0.56 blocks; without this alias `vite build` cannot resolve it.
    alias: [
      {
        find: /^monaco-editor\/esm\/vs\//,
        replacement: fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url)),
      },
    ],
  },
  // Pre-bundled so `vite dev` neither fails on its CommonJS parts nor reloads when it first starts.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: {
    chunkSizeWarningLimit: 4096,
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Several tests start real processes (the CLI, oxlint, tsc); on a busy 2-core machine one can
    // take more than Vitest's default 5 s. A limit, not a speed target (those are benchmarks).
    testTimeout: 30_000,
  },
});
