import { DEFAULT_FLOW_SETTINGS } from '../../core/options-flow/flow-settings.ts';
import { CHAIN_FORMATS } from '../../ingest/chain-sources.ts';
import { TRADE_FORMATS } from '../../ingest/trade-sources.ts';
import { DEFAULT_DATA_DIR, openDuckDbStore, STORE_FILE, StoreOpenError } from '../../store/duckdb-store.ts';
import { type DayFill, fillDaySignals } from '../../store/fill-day-signals.ts';
import { DEFAULT_BATCH_ROWS, ingestFile, type IngestFileResult } from '../../store/ingest-file.ts';
import type { SourceCursor, SourceKind } from '../../store/market-store.ts';
import { choiceOption, intOption, parseCommandArgs } from '../args.ts';
import { type Command, type CommandIo, UsageError } from '../command.ts';
import { writeReport } from '../flow-inputs.ts';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'loads option trade, chain and equity tick files into the store (idempotent; an interrupted load resumes)',
  help: `Usage: smartmoney ingest FILE… [--data DIR] [--format F | --chain-format F] [--strict] [--batch-rows N] [--no-signals]

Loads option trade files, chain snapshot files and equity tick files (canonical equity prints, LEAN trade and
quote ticks: the dark pool and bars data), in any format of docs/formats.md (each detected from its first line:
equity ticks, then option trades, then chains; a file that is none of them is an error naming it), into the
store at DIR/${STORE_FILE}. A file whose bytes were loaded
before is skipped. Rows are committed in batches with the file's progress; a run that was interrupted (killed,
out of disk) is completed by running the same command again, and the file's rows become visible at once when it
completes. Identical prints within one file are kept as separate trades; a print already stored from another
file is not stored twice (docs/store.md).
Once the files are loaded, the flow signals of every underlying and New York day in the store whose stored
signals are missing or out of date (a load changed its prints or chain) are computed and stored, so the API
answers a past day from them (docs/store.md "Day signals"); signals already current are not recomputed, and a
run interrupted here is completed by the next.
Prints a line per committed batch, each file's ingest report (accepted, rejected, excluded) and a line per day of
signals on stderr, and a JSON summary on stdout.

Options:
  --data DIR          the data directory (default ${DEFAULT_DATA_DIR}; created if missing)
  --format F          read every FILE as trades in format F: ${TRADE_FORMATS.join(', ')}
  --chain-format F    read every FILE as a chain in format F: ${CHAIN_FORMATS.join(', ')}
  --strict            stop at the first rejected row (exit 2); committed batches stay and a later run resumes
  --batch-rows N      rows per committed transaction, 1–10000000 (default ${DEFAULT_BATCH_ROWS})
  --no-signals        do not compute the day signals (the API then scores each past day on request)

Example:
  smartmoney generate-tape --prints 200000 --out /tmp/tape && smartmoney ingest /tmp/tape/trades.csv /tmp/tape/chains.csv`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      data: { type: 'string' },
      format: { type: 'string' },
      'chain-format': { type: 'string' },
      strict: { type: 'boolean' },
      'batch-rows': { type: 'string' },
      'no-signals': { type: 'boolean' },
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
    let fills: DayFill[] | null = null;
    try {
      for (const file of positionals) {
        const started = performance.now();
        const result = await ingestFile(store, file, { strict: values.strict === true, format, chainFormat, batchRows, onCommit: progress(io, file) });
        const seconds = (performance.now() - started) / 1000;
        describe(io, result, seconds);
        results.push({ result, seconds });
      }
      if (values['no-signals'] !== true) fills = await fillDaySignals(store, DEFAULT_FLOW_SETTINGS, { onDay: (f) => describeFill(io, f) });
    } finally {
      await store.close();
    }
    io.stdout.write(`${JSON.stringify({ ...summary(store.path, results), signals: fills === null ? null : signalsSummary(fills) }, null, 2)}\n`);
    return 0;
  },
};

/** One stderr line per committed batch: the rows of the file that are safe from here on. */
function progress(io: CommandIo, file: string): (cursor: SourceCursor) => void {
  return (cursor) => io.stderr.write(`ingest ${file}: ${cursor.rowsStaged} rows committed\n`);
}

const KIND_WORDS: Record<SourceKind, string> = { prints: 'trades', chain: 'chain', 'equity-prints': 'equity trades', 'equity-quotes': 'equity quotes' };

function describe(io: CommandIo, r: IngestFileResult, seconds: number): void {
  const what = KIND_WORDS[r.kind];
  if (r.report === null) {
    io.stderr.write(`${what} ${r.file}: already loaded (source ${r.source.sourceId}, sha256 ${r.source.sha256.slice(0, 12)}…); nothing to do\n`);
    return;
  }
  writeReport(io, what, r.file, r.report);
  const resumed = r.status === 'resumed' ? `, resumed after ${r.resumedFrom} rows committed by an earlier run` : '';
  const rate = seconds > 0 ? `, ${Math.round(r.source.rowsStaged / seconds)} rows/s` : '';
  io.stderr.write(`${what} ${r.file}: ${r.source.rowsStored} stored, ${r.source.rowsDuplicate} already in the store${resumed} (${seconds.toFixed(1)} s${rate})\n`);
}

function describeFill(io: CommandIo, f: DayFill): void {
  const rate = f.seconds > 0 && f.prints > 0 ? `, ${Math.round(f.prints / f.seconds)} prints/s` : '';
  io.stderr.write(`signals ${f.day}: ${f.computed} of ${f.symbols} symbols computed and stored (${f.prints} prints, ${f.seconds.toFixed(1)} s${rate}), `
    + `${f.symbols - f.computed} already current\n`);
}

/** The stdout summary of the day signals: what was stored now and what was already current. */
function signalsSummary(fills: readonly DayFill[]): object {
  const sum = (k: 'symbols' | 'computed' | 'prints') => fills.reduce((n, f) => n + f[k], 0);
  return {
    days: fills.length,
    symbol_days: sum('symbols'),
    computed: sum('computed'),
    already_current: sum('symbols') - sum('computed'),
    prints_scored: sum('prints'),
    seconds: Math.round(fills.reduce((n, f) => n + f.seconds, 0) * 1000) / 1000,
  };
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
