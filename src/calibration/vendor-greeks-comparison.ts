import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from '../core/gamma-exposure/chain-analytics-settings.ts';
import { settlementOf } from '../core/gamma-exposure/settlement-style.ts';
import { greeks } from '../core/pricing/greeks.ts';
import { impliedVolatility } from '../core/pricing/lets-be-rational.ts';
import { yearsToExpiry } from '../core/pricing/time-to-expiry.ts';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import { type IsoDate, type YearFraction, yearFraction } from '../core/units.ts';
import { calendarDate, positiveNumber } from '../ingest/fields.ts';
import { IngestReport, type ParseOptions } from '../ingest/ingest-report.ts';
import { readCsvRecords } from './csv-records.ts';
import { readVendorGreeksDay, type VendorGreeksContract, type VendorGreeksDay } from './lean-vendor-greeks.ts';

/**
 * How closely our implied volatility and greeks agree with the LEAN vendor's own (issue 3, "Must show"), on the
 * LEAN universe files: AAPL 2014-06, GOOG 2015-12, SPX 2015-12 (SPY's 8 trimmed files are left out).
 * Per contract with a vendor IV ≥ 1e−4 (below are its solver failures, counted apart):
 *   - iv: our impliedVolatility of the contract's close (the files have OHLC, no bid/ask) at the underlying
 *     close, against the vendor's implied_volatility;
 *   - delta … rho: our greeks at the vendor's IV (so IV disagreement does not leak into them), against the
 *     vendor's, in the vendor's units (found below by the median ratio: vega per vol point, theta per calendar
 *     day, rho per rate point — the units of our greeks()).
 * Reported per data set: n, median and 95th percentile of |ours − vendor|. The method, the numbers and their
 * explanation are in docs/methodology-pricing-check.md; run `node --import tsx src/calibration/vendor-greeks-comparison.ts`.
 */

/** Market inputs and clock of one comparison run. */
export interface Conventions {
  readonly name: string;
  /** Risk-free rate, continuously compounded per year. */
  readonly rate: number;
  /** Dividend yield per underlying (0 when absent). */
  readonly dividendYield: Readonly<Record<string, number>>;
  /** Years from the snapshot (file date) to expiry. */
  readonly years: (underlying: string, date: IsoDate, expiry: IsoDate) => YearFraction;
}

const DAY_MS = 86_400_000;
const calendarDays = (from: IsoDate, to: IsoDate): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/**
 * The vendor's inputs as far as the data reveal them (docs/methodology-pricing-check.md, "Finding the vendor's
 * inputs"): T = (expiry date 00:00 − snapshot date 16:00) / 365 days, LEAN's TimeTillExpiry = (expiry −
 * reference).TotalDays / 365 with the expiry at midnight; r = 1 %, fitted on SPX (median |Δdelta| 1e−5 there);
 * q = 0 for GOOG and SPX (fitted), AAPL's trailing dividend yield $12.20 / $630 = 1.9 %.
 */
export const VENDOR_CONVENTIONS: Conventions = {
  name: 'vendor',
  rate: 0.01,
  dividendYield: { AAPL: 0.019 },
  years: (_underlying, date, expiry) => yearFraction(Math.max(0, calendarDays(date, expiry) - 16 / 24) / 365),
};

/**
 * Our own clock (time-to-expiry.ts: 16:00 New York on the expiry date, 09:30 for AM-settled SPX monthlies) with
 * the vendor's r and q: isolates what the time convention alone changes.
 */
export const OUR_CLOCK_CONVENTIONS: Conventions = {
  ...VENDOR_CONVENTIONS,
  name: 'our clock',
  years: (underlying, date, expiry) => yearsToExpiry(newYorkWallClockToEpochMs(date, 16, 0, 0, 0), expiry,
    settlementOf(underlying, expiry, DEFAULT_CHAIN_ANALYTICS_SETTINGS)),
};

/** |ours − vendor| of one quantity over a data set; `withinTolerance` = share with |Δ| ≤ TOLERANCE[quantity]. */
export interface DifferenceStats {
  readonly n: number;
  readonly median: number | null;
  readonly p95: number | null;
  readonly withinTolerance: number | null;
}

export const QUANTITIES = ['iv', 'iv_out_of_the_money', 'iv_traded_out_of_the_money', 'delta', 'gamma', 'vega', 'theta', 'rho'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** What counts as agreeing for a trader: 1 vol point of IV, 0.01 of delta, 1e−4 of gamma, 1 cent of vega, theta, rho. */
export const TOLERANCE: Readonly<Record<Quantity, number>> = {
  iv: 0.01, iv_out_of_the_money: 0.01, iv_traded_out_of_the_money: 0.01, delta: 0.01, gamma: 1e-4, vega: 0.01, theta: 0.01, rho: 0.01,
};

export interface DataSetComparison {
  readonly dataSet: string;
  readonly files: number;
  /** Contracts with a vendor IV ≥ 1e−4 and time left. */
  readonly compared: number;
  /** Vendor IV below 1e−4 (its solver failed): left out. */
  readonly vendorIvFailures: number;
  /** Our IV of the close was null (price outside the European no-arbitrage bounds), by reason. */
  readonly ourIvNull: Readonly<Record<string, number>>;
  readonly differences: Readonly<Record<Quantity, DifferenceStats>>;
  /** Median vendor / ours of vega, theta, rho (1 = same units; 100, 365, 252/365 would be the alternatives). */
  readonly unitRatios: { readonly vega: number | null; readonly theta: number | null; readonly rho: number | null };
}

function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function stats(values: number[], tolerance: number): DifferenceStats {
  values.sort((a, b) => a - b);
  const within = values.length === 0 ? null : values.filter((v) => v <= tolerance).length / values.length;
  return { n: values.length, median: quantile(values, 0.5), p95: quantile(values, 0.95), withinTolerance: within };
}

const outOfTheMoney = (c: VendorGreeksContract, spot: number): boolean => (c.right === 'C' ? c.strike >= spot : c.strike <= spot);

/** Compares one data set (days of one underlying, each with its spot) under `conventions`. */
export function compareDataSet(dataSet: string, days: readonly { day: VendorGreeksDay; spot: number }[], conventions: Conventions): DataSetComparison {
  const diffs = Object.fromEntries(QUANTITIES.map((q) => [q, [] as number[]])) as Record<Quantity, number[]>;
  const ratios = { vega: [] as number[], theta: [] as number[], rho: [] as number[] };
  const ourIvNull: Record<string, number> = {};
  let compared = 0;
  let vendorIvFailures = 0;
  for (const { day, spot } of days) {
    const q = conventions.dividendYield[day.underlying] ?? 0;
    for (const c of day.contracts) {
      const t = conventions.years(day.underlying, day.date, c.expiry);
      if (!(t > 0)) continue;
      if (!(c.iv >= 1e-4)) {
        vendorIvFailures++;
        continue;
      }
      compared++;
      const market = { spot, strike: c.strike, t, r: conventions.rate, q, right: c.right };
      const ours = impliedVolatility(c.close, market);
      if (ours.iv === null) ourIvNull[ours.reason] = (ourIvNull[ours.reason] ?? 0) + 1;
      else {
        const d = Math.abs(ours.iv - c.iv);
        diffs.iv.push(d);
        if (outOfTheMoney(c, spot)) {
          diffs.iv_out_of_the_money.push(d);
          if (c.volume > 0) diffs.iv_traded_out_of_the_money.push(d);
        }
      }
      const g = greeks({ ...market, sigma: c.iv });
      diffs.delta.push(Math.abs(g.delta - c.delta));
      diffs.gamma.push(Math.abs(g.gamma - c.gamma));
      diffs.vega.push(Math.abs(g.vega - c.vega));
      diffs.theta.push(Math.abs(g.theta - c.theta));
      diffs.rho.push(Math.abs(g.rho - c.rho));
      if (Math.abs(g.vega) > 1e-3) ratios.vega.push(c.vega / g.vega);
      if (Math.abs(g.theta) > 1e-3) ratios.theta.push(c.theta / g.theta);
      if (Math.abs(g.rho) > 1e-3) ratios.rho.push(c.rho / g.rho);
    }
  }
  const median = (xs: number[]): number | null => stats(xs, 0).median;
  return {
    dataSet,
    files: days.length,
    compared,
    vendorIvFailures,
    ourIvNull,
    differences: Object.fromEntries(QUANTITIES.map((q) => [q, stats(diffs[q], TOLERANCE[q])])) as Record<Quantity, DifferenceStats>,
    unitRatios: { vega: median(ratios.vega), theta: median(ratios.theta), rho: median(ratios.rho) },
  };
}

/** A snapshot's underlying price two ways: the file's underlying row, and what the option closes imply. */
export interface SpotCheck {
  readonly file: string;
  readonly spot: number;
  /** Median put–call-parity spot over the strikes where both the call and the put traded, or null. */
  readonly paritySpot: number | null;
  readonly pairs: number;
}

/**
 * Put–call parity S = (C − P + K·e^{−rT})·e^{qT} (Hull ch. 11, with a dividend yield ch. 17) on the nearest expiry
 * at least 2 days out with ≥ 3 strikes within ±10 % of `spot` where both legs traded that session; the median.
 * A diagnostic of stale underlying rows: closes of contracts that traded in the session imply the spot they
 * traded against. American early exercise biases it slightly (deep in-the-money legs are avoided by the band).
 */
export function paritySpot(day: VendorGreeksDay, spot: number, conventions: Conventions): { spot: number | null; pairs: number } {
  const q = conventions.dividendYield[day.underlying] ?? 0;
  const legs = new Map<string, { call?: VendorGreeksContract; put?: VendorGreeksContract }>();
  for (const c of day.contracts) {
    if (c.volume <= 0 || Math.abs(c.strike / spot - 1) > 0.1) continue;
    const key = `${c.expiry} ${c.strike}`;
    const pair = legs.get(key) ?? {};
    if (c.right === 'C') pair.call = c;
    else pair.put = c;
    legs.set(key, pair);
  }
  const byExpiry = new Map<IsoDate, number[]>();
  for (const { call, put } of legs.values()) {
    if (call === undefined || put === undefined) continue;
    const t = conventions.years(day.underlying, day.date, call.expiry);
    if (t < 2 / 365) continue;
    const s = (call.close - put.close + call.strike * Math.exp(-conventions.rate * t)) * Math.exp(q * t);
    byExpiry.set(call.expiry, [...(byExpiry.get(call.expiry) ?? []), s]);
  }
  const nearest = [...byExpiry.entries()].filter(([, xs]) => xs.length >= 3).sort(([a], [b]) => a.localeCompare(b))[0];
  if (nearest === undefined) return { spot: null, pairs: 0 };
  const sorted = [...nearest[1]].sort((a, b) => a - b);
  return { spot: quantile(sorted, 0.5), pairs: sorted.length };
}

/**
 * S&P 500 closes by date from SqueezeMetrics' DIX.csv (`date,price,…`): the spot of the SPX files, which carry
 * no underlying row.
 */
export async function readIndexCloses(file: string, opts: ParseOptions): Promise<Map<IsoDate, number>> {
  const rows = await readCsvRecords(file, ['date', 'price'], opts, (get) => ({
    date: calendarDate(get('date'), 'date'),
    price: positiveNumber(get('price'), 'price'),
  }));
  return new Map(rows.map((r) => [r.date, r.price]));
}

/** The data sets compared: underlying prefix of the universe files → label. */
export const DATA_SETS = [['AAPL', 'AAPL 2014'], ['GOOG', 'GOOG 2015'], ['SPX', 'SPX 2015']] as const;

export interface LoadedDays {
  readonly byDataSet: ReadonlyMap<string, { day: VendorGreeksDay; spot: number }[]>;
  readonly report: IngestReport;
  /** Files left out, with the reason: no spot for the date, or a copy of the previous file. */
  readonly skipped: readonly string[];
}

/** Reads every AAPL, GOOG and SPX universe file under `dataDir` (../shared/data) with its spot. */
export async function loadVendorGreeks(dataDir: string): Promise<LoadedDays> {
  const report = new IngestReport();
  const opts: ParseOptions = { report, strict: false };
  const universes = join(dataDir, 'lean-option-chains-oi', 'universes');
  const indexCloses = await readIndexCloses(join(dataDir, 'squeezemetrics-dix-gex', 'DIX.csv'), opts);
  const byDataSet = new Map<string, { day: VendorGreeksDay; spot: number }[]>();
  const skipped: string[] = [];
  for (const name of readdirSync(universes).sort()) {
    const set = DATA_SETS.find(([prefix]) => name.startsWith(`${prefix}_`));
    if (set === undefined) continue;
    const day = await readVendorGreeksDay(join(universes, name), opts);
    const spot = day.underlyingClose ?? indexCloses.get(day.date) ?? null;
    if (spot === null) {
      skipped.push(`${name}: no underlying row and no S&P 500 close for ${day.date}`);
      continue;
    }
    const list = byDataSet.get(set[1]) ?? [];
    const previous = list[list.length - 1];
    if (previous !== undefined && sameSnapshot(previous.day, day)) {
      skipped.push(`${name}: the same snapshot as ${previous.day.date} (a copy, not a new session)`);
      continue;
    }
    list.push({ day, spot });
    byDataSet.set(set[1], list);
  }
  return { byDataSet, report, skipped };
}

/** True when two files hold the same numbers (GOOG_2015-12-31 is a byte copy of 12-30). */
function sameSnapshot(a: VendorGreeksDay, b: VendorGreeksDay): boolean {
  if (a.underlyingClose !== b.underlyingClose || a.contracts.length !== b.contracts.length) return false;
  return a.contracts.every((c, i) => {
    const d = b.contracts[i] as VendorGreeksContract;
    return c.expiry === d.expiry && c.strike === d.strike && c.right === d.right && c.close === d.close && c.iv === d.iv && c.delta === d.delta;
  });
}

/** Every data set under each of `conventions`. */
export function spotChecks(loaded: LoadedDays, conventions: Conventions): SpotCheck[] {
  return [...loaded.byDataSet.values()].flat().map(({ day, spot }) => {
    const parity = paritySpot(day, spot, conventions);
    return { file: `${day.underlying} ${day.date}`, spot, paritySpot: parity.spot, pairs: parity.pairs };
  });
}

export function compareAll(loaded: LoadedDays, conventions: readonly Conventions[]): { conventions: string; dataSets: DataSetComparison[] }[] {
  return conventions.map((c) => ({
    conventions: c.name,
    dataSets: DATA_SETS.flatMap(([, label]) => {
      const days = loaded.byDataSet.get(label);
      return days === undefined ? [] : [compareDataSet(label, days, c)];
    }),
  }));
}

const fmt = (x: number | null): string => (x === null ? '—' : x === 0 ? '0' : x.toPrecision(2));

/** The markdown table of docs/methodology-pricing-check.md for one run. */
export function markdownTable(dataSets: readonly DataSetComparison[]): string {
  const head = '| data set | compared | vendor IV failed | quantity | n | median \\|Δ\\| | p95 \\|Δ\\| | share ≤ tolerance |\n|---|---:|---:|---|---:|---:|---:|---:|';
  const rows = dataSets.flatMap((d) => QUANTITIES.map((q, i) => {
    const s = d.differences[q];
    const share = s.withinTolerance === null ? '—' : `${(100 * s.withinTolerance).toFixed(1)} % (≤ ${TOLERANCE[q]})`;
    return `| ${i === 0 ? d.dataSet : ''} | ${i === 0 ? d.compared : ''} | ${i === 0 ? d.vendorIvFailures : ''} | ${q} | ${s.n} | ${fmt(s.median)} | ${fmt(s.p95)} | ${share} |`;
  }));
  return [head, ...rows].join('\n');
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\/src\//, '/src/'));
if (isEntry) {
  const dataDir = process.argv[2] ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));
  const loaded = await loadVendorGreeks(dataDir);
  const runs = compareAll(loaded, [VENDOR_CONVENTIONS, OUR_CLOCK_CONVENTIONS]);
  process.stderr.write(`rows rejected: ${loaded.report.rejected}; skipped: ${loaded.skipped.join('; ') || 'none'}\n`);
  const spots = spotChecks(loaded, VENDOR_CONVENTIONS);
  process.stdout.write(`${JSON.stringify({ runs, spots }, null, 2)}\n`);
  for (const run of runs) process.stdout.write(`\n### ${run.conventions}\n\n${markdownTable(run.dataSets)}\n`);
  process.stdout.write(`\n| file | underlying row / index close | parity spot | pairs |\n|---|---:|---:|---:|\n${
    spots.map((s) => `| ${s.file} | ${s.spot} | ${s.paritySpot === null ? '—' : s.paritySpot.toFixed(2)} | ${s.pairs} |`).join('\n')}\n`);
}
