export interface StaticServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  port: number;
  close(): Promise<void>;
}
export function serveStatic(root: string, options?: { port?: number; fallback?: boolean }): Promise<StaticServer>;
