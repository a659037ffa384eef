import type { BrowserContext, Page } from 'playwright-core';

export interface CardState {
  /** Whether a card host exists and some of its content is rendered and visible. */
  open: boolean;
  /** All text in the card (style sheets left out), whitespace collapsed. */
  text: string;
}
export function countMentionsInPage(): Record<string, number>;
export function packNames(dist: string): Map<string, string>;
export function readCard(ctx: BrowserContext, page: Page): Promise<CardState>;
export function expandCard(ctx: BrowserContext, page: Page): Promise<boolean>;
