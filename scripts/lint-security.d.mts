export type RuleId =
  | 'no-inner-html'
  | 'no-contextual-fragment'
  | 'no-dom-parser'
  | 'no-document-write'
  | 'no-eval'
  | 'no-new-function'
  | 'no-string-timer'
  | 'no-javascript-url';
export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: RuleId;
  message: string;
}
export const RULES: Record<RuleId, string>;
export function collectFiles(paths: string[]): string[];
export function lintFiles(files: string[]): Finding[];
export function formatFindings(findings: Finding[], root?: string): string[];
