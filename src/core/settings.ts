// STUB — the settings schema (valibot), defaults and numbered migrations live here (pure).
import { ENTITY_TYPES, type EntityType } from './types';

export interface Settings {
  /** Entity types that are highlighted. */
  types: EntityType[];
  firstMentionOnly: boolean;
  highlightStyle: 'underline' | 'background' | 'none';
  hoverDelayMs: number;
  theme: 'system' | 'light' | 'dark';
}

export const DEFAULT_SETTINGS: Settings = {
  types: [...ENTITY_TYPES],
  firstMentionOnly: false,
  highlightStyle: 'underline',
  hoverDelayMs: 300,
  theme: 'system',
};
