/**
 * The renderer as Electron Forge builds it: the renderer's own Vite config
 * (renderer/vite.config.ts, unchanged), with only the output moved to where the
 * packaged main process serves it from (`.vite/renderer/main_window`, as
 * `app://conclave/`). Loaded at build time rather than imported, so this file needs
 * nothing from the other one but its path.
 */
import { defineConfig, loadConfigFromFile, mergeConfig, type UserConfig } from 'vite';

const rendererDir = import.meta.dirname;
const outDir = `${rendererDir}/../.vite/renderer/main_window`;

export default defineConfig(async (env) => {
  let base: UserConfig = { root: rendererDir };
  try {
    base = (await loadConfigFromFile(env, `${rendererDir}/vite.config.ts`))?.config ?? base;
  } catch (error) {
    // Only a missing renderer config is tolerated (the bare defaults then apply).
    if (!String(error).includes('ENOENT') && !String(error).includes('Could not resolve')) throw error;
  }
  return mergeConfig(base, {
    // Absolute asset paths, so that pages at nested client routes under app://conclave/ find them.
    base: '/',
    build: { outDir, emptyOutDir: true },
  });
});
