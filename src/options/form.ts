// The settings form: built from the settings schema's choices, read back as a partial change.
import { HIGHLIGHT_STYLES, THEMES, type Settings } from '../core/settings';
import { ENTITY_TYPES, type EntityType } from '../core/types';
import { t, typeLabel } from '../shared/i18n';

/** A checkbox or radio with its label, styled as the options page styles them. */
export function choice(type: 'checkbox' | 'radio', name: string, value: string, label: string): HTMLLabelElement {
  const wrap = document.createElement('label');
  wrap.className = type === 'checkbox' ? 'check' : '';
  const input = document.createElement('input');
  input.type = type;
  input.name = name;
  input.value = value;
  const text = document.createElement('span');
  text.textContent = label;
  wrap.append(input, text);
  return wrap;
}

const STYLE_KEYS: Record<Settings['highlightStyle'], string> = {
  underline: 'options_style_underline',
  background: 'options_style_background',
  none: 'options_style_none',
};
const THEME_KEYS: Record<Settings['theme'], string> = {
  system: 'options_theme_system',
  light: 'options_theme_light',
  dark: 'options_theme_dark',
};

const FIELD_KEYS: Record<keyof Settings, string> = {
  types: 'options_types',
  firstMentionOnly: 'options_first_mention_only',
  highlightStyle: 'options_highlight_style',
  hoverDelayMs: 'options_hover_delay',
  theme: 'options_theme',
  memory: 'options_memory',
  memoryRetention: 'options_memory_retention',
  memoryExcludedSites: 'options_memory_excluded',
};

/** The reader-facing name of a setting, as its section on this page is titled. */
export function fieldLabel(field: keyof Settings): string {
  return t(FIELD_KEYS[field]);
}

/** Adds the inputs whose choices come from the schema (types, styles, themes). */
export function buildChoices(form: HTMLFormElement): void {
  form.querySelector('#types')?.replaceChildren(...ENTITY_TYPES.map((type) => choice('checkbox', 'types', type, typeLabel(type, true))));
  form.querySelector('#highlightStyle')?.replaceChildren(...HIGHLIGHT_STYLES.map((s) => choice('radio', 'highlightStyle', s, t(STYLE_KEYS[s]))));
  form.querySelector('#theme')?.replaceChildren(...THEMES.map((s) => choice('radio', 'theme', s, t(THEME_KEYS[s]))));
}

function inputs(form: HTMLFormElement, name: string): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
}

export function fillForm(form: HTMLFormElement, s: Settings): void {
  for (const box of inputs(form, 'types')) box.checked = s.types.includes(box.value as EntityType);
  for (const box of inputs(form, 'firstMentionOnly')) box.checked = s.firstMentionOnly;
  for (const radio of inputs(form, 'highlightStyle')) radio.checked = radio.value === s.highlightStyle;
  for (const radio of inputs(form, 'theme')) radio.checked = radio.value === s.theme;
  for (const range of inputs(form, 'hoverDelayMs')) range.value = String(s.hoverDelayMs);
  showDelay(form, s.hoverDelayMs);
}

export function showDelay(form: HTMLFormElement, ms: number): void {
  const out = form.querySelector('#hover-delay-value');
  if (out) out.textContent = t('options_hover_delay_value', ms);
}

/** The change one input stands for (read from the whole group, so checkboxes give the full list). */
export function changeFor(form: HTMLFormElement, input: HTMLInputElement): Partial<Settings> {
  switch (input.name) {
    case 'types':
      return { types: inputs(form, 'types').filter((b) => b.checked).map((b) => b.value as EntityType) };
    case 'firstMentionOnly':
      return { firstMentionOnly: input.checked };
    case 'highlightStyle':
      return { highlightStyle: input.value as Settings['highlightStyle'] };
    case 'theme':
      return { theme: input.value as Settings['theme'] };
    case 'hoverDelayMs':
      return { hoverDelayMs: Number(input.value) };
    default:
      return {};
  }
}
