import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { publicAliases } from '../../vite.config.js';
import { checkoutServer } from './server/checkoutServerPlugin.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The demo imports `voucherkit` and `voucherkit/styles.css` exactly as an app would; the root aliases point
// those names at src/ so the demo always runs the working tree. An app installs the package instead.
export default defineConfig({
  root: here('.'),
  plugins: [react(), checkoutServer()],
  resolve: { alias: publicAliases },
  cacheDir: here('../../node_modules/.vite/checkout'),
  clearScreen: false,
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [here('../..')] } },
  // Listed so the first page load never stops to optimise a late-found dependency and reload.
  optimizeDeps: {
    include: ['react', 'react/jsx-dev-runtime', 'react/jsx-runtime', 'react-dom', 'react-dom/client', '@tanstack/react-query', 'js-cookie', 'zod/mini'],
  },
  build: { outDir: here('dist'), emptyOutDir: true },
});
