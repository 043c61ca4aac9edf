// Loads startDemo.ts (TypeScript, importing `voucherkit/*` through the repo's aliases) into plain Node scripts
// (npm start, the screenshot script) with a Vite server that has no HTTP side. Tests import startDemo.ts directly.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, loadConfigFromFile } from 'vite';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Returns `startDemo` and a `close` for the loader.
 *
 * @example
 * const { startDemo, close } = await loadDemo()
 */
export async function loadDemo() {
  // Only the root config's aliases: its plugins, dependency optimiser and test projects are not needed here.
  const rootConfig = await loadConfigFromFile({ command: 'serve', mode: 'development' }, join(root, 'vite.config.ts'), root, 'warn');
  const loader = await createServer({
    root,
    configFile: false,
    resolve: { alias: rootConfig?.config.resolve?.alias ?? [] },
    cacheDir: join(root, 'node_modules/.vite/demo-loader'),
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const module = await loader.ssrLoadModule(join(root, 'examples/checkout/server/startDemo.ts'));
  return { startDemo: module.startDemo, close: () => loader.close() };
}
