/**
 * Builds the main process (main/main.ts) into `.vite/build/main.js` as an ES module
 * (package.json has "type": "module"; Electron loads ESM main entries). Forge's Vite
 * plugin merges its own settings under these; `npx vite build -c main/vite.main.config.ts`
 * gives the same bundle without Forge.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export const nodeExternals = ['electron', /^electron\/.+/, ...builtinModules.flatMap((m) => [m, `node:${m}`])];

export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: true,
    lib: { entry: 'main/main.ts', formats: ['es'], fileName: () => 'main.js' },
    rollupOptions: { external: nodeExternals },
  },
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
});
