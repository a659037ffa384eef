// Styles of the hover card, applied inside its shadow root so page CSS cannot reach them and
// ours cannot leak. Light/dark follow prefers-color-scheme unless the theme setting forces one.
export const CARD_CSS = `
:host {
  --bs-bg: #ffffff; --bs-fg: #1d1f23; --bs-muted: #5b616b; --bs-border: #d5d9e0;
  --bs-accent: #1f5fbf; --bs-accent-bg: #eef3fb; --bs-shadow: 0 6px 24px rgba(0,0,0,.18);
  color-scheme: light;
}
:host([data-theme=dark]) {
  --bs-bg: #1f2227; --bs-fg: #e8eaed; --bs-muted: #a5abb5; --bs-border: #3a3f47;
  --bs-accent: #8ab4f8; --bs-accent-bg: #28303d; --bs-shadow: 0 6px 24px rgba(0,0,0,.5);
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme=light])) {
    --bs-bg: #1f2227; --bs-fg: #e8eaed; --bs-muted: #a5abb5; --bs-border: #3a3f47;
    --bs-accent: #8ab4f8; --bs-accent-bg: #28303d; --bs-shadow: 0 6px 24px rgba(0,0,0,.5);
    color-scheme: dark;
  }
}
.panel {
  box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: min(60vh, 440px); overflow: auto;
  padding: 12px 14px; border: 1px solid var(--bs-border); border-radius: 8px;
  background: var(--bs-bg); color: var(--bs-fg); box-shadow: var(--bs-shadow);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif;
  text-align: start; overflow-wrap: anywhere;
  animation: bs-in 120ms ease-out;
}
@keyframes bs-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .panel { animation: none; } }
.top { display: flex; align-items: flex-start; gap: 8px; }
.top .bs-head { flex: 1; }
.close {
  flex: none; border: 0; background: transparent; color: var(--bs-muted); font: inherit; font-size: 18px;
  line-height: 1; padding: 2px 6px; border-radius: 4px; cursor: pointer;
}
.close:hover { background: var(--bs-accent-bg); color: var(--bs-fg); }
.bs-name { display: block; font-weight: 650; font-size: 16px; }
.bs-meta { display: block; color: var(--bs-muted); font-size: 12px; }
.bs-page-only { margin: 6px 0 0; font-size: 12px; color: var(--bs-muted); font-style: italic; }
.bs-section-title {
  margin: 10px 0 4px; font-size: 11px; font-weight: 650; letter-spacing: .04em; text-transform: uppercase;
  color: var(--bs-muted);
}
p { margin: 0 0 6px; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 0 0 6px; }
.bs-date, .bs-source { color: var(--bs-muted); font-size: 12px; }
.bs-later-title { margin: 8px 0 4px; font-size: 12px; font-weight: 650; color: var(--bs-muted); }
.bs-sentence {
  display: block; width: 100%; box-sizing: border-box; text-align: start; font: inherit; font-size: 13px;
  color: var(--bs-fg); background: var(--bs-accent-bg); border: 1px solid transparent; border-radius: 6px;
  padding: 4px 8px; cursor: pointer;
}
.bs-sentence:hover { border-color: var(--bs-accent); }
button:focus-visible { outline: 2px solid var(--bs-accent); outline-offset: 1px; }
.bs-note-text { white-space: pre-wrap; }
.bs-identity { margin: 6px 0; }
.bs-glance .bs-statements, .bs-glance .bs-earlier { margin-top: 6px; }
.bs-more {
  border: 0; background: transparent; color: var(--bs-accent); font: inherit; font-size: 13px; font-weight: 600;
  padding: 2px 0; cursor: pointer;
}
.bs-more:hover { text-decoration: underline; }
.bs-earlier-fact { color: var(--bs-accent); font-size: 13px; }
.bs-earlier-fact:hover { text-decoration: underline; }
a:focus-visible { outline: 2px solid var(--bs-accent); outline-offset: 1px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
@media (forced-colors: active) {
  .panel { border: 1px solid CanvasText; background: Canvas; color: CanvasText; box-shadow: none; }
  .bs-sentence { border: 1px solid ButtonText; background: ButtonFace; color: ButtonText; }
  .bs-more { color: ButtonText; }
  .bs-meta, .bs-date, .bs-source, .bs-section-title, .bs-later-title, .bs-page-only { color: CanvasText; }
}
`;
