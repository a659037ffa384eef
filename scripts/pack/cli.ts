// `npm run pack -- <command> …`: one entry for the pack tools, each command in its own module.
import { main as build } from './build';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = { build };

const USAGE = `usage: npm run pack -- <command> [arguments]

commands:
  build DIR… [-o out.json]   draft a pack from saved articles (npm run pack -- build --help)`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    process.stderr.write(`unknown command ${command}\n\n${USAGE}\n`);
    return 2;
  }
  return handler(rest);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`pack: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
