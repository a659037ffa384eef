// The reader's theme choice for extension pages (popup, options). "system" leaves it to
// prefers-color-scheme; light/dark force it through `data-theme` on <html>.
import type { Settings } from '../core/settings';

export function applyTheme(doc: Document, theme: Settings['theme']): void {
  if (theme === 'system') delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
}
