// A dozen-line static server on 127.0.0.1 for the built pages: one origin for every page, so the sandbox's
// allow-list names exactly one origin. `overrides` serves generated documents (B6's server-rendered HTML).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/**
 * @param {string} dir folder served at /
 * @returns {Promise<{ origin: string, overrides: Map<string, () => string>, close(): Promise<void> }>}
 */
export async function startStaticServer(dir) {
  const overrides = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const generated = overrides.get(path);
    if (generated) return void res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store' }).end(generated());
    const file = join(dir, normalize(path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    overrides,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
