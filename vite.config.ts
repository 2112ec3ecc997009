/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco-worker-manager imports monaco-editor/esm/vs/editor/editor.worker.js, a deep path the
    // exports map of monaco-editor ≥0.56 blocks (stack.md §2, pitfall 2).
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
  },
})
