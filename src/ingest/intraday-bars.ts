import type { EpochMs, IsoDate } from '../core/units.ts';
import type { IntradayBar } from '../core/smart-money-index/smart-money-index.ts';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import { headerIndex } from './csv-line.ts';
import { readCsvRows } from './csv-rows.ts';
import { calendarDate, nonNegativeNumber, positiveNumber } from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions } from './ingest-report.ts';

/** Which intraday layout a file is in (see docs/formats.md and the data folders' SOURCE.md). */
export type IntradayBarFormat = 'lean-hourly' | 'minute-bars';

/** Bars of one file, sorted by start, with the resolution the reader found. */
export interface IntradayBarFile {
  readonly format: IntradayBarFormat;
  /** Nominal bar length in minutes (60 for LEAN hourly, whose first bar is 30 minutes: 09:30–10:00). */
  readonly resolutionMinutes: number;
  readonly bars: IntradayBar[];
}

const MINUTE_MS = 60_000;

/** `YYYY-MM-DD HH:MM[:SS]` naive US/Eastern wall clock → its parts; FieldError naming `field` otherwise. */
function wallClock(value: string | undefined, field: string): { date: IsoDate; minutes: number } {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value ?? '');
  if (m === null) throw new FieldError(field, value ?? '', 'expected YYYY-MM-DD HH:MM[:SS] (US/Eastern)');
  const date = calendarDate(m[1], field);
  const h = Number(m[2]), min = Number(m[3]), s = Number(m[4] ?? '0');
  if (h > 23 || min > 59 || s !== 0) throw new FieldError(field, value ?? '', 'not a whole minute of a day');
  return { date, minutes: h * 60 + min };
}

interface RawBar {
  date: IsoDate;
  minutes: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * Reads intraday OHLCV bars from either layout, gzip or plain:
 * - LEAN hourly (`bar_start_et,open,high,low,close,volume`, ../shared/data/lean-spy-hourly-1998-2021): the
 *   bar labelled `09:00` is 09:30–10:00 (the first half hour); every other `HH:00` label is HH:00–HH+1:00.
 * - minute bars (`datetime,open,high,low,close,volume`, ../shared/data/spy-qqq-intraday-bars-2025-2026): the
 *   time is the bar's start; the length is the most common gap between consecutive bars of a day (5 or 1
 *   minute). Pre- and post-market bars are kept; the SMI matches bars by their exact start and end.
 * Times are naive US/Eastern, turned into instants with daylight saving respected. Prices must be > 0,
 * volume ≥ 0, and high ≥ max(open, close) ≥ min(open, close) ≥ low.
 */
export async function readIntradayBars(file: string, opts: ParseOptions): Promise<IntradayBarFile> {
  let format: IntradayBarFormat | undefined;
  const raw: RawBar[] = [];
  const rows = readCsvRows(file, opts, {
    header: (line) => {
      const h = headerIndex(line);
      const timeCol = h.has('bar_start_et') ? 'bar_start_et' : h.has('datetime') ? 'datetime' : undefined;
      const cols = ['open', 'high', 'low', 'close', 'volume'];
      const missing = cols.filter((c) => !h.has(c));
      if (timeCol === undefined || missing.length > 0) {
        throw new InputFormatError(file, `line 1: expected bar_start_et or datetime, then ${cols.join(',')}; got ${line}`);
      }
      format = timeCol === 'bar_start_et' ? 'lean-hourly' : 'minute-bars';
      return [timeCol, ...cols].map((c) => h.get(c) ?? -1);
    },
    row: (f, idx): RawBar => {
      const timeField = format === 'lean-hourly' ? 'bar_start_et' : 'datetime';
      const { date, minutes } = wallClock(f[idx[0] ?? 0], timeField);
      const open = positiveNumber(f[idx[1] ?? 1], 'open'), high = positiveNumber(f[idx[2] ?? 2], 'high');
      const low = positiveNumber(f[idx[3] ?? 3], 'low'), close = positiveNumber(f[idx[4] ?? 4], 'close');
      const volume = nonNegativeNumber(f[idx[5] ?? 5], 'volume');
      if (high < Math.max(open, close) || low > Math.min(open, close)) {
        throw new FieldError('high', String(high), `high/low ${high}/${low} do not contain open ${open} and close ${close}`);
      }
      return { date, minutes, open, high, low, close, volume };
    },
  });
  for await (const batch of rows) for (const b of batch) raw.push(b);
  if (format === undefined) throw new InputFormatError(file, 'empty file');
  const resolutionMinutes = format === 'lean-hourly' ? 60 : commonGap(raw);
  const bars = raw.map((r): IntradayBar => {
    const startMin = format === 'lean-hourly' && r.minutes === 540 ? 570 : r.minutes;
    const endMin = r.minutes + resolutionMinutes;
    const start = newYorkWallClockToEpochMs(r.date, Math.floor(startMin / 60), startMin % 60, 0, 0);
    return {
      start, end: (start + (endMin - startMin) * MINUTE_MS) as EpochMs,
      open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volume,
    };
  });
  bars.sort((a, b) => a.start - b.start);
  return { format, resolutionMinutes, bars };
}

/** The most common positive gap, in minutes, between consecutive bars of the same date (1 when unknown). */
function commonGap(raw: readonly RawBar[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < raw.length; i++) {
    const a = raw[i - 1], b = raw[i];
    if (a === undefined || b === undefined || a.date !== b.date) continue;
    const g = b.minutes - a.minutes;
    if (g > 0) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let best = 1, bestN = 0;
  for (const [g, n] of counts) if (n > bestN) { best = g; bestN = n; }
  return best;
}
