// The shape every `npm run pack` command module exports as `command`.

export interface CommandIO {
  /** One line of the command's result (stdout). */
  out(line: string): void;
  /** One line of a problem or of usage help (stderr). */
  err(line: string): void;
}

export interface PackCommand {
  /** One line: how to call it, e.g. "check FILE [PAGE]". */
  usage: string;
  /** One line: what it does. */
  summary: string;
  /** Exit code: 0 done, 1 the input has problems, 2 the command was called wrongly. */
  run(args: string[], io: CommandIO): Promise<number>;
}
