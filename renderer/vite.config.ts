import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * The client as static files: `dist/web`, relative paths so the same build runs under
 * the relay (`/`) and from Electron's file://. No inline script, no eval (strict CSP).
 */
export default defineConfig({
  root,
  base: './',
  build: {
    outDir: `${root}/../dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    // The app, and the script of the public campaign pages the relay writes (server/campaigns/page-assets.ts).
    rollupOptions: { input: { main: `${root}/index.html`, campaign: `${root}/campaign.html` } },
  },
  resolve: {
    alias: [{ find: /^#core\/(.*)$/, replacement: `${root}/../core/$1.ts` }],
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
