import { basename } from 'node:path';
import type { CryptoMetric, Observation } from '../../core/crypto-score/crypto-inputs.ts';
import type { EpochMs } from '../../core/units.ts';
import { headerIndex } from '../csv-line.ts';
import { readCsvRows } from '../csv-rows.ts';
import { InputFormatError, type ParseOptions, RowExcluded } from '../ingest-report.ts';
import { readFirstLine } from '../trade-sources.ts';
import { baseAsset, CRYPTO_LAYOUTS, type CryptoFamily, type CryptoLayout, type FileContext, type Header, REFUSED_LAYOUTS } from './crypto-layouts.ts';

/** Venues whose supervik funding files are stamped in UTC+3 (crypto-funding-rates/SOURCE.md, "TIMEZONE CAVEAT"). */
export const SUPERVIK_UTC_PLUS_3 = new Set(['binance', 'bybit', 'htx', 'mexc', 'kucoin']);

export interface CryptoFileRead {
  readonly file: string;
  readonly format: string;
  readonly series: Partial<Record<CryptoMetric, Observation[]>>;
  /** For funding layouts whose interval is inferred: the hours between prints the file showed. */
  readonly fundingIntervalHours: number | null;
}

export interface CryptoReadOptions extends ParseOptions {
  /** The asset asked for (upper case): rows naming another asset are excluded, files naming another refused. */
  readonly asset: string;
}

/** The layout of a file from its first line (header), or InputFormatError naming the file and the layouts known. */
export async function detectCryptoLayout(file: string): Promise<CryptoLayout> {
  const first = await readFirstLine(file);
  if (first === null) throw new InputFormatError(file, 'empty file; cannot tell its crypto format');
  const h = headerIndex(first);
  for (const r of REFUSED_LAYOUTS) if (r.detect(h)) throw new InputFormatError(file, r.reason);
  const layout = CRYPTO_LAYOUTS.find((l) => l.detect(h));
  if (layout === undefined) {
    throw new InputFormatError(file, `line 1: not a crypto format this reader knows: ${JSON.stringify(first.slice(0, 120))}; `
      + `expected one of: ${CRYPTO_LAYOUTS.map((l) => `${l.format} (${l.hint})`).join('; ')}`);
  }
  return layout;
}

function fileContext(file: string): FileContext {
  const name = basename(file);
  const m = /^[A-Za-z0-9]+-[A-Za-z0-9]+_([a-z]+)_\d{4}-\d{2}-\d{2}_/.exec(name);
  const venue = m?.[1] ?? null;
  return { name, venue, shiftHours: venue !== null && SUPERVIK_UTC_PLUS_3.has(venue) ? 3 : 0 };
}

/** The asset a file name names (`binance_btcusdt_…`, `coingecko_btc-usd-max`, `yahoo_BTC-USD_…`), or null. */
export function assetInFileName(name: string): string | null {
  const m = /(?:^|[^A-Za-z])([A-Za-z]{2,10}?)[-_]?usdt?(?:[^A-Za-z]|$)/i.exec(name);
  return m?.[1] === undefined ? null : baseAsset(m[1]);
}

interface Tagged {
  readonly metric: CryptoMetric;
  readonly obs: Observation;
}

/**
 * Reads one crypto file for one family (the flag it was given under: --funding, --stablecoin, …), in any layout of
 * crypto-layouts.ts (detected from the header line). Each row is accepted, rejected (FieldError: file, line,
 * field, value) or excluded (another asset; a blank value the source leaves for a missing day) in opts.report.
 * Funding comes out per 8 hours; supervik files are moved from UTC+3 to UTC where SOURCE.md says so.
 */
export async function readCryptoFile(file: string, family: CryptoFamily, opts: CryptoReadOptions): Promise<CryptoFileRead> {
  const layout = await detectCryptoLayout(file);
  const columns = layout.reads[family];
  if (columns === undefined) {
    throw new InputFormatError(file, `is ${layout.format} (${layout.hint}), which holds ${Object.keys(layout.reads).join(', ')}; not ${family}`);
  }
  const ctx = fileContext(file);
  const asset = opts.asset.toUpperCase();
  if (layout.assetInName === true) {
    const named = assetInFileName(ctx.name);
    if (named !== null && named !== asset) throw new InputFormatError(file, `the file name names ${named}; asked for ${asset}`);
  }
  const series: Partial<Record<CryptoMetric, Observation[]>> = {};
  const row = (f: string[], h: Header): Tagged[] => {
    const rowAsset = layout.asset(f, h);
    if (rowAsset !== null && rowAsset !== asset) throw new RowExcluded(`asset ${rowAsset}, not ${asset}`);
    const ts = layout.time(f, h, ctx) as EpochMs;
    const venue = layout.venue(f, h, ctx);
    const out: Tagged[] = [];
    for (const c of columns) {
      const value = c.value(f, h);
      if (value === null) continue;
      out.push({ metric: c.metric, obs: { ts, venue, value, weight: c.weight === undefined ? null : c.weight(f, h) } });
    }
    if (out.length === 0) throw new RowExcluded(`no ${family} value`);
    return out;
  };
  const rows = readCsvRows(file, opts, { header: (line) => headerIndex(line), row, exclude: true });
  for await (const batch of rows) {
    for (const tagged of batch) for (const t of tagged) (series[t.metric] ??= []).push(t.obs);
  }
  let fundingIntervalHours: number | null = null;
  if (layout.inferFundingInterval === true && series.funding !== undefined) {
    fundingIntervalHours = medianGapHours(series.funding);
    const factor = 8 / fundingIntervalHours;
    series.funding = series.funding.map((o) => ({ ...o, value: o.value * factor }));
  }
  return { file, format: layout.format, series, fundingIntervalHours };
}

/** The median gap between a file's distinct print times, in whole hours (8 when it cannot tell). */
function medianGapHours(obs: readonly Observation[]): number {
  const ts = [...new Set(obs.map((o) => o.ts))].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < ts.length; i++) gaps.push((ts[i] as number) - (ts[i - 1] as number));
  gaps.sort((a, b) => a - b);
  const g = gaps[gaps.length >> 1];
  return g === undefined ? 8 : Math.max(1, Math.round(g / 3_600_000));
}
