// The published stylesheets are single files: their source imports its parts (`@import './styles/field.css';`),
// which Vite inlines in development and tests, and this inlines for the package and for pages served as they are.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The stylesheet at `path` with its relative `@import` lines replaced by the files they name (recursively).
 *
 * @example
 * bundleStylesheet('src/react/styles.css') // one CSS text, no @import left
 */
export function bundleStylesheet(path) {
  return readFileSync(path, 'utf8').replace(/^@import '(\.[^']+)';\n/gm, (_, part) => bundleStylesheet(resolve(dirname(path), part)));
}
