import { setTimeout as sleepMs } from 'node:timers/promises';
import type { OptionTrade } from '../../core/options-flow/option-trade.ts';
import { IngestReport } from '../../ingest/ingest-report.ts';
import { readTrades, TRADE_FORMATS, type TradeFormat } from '../../ingest/trade-sources.ts';
import type { EquityPrint } from '../../core/dark-pool/equity-print.ts';
import { readEquityPrints } from '../../ingest/equity-sources.ts';
import { choiceOption, intOption, numberOption, parseCommandArgs } from '../args.ts';
import { type Command, type CommandIo, UsageError } from '../command.ts';
import { writeReport } from '../flow-inputs.ts';

const DEFAULT_URL = 'http://127.0.0.1:8080';
const DEFAULT_BATCH_MS = 250;
/** Most prints per request, whatever the speed: ~4 MB of NDJSON, far below the server's body limit. */
export const MAX_BATCH_PRINTS = 20_000;

/** One canonical trade as a line of NDJSON (docs/formats.md columns; ts as ISO-8601 UTC with milliseconds). */
export function tradeNdjsonLine(t: OptionTrade): string {
  return JSON.stringify({
    ts: new Date(t.ts).toISOString(), underlying: t.underlying, expiry: t.expiry, strike: t.strike, right: t.right,
    price: t.price, size: t.size, bid: t.bid, ask: t.ask, exchange: t.exchange, condition: t.condition,
    side: t.side ?? undefined,
  });
}

/** One equity print as a line of canonical NDJSON (docs/formats.md "Equity prints"; conditions as a 0x mask). */
export function equityNdjsonLine(p: EquityPrint): string {
  return JSON.stringify({
    ts: new Date(p.ts).toISOString(), symbol: p.symbol, price: p.price, size: p.size, exchange: p.exchange,
    conditions: p.conditions === 0 ? '' : `0x${p.conditions.toString(16)}`, bid: p.bid ?? '', ask: p.ask ?? '',
  });
}

/** What a tape holds: option trades (to /v1/ingest/options-trades) or equity prints (to /v1/ingest/equity-trades). */
export type ReplayKind = 'options' | 'equity';

/** A shared clock for tapes replayed together: tape time `tapeMs` is played at wall time `wallMs`. */
export interface ReplayOrigin {
  readonly wallMs: number;
  readonly tapeMs: number;
}

export interface ReplayOptions {
  readonly file: string;
  /** Default 'options'. */
  readonly kind?: ReplayKind;
  /** Default: the first print of this tape at the moment the replay starts. */
  readonly origin?: ReplayOrigin;
  readonly url: string;
  /** Tape time runs this many times faster than wall time; 0 = no waiting at all. */
  readonly speed: number;
  /** Wall-clock length of one batch: the prints of each such interval (of tape time × speed) go in one request. */
  readonly batchMs: number;
  readonly format?: TradeFormat;
  /** Clock and sleep, passed in so tests can check the rhythm without waiting. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly post?: (url: string, body: string) => Promise<{ status: number; text: string }>;
  readonly progress?: (line: string) => void;
}

export interface ReplayResult {
  readonly report: IngestReport;
  readonly batches: number;
  readonly sent: number;
  readonly accepted: number;
  readonly rejected: number;
}

async function httpPost(url: string, body: string): Promise<{ status: number; text: string }> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  return { status: r.status, text: await r.text() };
}

/** The server refused a batch (anything but 200, or 400 for a batch it read and rejected row by row). */
export class ReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayError';
  }
}

/**
 * Plays a recorded tape into a running server's live feed (POST /v1/ingest/options-trades) in its original
 * rhythm, `speed` times faster: the tape is cut into intervals of `batchMs × speed` of tape time, and a batch
 * whose latest print is at tape time T is sent at wall time start + (T − T₀) / speed (T₀ the first print's
 * time): gaps between prints are kept, scaled, no print reaches the server before its (scaled) time, and none
 * later than one batch interval after it. A batch never holds more than MAX_BATCH_PRINTS. Speed 0 sends as fast
 * as the server answers. The tape is expected in time order; an out-of-order print goes with the batch being
 * filled (it is never held back).
 */
export async function replayTape(opts: ReplayOptions): Promise<ReplayResult> {
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? ((ms: number) => sleepMs(ms));
  const post = opts.post ?? httpPost;
  const kind = opts.kind ?? 'options';
  const target = `${opts.url.replace(/\/+$/, '')}/v1/ingest/${kind === 'options' ? 'options-trades' : 'equity-trades'}`;
  const span = opts.speed > 0 ? opts.batchMs * opts.speed : Infinity;
  const report = new IngestReport();
  let start = opts.origin?.wallMs ?? NaN, tape0 = opts.origin?.tapeMs ?? NaN, batchTs = NaN, lastTs = NaN;
  let pending: { ts: number }[] = [];
  let batches = 0, sent = 0, accepted = 0, rejected = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    if (opts.speed > 0) {
      const wait = start + (lastTs - tape0) / opts.speed - now();
      if (wait > 0) await sleep(wait);
    }
    const body = kind === 'options'
      ? `${(pending as OptionTrade[]).map(tradeNdjsonLine).join('\n')}\n`
      : `${(pending as EquityPrint[]).map(equityNdjsonLine).join('\n')}\n`;
    const r = await post(target, body);
    if (r.status !== 200 && r.status !== 400) throw new ReplayError(`POST ${target} answered ${r.status}: ${r.text.slice(0, 300)}`);
    const counts = JSON.parse(r.text) as { accepted?: unknown; rejected?: unknown };
    if (typeof counts.accepted !== 'number' || typeof counts.rejected !== 'number') {
      throw new ReplayError(`POST ${target} answered ${r.status} without counts: ${r.text.slice(0, 300)}`);
    }
    batches++;
    sent += pending.length;
    accepted += counts.accepted;
    rejected += counts.rejected;
    opts.progress?.(`replay: ${sent} prints sent in ${batches} batches (tape at ${new Date(batchTs).toISOString()}), `
      + `${accepted} accepted, ${rejected} rejected, ${((now() - start) / 1000).toFixed(1)} s`);
    pending = [];
  };

  const read: AsyncIterable<readonly { ts: number }[]> = kind === 'options'
    ? readTrades(opts.file, { report, strict: false, format: opts.format })
    : readEquityPrints(opts.file, { report, strict: false });
  for await (const batch of read) {
    for (const t of batch) {
      if (Number.isNaN(start)) {
        start = now();
        tape0 = t.ts;
      }
      if (pending.length > 0 && (t.ts >= batchTs + span || pending.length >= MAX_BATCH_PRINTS)) await flush();
      if (pending.length === 0) {
        batchTs = Math.max(t.ts, Number.isNaN(batchTs) ? t.ts : batchTs);
        lastTs = batchTs;
      }
      lastTs = Math.max(lastTs, t.ts);
      pending.push(t);
    }
  }
  await flush();
  return { report, batches, sent, accepted, rejected };
}

/** The time of a tape's first print (null for an empty tape): where replays played together start. */
export async function firstPrintTs(file: string, kind: ReplayKind, format?: TradeFormat): Promise<number | null> {
  const report = new IngestReport();
  const read: AsyncIterable<readonly { ts: number }[]> = kind === 'options'
    ? readTrades(file, { report, strict: false, format })
    : readEquityPrints(file, { report, strict: false });
  for await (const batch of read) if (batch.length > 0) return Math.min(...batch.map((x) => x.ts));
  return null;
}

/**
 * Option and equity tapes replayed together on one clock (their earliest print first), so that the dark pool
 * and the options flow of a day arrive in step. Resolves with each tape's result, options first.
 */
export async function replayTogether(opts: Omit<ReplayOptions, 'kind' | 'origin'> & { readonly equityFile: string }): Promise<ReplayResult[]> {
  const a = await firstPrintTs(opts.file, 'options', opts.format);
  const b = await firstPrintTs(opts.equityFile, 'equity');
  const tapeMs = Math.min(a ?? Infinity, b ?? Infinity);
  const origin: ReplayOrigin = { wallMs: (opts.now ?? (() => performance.now()))(), tapeMs: Number.isFinite(tapeMs) ? tapeMs : 0 };
  return Promise.all([
    replayTape({ ...opts, kind: 'options', origin }),
    replayTape({ ...opts, file: opts.equityFile, kind: 'equity', origin }),
  ]);
}

async function replay(argv: string[], io: CommandIo): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(argv, {
    speed: { type: 'string' },
    url: { type: 'string' },
    'batch-ms': { type: 'string' },
    format: { type: 'string' },
    equity: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError(`expected one tape FILE; got ${positionals.length}`);
  if (v.speed === undefined) throw new UsageError('--speed is required: N times real time (1 = real time, 0 = as fast as possible)');
  const speed = numberOption(v.speed, 'speed', 1, 0, 1_000_000);
  const batchMs = intOption(v['batch-ms'], 'batch-ms', DEFAULT_BATCH_MS, 1, 3_600_000);
  const url = v.url ?? DEFAULT_URL;
  if (!/^https?:\/\/[^/]+/.test(url)) throw new UsageError(`--url was ${JSON.stringify(url)}; expected http://host:port`);
  const format = choiceOption(v.format, 'format', TRADE_FORMATS) as TradeFormat | undefined;
  const file = positionals[0] as string;
  let lastProgress = -Infinity;
  const progress = (line: string) => {
    const t = performance.now();
    if (t - lastProgress < 1000) return;
    lastProgress = t;
    io.stderr.write(`${line}\n`);
  };
  try {
    const results = v.equity === undefined
      ? [await replayTape({ file, url, speed, batchMs, format, progress })]
      : await replayTogether({ file, equityFile: v.equity, url, speed, batchMs, format, progress });
    let rejected = 0;
    results.forEach((r, i) => {
      writeReport(io, i === 0 ? 'trades' : 'equity trades', i === 0 ? file : v.equity ?? '', r.report);
      io.stderr.write(`replay: done, ${r.sent} ${i === 0 ? '' : 'equity '}prints in ${r.batches} batches; the server accepted ${r.accepted} and rejected ${r.rejected}\n`);
      rejected += r.rejected;
    });
    return rejected > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ReplayError) {
      io.stderr.write(`smartmoney replay: ${e.message}\n`);
      return 1;
    }
    if (e instanceof TypeError && /fetch failed/.test(e.message)) {
      io.stderr.write(`smartmoney replay: cannot reach ${url} (${String((e as { cause?: unknown }).cause ?? e.message)}); is \`smartmoney serve\` running?\n`);
      return 1;
    }
    throw e;
  }
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'play a recorded tape into a running server\'s live feed in its original rhythm, N times faster',
  help: `Usage: smartmoney replay FILE --speed N [--equity FILE] [--url URL] [--batch-ms MS] [--format F]

Reads option trades from FILE (any trade format; gzip read transparently; expected in time order) and POSTs
them to URL/v1/ingest/options-trades as NDJSON, keeping the tape's rhythm N times faster: the prints of each
MS of wall time (MS × N of tape time) go in one request, sent when their time comes. Progress on stderr.
Exit 1 when the server cannot be reached, refuses a batch, or rejects a row.

Options:
  --speed N        N times real time (1 = real time, 60 = an hour a minute; 0 = as fast as possible). Required
  --url URL        the server (default ${DEFAULT_URL})
  --batch-ms MS    wall-clock milliseconds per request (default ${DEFAULT_BATCH_MS}); at most ${MAX_BATCH_PRINTS} prints each
  --format F       force the trade format: ${TRADE_FORMATS.join(', ')}
  --equity FILE    also replay this equity tape (canonical prints or LEAN trade ticks) to
                   URL/v1/ingest/equity-trades, on the same clock (both tapes start at their earliest print)

Example:
  smartmoney serve & smartmoney generate-tape --out /tmp/tape && smartmoney replay /tmp/tape/trades.csv --speed 60`,
  run: replay,
};
