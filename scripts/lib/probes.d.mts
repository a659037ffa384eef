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
/** One `[data-earlier]` item of the card: its text (spaces collapsed), its link's href and target ('' without). */
export interface EarlierItem {
  text: string;
  href: string;
  target: string;
}
/** One link from a pack fact to its source: the publisher's name, the address, the target. */
export interface SourceLink {
  text: string;
  href: string;
  target: string;
}
export function sourceLinks(root: ShadowRoot): SourceLink[];
export function readSourceLinks(ctx: BrowserContext, page: Page): Promise<SourceLink[]>;
/** In-page functions on the card's shadow root (run by `inCardRoot` here, by firefox.mjs in Firefox). */
export function pressMore(root: ShadowRoot): boolean;
export function earlierItems(root: ShadowRoot): EarlierItem[];
export function pointOfEarlierLink(root: ShadowRoot): { x: number; y: number } | null;
/** Runs `fn` (`(root) => value`, or its source) on the card's shadow root; throws without a card. */
export function inCardRoot<T>(ctx: BrowserContext, page: Page, fn: string | ((root: ShadowRoot) => T)): Promise<T>;
export function expandCard(ctx: BrowserContext, page: Page): Promise<boolean>;
export function readEarlier(ctx: BrowserContext, page: Page): Promise<EarlierItem[]>;
export function earlierLinkPoint(ctx: BrowserContext, page: Page): Promise<{ x: number; y: number } | null>;
