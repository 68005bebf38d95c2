import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/** ESM-only packages bundled into the CommonJS main process. */
const bundledDeps = ['lowdb', 'steno'];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledDeps },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          server: resolve(__dirname, 'electron/server/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      // The first screen is the entry only (antd, the list and the inbox); pages are chunks loaded on demand.
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
