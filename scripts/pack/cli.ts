// `npm run pack -- <command> [args…]`: tools for people who write knowledge packs.
// Each command is its own module exporting a `PackCommand`; this file only dispatches, so a new
// command is one import line in COMMANDS (e.g. `build: () => import('./build')`).
import type { PackCommand } from './command';

const COMMANDS: Record<string, () => Promise<{ command: PackCommand }>> = {
  build: () => import('./build'),
  check: () => import('./check'),
  world: () => import('./world'),
};

async function usage(out: (line: string) => void): Promise<void> {
  out('usage: npm run pack -- <command> [args…]');
  out('');
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { command } = await load();
    out(`  ${command.usage}`);
    out(`      ${command.summary}`);
  }
  out('');
  out('The pack format is described in docs/PACKS.md.');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await usage((l) => console.log(l));
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`unknown command "${name}"`);
    await usage((l) => console.error(l));
    return 2;
  }
  const { command } = await load();
  return command.run(args, { out: (l) => console.log(l), err: (l) => console.error(l) });
}

process.exitCode = await main(process.argv.slice(2));
