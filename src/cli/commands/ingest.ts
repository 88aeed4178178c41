import { CHAIN_FORMATS } from '../../ingest/chain-sources.ts';
import { TRADE_FORMATS } from '../../ingest/trade-sources.ts';
import { DEFAULT_DATA_DIR, openDuckDbStore, STORE_FILE, StoreOpenError } from '../../store/duckdb-store.ts';
import { DEFAULT_BATCH_ROWS, ingestFile, type IngestFileResult } from '../../store/ingest-file.ts';
import type { SourceCursor } from '../../store/market-store.ts';
import { choiceOption, intOption, parseCommandArgs } from '../args.ts';
import { type Command, type CommandIo, UsageError } from '../command.ts';
import { writeReport } from '../flow-inputs.ts';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'loads trade and chain files into the store (idempotent; an interrupted load resumes)',
  help: `Usage: smartmoney ingest FILE… [--data DIR] [--format F | --chain-format F] [--strict] [--batch-rows N]

Loads option trade files and chain snapshot files, in any format of docs/formats.md (each detected from its
first line: trades first, then chains), into the store at DIR/${STORE_FILE}. A file whose bytes were loaded
before is skipped. Rows are committed in batches with the file's progress; a run that was interrupted (killed,
out of disk) is completed by running the same command again, and the file's rows become visible at once when it
completes. Identical prints within one file are kept as separate trades; a print already stored from another
file is not stored twice (docs/store.md).
Prints a line per committed batch and each file's ingest report (accepted, rejected, excluded) on stderr, and a
JSON summary on stdout.

Options:
  --data DIR          the data directory (default ${DEFAULT_DATA_DIR}; created if missing)
  --format F          read every FILE as trades in format F: ${TRADE_FORMATS.join(', ')}
  --chain-format F    read every FILE as a chain in format F: ${CHAIN_FORMATS.join(', ')}
  --strict            stop at the first rejected row (exit 2); committed batches stay and a later run resumes
  --batch-rows N      rows per committed transaction, 1–10000000 (default ${DEFAULT_BATCH_ROWS})

Example:
  smartmoney generate-tape --prints 200000 --out /tmp/tape && smartmoney ingest /tmp/tape/trades.csv /tmp/tape/chains.csv`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      data: { type: 'string' },
      format: { type: 'string' },
      'chain-format': { type: 'string' },
      strict: { type: 'boolean' },
      'batch-rows': { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('give at least one FILE to load');
    const format = choiceOption(values.format, 'format', TRADE_FORMATS);
    const chainFormat = choiceOption(values['chain-format'], 'chain-format', CHAIN_FORMATS);
    if (format !== undefined && chainFormat !== undefined) throw new UsageError('give --format (trades) or --chain-format (chains), not both');
    const batchRows = intOption(values['batch-rows'], 'batch-rows', DEFAULT_BATCH_ROWS, 1, 10_000_000);
    const dataDir = values.data ?? DEFAULT_DATA_DIR;

    let store: Awaited<ReturnType<typeof openDuckDbStore>>;
    try {
      store = await openDuckDbStore({ dataDir });
    } catch (e) {
      if (!(e instanceof StoreOpenError)) throw e;
      io.stderr.write(`smartmoney ingest: ${e.message}\n`);
      return 1;
    }
    const results: { result: IngestFileResult; seconds: number }[] = [];
    try {
      for (const file of positionals) {
        const started = performance.now();
        const result = await ingestFile(store, file, { strict: values.strict === true, format, chainFormat, batchRows, onCommit: progress(io, file) });
        const seconds = (performance.now() - started) / 1000;
        describe(io, result, seconds);
        results.push({ result, seconds });
      }
    } finally {
      await store.close();
    }
    io.stdout.write(`${JSON.stringify(summary(store.path, results), null, 2)}\n`);
    return 0;
  },
};

/** One stderr line per committed batch: the rows of the file that are safe from here on. */
function progress(io: CommandIo, file: string): (cursor: SourceCursor) => void {
  return (cursor) => io.stderr.write(`ingest ${file}: ${cursor.rowsStaged} rows committed\n`);
}

function describe(io: CommandIo, r: IngestFileResult, seconds: number): void {
  const what = r.kind === 'prints' ? 'trades' : 'chain';
  if (r.report === null) {
    io.stderr.write(`${what} ${r.file}: already loaded (source ${r.source.sourceId}, sha256 ${r.source.sha256.slice(0, 12)}…); nothing to do\n`);
    return;
  }
  writeReport(io, what, r.file, r.report);
  const resumed = r.status === 'resumed' ? `, resumed after ${r.resumedFrom} rows committed by an earlier run` : '';
  const rate = seconds > 0 ? `, ${Math.round(r.source.rowsStaged / seconds)} rows/s` : '';
  io.stderr.write(`${what} ${r.file}: ${r.source.rowsStored} stored, ${r.source.rowsDuplicate} already in the store${resumed} (${seconds.toFixed(1)} s${rate})\n`);
}

function summary(path: string, results: readonly { result: IngestFileResult; seconds: number }[]): object {
  const files = results.map(({ result: r, seconds }) => ({
    file: r.file,
    kind: r.kind,
    format: r.format,
    sha256: r.source.sha256,
    status: r.status,
    resumed_from: r.resumedFrom,
    rows_read: r.source.report?.rowsRead ?? null,
    accepted: r.source.report?.accepted ?? null,
    rejected: r.source.report?.rejected ?? null,
    excluded: r.source.report?.excluded ?? null,
    stored: r.source.rowsStored,
    duplicates: r.source.rowsDuplicate,
    seconds: Math.round(seconds * 1000) / 1000,
  }));
  const total = (k: 'accepted' | 'rejected' | 'excluded' | 'stored' | 'duplicates') =>
    files.filter((f) => f.status !== 'already-loaded').reduce((s, f) => s + (f[k] ?? 0), 0);
  return {
    store: path,
    files,
    totals: {
      files: files.length,
      loaded: files.filter((f) => f.status !== 'already-loaded').length,
      already_loaded: files.filter((f) => f.status === 'already-loaded').length,
      accepted: total('accepted'), rejected: total('rejected'), excluded: total('excluded'),
      stored: total('stored'), duplicates: total('duplicates'),
    },
  };
}
