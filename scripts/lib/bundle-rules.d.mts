export function forbiddenIn(file: string, text: string): { found: string; near: string } | null;
