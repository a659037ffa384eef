// A local HTTP server for the benchmark: generated pages, the page bundle and packs as JSON.
// Binds 127.0.0.1 on a free port; nothing leaves the machine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchServer {
  url: string;
  put(path: string, body: string, type: string): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<BenchServer> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const f = files.get(path);
    if (!f) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no ${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-store' }).end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put: (path, body, type) => void files.set(path, { body: Buffer.from(body), type }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
