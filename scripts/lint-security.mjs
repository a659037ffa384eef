#!/usr/bin/env node
// Security lint for src/: page, pack and note text must only ever reach the DOM as text, and no
// code may be built from strings. It walks the TypeScript AST (with type information), so a rule
// fires on real property accesses and calls, not on words in comments or strings.
//   node scripts/lint-security.mjs              checks src/**/*.ts; exit 1 and file:line per finding
//   node scripts/lint-security.mjs a.ts dir/    checks those files (directories: their .ts files)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Properties and methods that turn a string into markup (or parse it) when used on the DOM. */
const MARKUP_SINKS = new Map([
  ['innerHTML', 'no-inner-html'],
  ['outerHTML', 'no-inner-html'],
  ['insertAdjacentHTML', 'no-inner-html'],
  ['setHTMLUnsafe', 'no-inner-html'],
  ['parseHTMLUnsafe', 'no-dom-parser'],
  ['createContextualFragment', 'no-contextual-fragment'],
  ['srcdoc', 'no-inner-html'],
]);

export const RULES = {
  'no-inner-html': 'writes or reads markup; build nodes with createElement and set text with textContent',
  'no-contextual-fragment': 'Range.createContextualFragment parses markup into nodes; build them with createElement',
  'no-dom-parser': 'DOMParser turns strings into DOM; build nodes with createElement and textContent',
  'no-document-write': 'document.write/writeln inserts markup into the page',
  'no-eval': 'eval runs a string as code (and the extension CSP forbids it)',
  'no-new-function': 'Function() builds code from a string (and the extension CSP forbids it)',
  'no-string-timer': 'a timer given a string evaluates it as code; pass a function',
  'no-javascript-url': 'a javascript: URL is code in a string',
};

/** Globals through which eval, Function and timers can also be reached. */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'top', 'parent', 'frames']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);

/** All .ts files (not .d.ts) under the given files or directories, sorted. */
export function collectFiles(paths) {
  const out = [];
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'node_modules') walk(join(p, name));
    } else if (/\.(ts|tsx|mts|cts)$/.test(p) && !/\.d\.[mc]?ts$/.test(p)) {
      out.push(resolve(p));
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`lint-security: no such file or directory: ${p}`);
    walk(p);
  }
  return out.sort();
}

function compilerOptions() {
  const configPath = join(ROOT, 'tsconfig.json');
  const base = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'] };
  let options = base;
  if (existsSync(configPath)) {
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    options = ts.parseJsonConfigFileContent(config ?? {}, ts.sys, ROOT).options;
  }
  // Node's types would make setTimeout overloads differ from the browser's; src/ runs in browsers.
  return { ...options, types: [], noEmit: true, skipLibCheck: true };
}

/** Name of a property access `a.b` / `a['b']`, or null. */
function accessedName(node) {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return null;
}

function receiverOf(node) {
  return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ? node.expression : null;
}

function stripParens(node) {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

/** `(0, eval)` reaches eval as a value: the last operand of a comma expression. */
function lastOfComma(node) {
  node = stripParens(node);
  while (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken) node = stripParens(node.right);
  return node;
}

/** True when `node` names the global `name` directly or through window/globalThis/self. */
function isGlobal(node, name) {
  node = lastOfComma(node);
  if (ts.isIdentifier(node)) return node.text === name;
  const prop = accessedName(node);
  const recv = receiverOf(node);
  return prop === name && recv !== null && ts.isIdentifier(stripParens(recv)) && GLOBAL_OBJECTS.has(stripParens(recv).text);
}

function typeNames(checker, node) {
  try {
    const type = checker.getTypeAtLocation(node);
    const parts = type.isUnion() ? type.types : [type];
    return parts.map((t) => checker.typeToString(checker.getNonNullableType(t)));
  } catch {
    return [];
  }
}

function isDocument(checker, node) {
  const bare = stripParens(node);
  if (ts.isIdentifier(bare) && bare.text === 'document') return true;
  if (ts.isPropertyAccessExpression(bare) && bare.name.text === 'document') return true;
  return typeNames(checker, node).some((n) => n === 'Document' || n === 'HTMLDocument' || n === 'XMLDocument');
}

function isStringLike(checker, node) {
  const bare = stripParens(node);
  if (ts.isStringLiteralLike(bare) || ts.isTemplateExpression(bare)) return true;
  try {
    const type = checker.getTypeAtLocation(node);
    return (checker.getNonNullableType(type).flags & ts.TypeFlags.StringLike) !== 0;
  } catch {
    return false;
  }
}

/**
 * Checks the given files. Returns one finding per problem, in file order.
 * @param {string[]} files absolute paths
 * @returns {{ file: string, line: number, column: number, rule: keyof typeof RULES, message: string }[]}
 */
export function lintFiles(files) {
  const program = ts.createProgram(files, compilerOptions());
  const checker = program.getTypeChecker();
  const findings = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`lint-security: could not read ${file}`);
    const report = (node, rule, detail) => {
      const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      findings.push({ file, line: line + 1, column: character + 1, rule, message: `${detail}: ${RULES[rule]}` });
    };
    const visit = (node) => {
      // Property access and assignment: el.innerHTML = …, el['outerHTML'], range.createContextualFragment(…)
      const name = accessedName(node);
      if (name !== null) {
        const rule = MARKUP_SINKS.get(name);
        if (rule) report(node, rule, name);
        const recv = receiverOf(node);
        if ((name === 'write' || name === 'writeln') && recv && isDocument(checker, recv)) report(node, 'no-document-write', `document.${name}`);
      }
      // Destructuring a sink out of an element: const { innerHTML } = el
      if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if ((ts.isIdentifier(key) || ts.isStringLiteralLike(key)) && MARKUP_SINKS.has(key.text)) report(node, MARKUP_SINKS.get(key.text), key.text);
      }
      if (ts.isNewExpression(node)) {
        if (isGlobal(node.expression, 'DOMParser')) report(node, 'no-dom-parser', 'new DOMParser()');
        if (isGlobal(node.expression, 'Function')) report(node, 'no-new-function', 'new Function()');
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (isGlobal(callee, 'Function')) report(node, 'no-new-function', 'Function()');
        const timer = [...TIMERS].find((t) => isGlobal(callee, t));
        const first = node.arguments[0];
        if (timer && first && isStringLike(checker, first)) report(node, 'no-string-timer', `${timer}(string)`);
      }
      // eval named anywhere as a value (called, aliased, (0, eval)(…)), or window.eval.
      if (ts.isIdentifier(node) && node.text === 'eval' && isValueReference(node)) report(node, 'no-eval', 'eval');
      if (name === 'eval') {
        const recv = receiverOf(node);
        if (recv && ts.isIdentifier(stripParens(recv)) && GLOBAL_OBJECTS.has(stripParens(recv).text)) report(node, 'no-eval', `${stripParens(recv).text}.eval`);
      }
      if ((ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) && /^\s*javascript:/i.test(node.text)) report(node, 'no-javascript-url', 'javascript: URL');
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return findings;
}

/** An identifier used as a value (not a property name, declaration name or object key). */
function isValueReference(id) {
  const p = id.parent;
  if (!p) return true;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) return false;
  return true;
}

/** `file:line:column rule: message` lines, paths relative to the repository. */
export function formatFindings(findings, root = ROOT) {
  return findings.map((f) => `${relative(root, f.file) || f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`);
}

async function main() {
  const args = process.argv.slice(2);
  const files = collectFiles(args.length ? args : [join(ROOT, 'src')]);
  const findings = lintFiles(files);
  for (const line of formatFindings(findings)) console.error(line);
  if (findings.length) {
    console.error(`\nlint-security: ${findings.length} problem(s) in ${new Set(findings.map((f) => f.file)).size} file(s)`);
    process.exit(1);
  }
  console.log(`lint-security: ${files.length} files, no problems`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
