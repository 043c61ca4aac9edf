// Where the bench reads and writes, from the repository root.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const benchDir = join(root, 'bench');
export const pagesDir = join(benchDir, 'pages');
/** Build output and raw figures: gitignored. */
export const outDir = join(benchDir, '.out');
export const anchorsDir = join(benchDir, 'anchors');
export const anchorsModules = join(anchorsDir, 'node_modules');
