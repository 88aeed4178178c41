/**
 * bin/smartmoney: the command-line entry point. Wiring only: the list of commands and the error policy
 * (usage errors and bad input exit 2 with a message naming the file, line and field; nothing crashes).
 */
import type { Command, CommandIo } from './command.ts';
import { UsageError } from './command.ts';
import { InputFormatError, RowRejectedError } from '../ingest/ingest-report.ts';
import { commands } from './commands/index.ts';

function listing(cmds: readonly Command[]): string {
  const w = Math.max(...cmds.map((c) => c.name.length));
  return [
    'smartmoney — smart-money analytics on your own market data',
    '',
    'Usage: smartmoney <command> [options]    (smartmoney <command> --help for its options)',
    '',
    'Commands:',
    ...cmds.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${listing(commands)}\n`);
    return name === undefined ? 2 : 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (cmd === undefined) {
    io.stderr.write(`smartmoney: unknown command ${JSON.stringify(name)}\n\n${listing(commands)}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${cmd.help.trim()}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`smartmoney ${cmd.name}: ${e.message}\n\n${cmd.help.trim()}\n`);
      return 2;
    }
    if (e instanceof RowRejectedError || e instanceof InputFormatError) {
      io.stderr.write(`smartmoney ${cmd.name}: ${e.message}\n`);
      return 2;
    }
    if (isNodeFileError(e)) {
      io.stderr.write(`smartmoney ${cmd.name}: ${e.path ?? ''}: ${e.code === 'ENOENT' ? 'no such file' : e.message}\n`);
      return 2;
    }
    io.stderr.write(`smartmoney ${cmd.name}: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

function isNodeFileError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string'
    && ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code as string);
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\/src\//, '/src/'));
if (isEntry) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`smartmoney: ${String(e)}\n`); process.exitCode = 1; },
  );
}
