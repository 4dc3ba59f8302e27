import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

/**
 * The console's build: web/ into dist/web/, which the server serves at `/`. Its own build, apart
 * from the server's (tsc), so that the commands that build the server do not wait for it.
 * `npm run web:dev` serves it with hot reload and sends the API calls to a running server.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // The first load stays small: views and the charting library load when first opened.
    chunkSizeWarningLimit: 500,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/graphql', '/dev', '/console-config.json', '/explorer'].map((prefix) => [
        prefix,
        `http://127.0.0.1:${process.env.PORT ?? 4000}`,
      ]),
    ),
  },
});
