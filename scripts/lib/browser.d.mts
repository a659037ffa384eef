import type { BrowserContext, Worker } from 'playwright-core';

export interface RecordedRequest {
  url: string;
  resourceType: string;
  fromServiceWorker: boolean;
}
export function findChromium(): string | null;
export function isLocalUrl(url: string): boolean;
export function launchWithExtension(options: {
  dist: string;
  executablePath: string;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** A profile folder kept after the browser closes; '' (default) is a fresh temporary one. */
  userDataDir?: string;
}): Promise<{ ctx: BrowserContext; extensionId: string; requests: RecordedRequest[] }>;
export function extensionWorker(ctx: BrowserContext, extensionId: string): Promise<Worker>;
