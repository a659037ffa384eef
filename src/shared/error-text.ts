/** What to show for a caught value: browser APIs and our own code throw Errors, others anything. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
