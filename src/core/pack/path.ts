// Error locations written the way a pack author reads them: entities[3].facts[0].source.

export type PathKey = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out || '(top level)';
}

export function located(keys: readonly PathKey[], message: string): string {
  return `${formatPath(keys)}: ${message}`;
}
