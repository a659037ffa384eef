// Styles of the note editor, inside its closed shadow root (page CSS cannot reach in, ours cannot leak).
export const NOTE_EDITOR_CSS = `
:host {
  --bs-bg: #ffffff; --bs-fg: #1d1f23; --bs-muted: #5b616b; --bs-border: #c3c8d0;
  --bs-accent: #1f5fbf; --bs-accent-fg: #ffffff; --bs-error: #b3261e; --bs-shadow: 0 6px 24px rgba(0,0,0,.2);
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :host {
    --bs-bg: #1f2227; --bs-fg: #e8eaed; --bs-muted: #a5abb5; --bs-border: #4a4f57;
    --bs-accent: #8ab4f8; --bs-accent-fg: #10131a; --bs-error: #f2b8b5; --bs-shadow: 0 6px 24px rgba(0,0,0,.5);
    color-scheme: dark;
  }
}
form {
  box-sizing: border-box; width: min(340px, calc(100vw - 16px)); padding: 12px 14px;
  border: 1px solid var(--bs-border); border-radius: 8px; background: var(--bs-bg); color: var(--bs-fg);
  box-shadow: var(--bs-shadow); text-align: start;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif;
}
h2 { margin: 0 0 8px; font-size: 14px; font-weight: 650; }
label { display: block; margin: 0 0 8px; font-size: 12px; color: var(--bs-muted); }
input, textarea {
  display: block; box-sizing: border-box; width: 100%; margin-top: 2px; padding: 5px 7px; font: inherit; font-size: 14px;
  color: var(--bs-fg); background: var(--bs-bg); border: 1px solid var(--bs-border); border-radius: 5px;
}
textarea { min-height: 5.5em; resize: vertical; }
.hint { margin: 0 0 8px; font-size: 12px; color: var(--bs-muted); }
.error { margin: 0 0 8px; font-size: 13px; color: var(--bs-error); }
.error:empty { display: none; }
.buttons { display: flex; justify-content: flex-end; gap: 8px; }
button {
  font: inherit; font-size: 13px; padding: 5px 12px; border-radius: 5px; cursor: pointer;
  border: 1px solid var(--bs-border); background: transparent; color: var(--bs-fg);
}
button.save { background: var(--bs-accent); border-color: var(--bs-accent); color: var(--bs-accent-fg); }
button:disabled { opacity: .6; cursor: default; }
input:focus-visible, textarea:focus-visible, button:focus-visible { outline: 2px solid var(--bs-accent); outline-offset: 1px; }
@media (forced-colors: active) {
  form { border: 1px solid CanvasText; background: Canvas; color: CanvasText; box-shadow: none; }
  button.save { background: ButtonFace; color: ButtonText; border-color: ButtonText; }
}
`;
