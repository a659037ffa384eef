// Remote-code and privacy rules every built bundle must pass (build.mjs checks dist/ with them):
// no bundle may build code from strings or reach the network. Backstory has no reason to: its
// packs ship inside it and pages are read where they are.
const FORBIDDEN = [/\beval\(/, /\bnew Function\b/, /\bfetch\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\bsendBeacon\b/, /\bEventSource\b/, /\bimportScripts\b/];

/** The one read the background makes: a file of the extension itself, its address made by
 *  runtime.getURL (src/background/packs.ts reads the bundled packs so). Any other fetch is refused. */
const OWN_FILE_READ = { file: 'background.js', pattern: /\bfetch\([\w$]+(?:\.default)?\.runtime\.getURL\(/g };

/**
 * The first forbidden construct in a bundle's minified text, with some text around it; null when
 * there is none.
 * @param {string} file the bundle's path in dist/ ("background.js")
 * @param {string} text
 * @returns {{ found: string, near: string } | null}
 */
export function forbiddenIn(file, text) {
  const checked = file === OWN_FILE_READ.file ? text.replace(OWN_FILE_READ.pattern, 'ownFile(') : text;
  for (const bad of FORBIDDEN) {
    const m = bad.exec(checked);
    if (m) return { found: m[0], near: checked.slice(Math.max(0, m.index - 60), m.index + 40) };
  }
  return null;
}
