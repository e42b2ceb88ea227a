/**
 * Electron Forge: builds the main process, the preload and the renderer with Vite,
 * packages them (only `.vite/` goes into the app's asar: main bundles what it uses)
 * and makes installers — Linux .deb and .zip, Windows Squirrel, macOS .zip and .dmg.
 * `npm run make` needs Electron's runtime, which Forge downloads (see DESIGN.md).
 */
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const deepLinkScheme = 'conclave';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Conclave',
    executableName: 'conclave',
    appBundleId: 'org.conclave.desktop',
    appCategoryType: 'public.app-category.productivity',
    asar: true,
    // macOS learns the conclave:// scheme from Info.plist; Windows and Linux at run time and from the .deb.
    protocols: [{ name: 'Conclave activity link', schemes: [deepLinkScheme] }],
  },
  // The main process bundles all it needs; no native module is rebuilt for Electron.
  rebuildConfig: { onlyModules: [] },
  makers: [
    new MakerDeb({
      options: {
        name: 'conclave',
        productName: 'Conclave',
        genericName: 'Group decisions',
        categories: ['Office'],
        mimeType: [`x-scheme-handler/${deepLinkScheme}`],
      },
    }),
    new MakerZIP({}, ['linux', 'darwin']),
    new MakerSquirrel({ name: 'conclave' }),
    new MakerDMG({ format: 'ULFO' }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'main/main.ts', config: 'main/vite.main.config.ts', target: 'main' },
        { entry: 'main/preload.ts', config: 'main/vite.preload.config.ts', target: 'preload' },
      ],
      // The renderer's own Vite config, with the output moved where the packaged app looks.
      renderer: [{ name: 'main_window', config: 'renderer/vite.forge.config.ts' }],
    }),
    // Electron's compile-time switches: no "run as Node", no NODE_OPTIONS or --inspect,
    // app code only from the integrity-checked asar, cookies encrypted at rest.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
