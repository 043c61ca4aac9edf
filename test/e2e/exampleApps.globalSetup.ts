// Once per run, before any e2e file: the example apps and bundler fixtures share installs (the Next.js fixtures
// borrow examples/next-app's), so installing and refreshing them from one test file while another builds would race.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { borrowNextInstall, bundlerFixturesDir, ensureInstalled, expressDir, nextAppDir, refreshVoucherkit, repoRoot, runtimesDir } from './exampleApps.js';

export default function setup(): void {
  const apps = [nextAppDir, expressDir, join(bundlerFixturesDir, 'react-router-loader'), runtimesDir];
  for (const dir of apps) ensureInstalled(dir);
  borrowNextInstall(join(bundlerFixturesDir, 'next-webpack-client-import'));
  borrowNextInstall(join(bundlerFixturesDir, 'next-route-handler'));
  // Without a build (e.g. only the demo's e2e is run) the example tests say so themselves.
  if (existsSync(join(repoRoot, 'dist/server/index.js'))) for (const dir of apps) refreshVoucherkit(dir);
}
