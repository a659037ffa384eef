// The few extension APIs the real-browser tests call inside the service worker or an extension
// page (through Playwright's `evaluate`); the project does not depend on @types/chrome.
declare const chrome: {
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number; url?: string; active?: boolean }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
