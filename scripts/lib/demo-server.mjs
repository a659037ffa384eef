// A tiny static file server for the demo site, shared by `npm start` and the real-browser tests.
// It binds to 127.0.0.1 only: the demo must be reachable from this machine and nowhere else.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1. Port 0 picks a free port; a busy fixed port falls back to a free
 * one when `fallback` is set (so `npm start` still works when 8737 is taken).
 * @param {string} root
 * @param {{ port?: number, fallback?: boolean }} [options]
 */
export async function serveStatic(root, { port = 0, fallback = true } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      let file = normalize(join(base, path));
      // Refuse anything that escapes the root ("/../package.json").
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if (path.endsWith('/')) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise((done, fail) => {
    server.once('error', (err) => {
      if (fallback && port !== 0 && /** @type {NodeJS.ErrnoException} */ (err).code === 'EADDRINUSE') {
        server.listen(0, '127.0.0.1', () => done(undefined));
      } else fail(err);
    });
    server.listen(port, '127.0.0.1', () => done(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('demo server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}
