/**
 * Builds the preload (main/preload.ts) into `.vite/build/preload.cjs`: one CommonJS
 * file, as sandboxed preloads cannot load ES modules or other files; only `electron`
 * stays external. Forge's Vite plugin merges its own settings under these.
 */
import { defineConfig } from 'vite';
import { nodeExternals } from './vite.main.config.ts';

export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    target: 'chrome140',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { preload: 'main/preload.ts' },
      external: nodeExternals,
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
