import type { Browser, Page } from 'puppeteer-core';
import type { EarlierItem, SourceLink } from './probes.mjs';

export function findFirefox(): string | null;
export function geckoId(dist: string): string;
export interface FirefoxLaunch {
  browser: Browser;
  /** The pinned moz-extension:// host of this run. */
  uuid: string;
  addonId: string;
  /** "moz-extension://<uuid>" */
  base: string;
  /** Every URL any tab requested, in order. */
  requests: string[];
  /** What Firefox printed about the extension (its UUID or "Backstory" in the line). */
  lines: { stream: string; at: number; line: string }[];
  /** Milliseconds since the launch, on the clock `lines[].at` uses. */
  since(): number;
}
export function launchFirefoxWithExtension(options: {
  dist: string;
  executablePath: string;
  headless?: boolean;
  /** A profile folder kept after the browser closes; default: a throwaway one. */
  profileDir?: string;
  /** The moz-extension:// host to pin; default: a fresh random UUID. */
  uuid?: string;
  viewport?: { width: number; height: number } | null;
  /** Extra Firefox preferences for this launch. */
  prefs?: Record<string, unknown>;
}): Promise<FirefoxLaunch>;
export function openExtensionPage(browser: Browser, url: string, readySelector?: string, timeout?: number): Promise<Page>;
export function contextOf(page: Page): string;
export function readCardInFirefox(browser: Browser, page: Page): Promise<{ open: boolean; text: string }>;
export function readEarlierInFirefox(browser: Browser, page: Page): Promise<EarlierItem[]>;
export function readSourceLinksInFirefox(browser: Browser, page: Page): Promise<SourceLink[]>;
export function earlierLinkPointInFirefox(browser: Browser, page: Page): Promise<{ x: number; y: number } | null>;
export function expandCardInFirefox(browser: Browser, page: Page): Promise<boolean>;
export function closeFirefox(browser: Browser, ms?: number): Promise<void>;
