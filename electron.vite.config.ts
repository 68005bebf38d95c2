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
      chunkSizeWarningLimit: 4000,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
