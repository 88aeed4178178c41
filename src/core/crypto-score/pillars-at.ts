import type { CryptoInputs, CryptoMetric } from './crypto-inputs.ts';
import type { PillarScores } from './composite-score.ts';
import { combineVenueFunding, fundingScore, type VenueValue } from './funding-pillar.ts';
import { longAccountShare, longShortScore } from './long-short-pillar.ts';
import { openInterestScore } from './open-interest-pillar.ts';
import { STABLECOIN_SOURCES, type StablecoinSource, stablecoinGrowth, stablecoinScore } from './stablecoin-pillar.ts';
import { type PeriodReducer, type VenueSeries, valueAsOf, venueSeries, windowSum } from './venue-series.ts';
import { futuresDominance, volumeScore } from './volume-pillar.ts';

/**
 * How each metric's observations inside one period (UTC day or hour) become the period's value: funding is the
 * period's mean rate (what was paid through it), volumes add up, and levels (OI, price, ratios, supply, the
 * Fear & Greed reading) keep the period's last value, the close.
 */
export const PERIOD_REDUCERS: Readonly<Record<CryptoMetric, PeriodReducer>> = {
  funding: 'mean', stablecoin_reserve: 'last', stablecoin_ratio: 'last', stablecoin_supply: 'last',
  open_interest: 'last', price: 'last', futures_volume: 'sum', spot_volume: 'sum', long_short: 'last', fear_greed: 'mean',
};

/** Every metric as per-venue period series. */
export type PreparedInputs = Readonly<Record<CryptoMetric, readonly VenueSeries[]>>;

export function prepareInputs(inputs: CryptoInputs, stepMs: number): PreparedInputs {
  const out = {} as Record<CryptoMetric, VenueSeries[]>;
  for (const metric of Object.keys(PERIOD_REDUCERS) as CryptoMetric[]) {
    out[metric] = venueSeries(inputs[metric] ?? [], stepMs, PERIOD_REDUCERS[metric]);
  }
  return out;
}

/** The alignment settings the pillars read. */
export interface AlignmentSettings {
  /** A value older than this at the moment scored counts as missing (as-of join limit). */
  readonly maxStalenessMs: number;
  /** Window of the change-based pillars (open interest with price, stablecoin growth). */
  readonly changeWindowMs: number;
  /** Window over which volumes are summed for futures dominance. */
  readonly volumeWindowMs: number;
}

function venueValues(series: readonly VenueSeries[], t: number, maxAge: number): VenueValue[] {
  const out: VenueValue[] = [];
  for (const s of series) {
    const v = valueAsOf(s, t, maxAge);
    if (v !== null) out.push(v);
  }
  return out;
}

function mean(values: readonly VenueValue[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v.value;
  return s / values.length;
}

/** Values then and now of the venues present at both moments (a venue joining mid-window does not look like growth). */
function pairedTotals(series: readonly VenueSeries[], t: number, a: AlignmentSettings, combine: 'sum' | 'mean'): [number, number] | null {
  let before = 0, now = 0, n = 0;
  for (const s of series) {
    const b = valueAsOf(s, t - a.changeWindowMs, a.maxStalenessMs), c = valueAsOf(s, t, a.maxStalenessMs);
    if (b === null || c === null) continue;
    before += b.value; now += c.value; n++;
  }
  if (n === 0) return null;
  return combine === 'sum' ? [before, now] : [before / n, now / n];
}

export interface PillarsAt {
  readonly pillars: PillarScores;
  /** The stablecoin series the stablecoin pillar used (the first in STABLECOIN_SOURCES with data at both ends). */
  readonly stablecoinSource: StablecoinSource | null;
  /** Crowd sentiment at the moment (mean over sources, as-of joined), or null. */
  readonly fearGreed: number | null;
}

/** Each pillar's score at period start `t` (null = no data within the staleness limit). */
export function pillarsAt(p: PreparedInputs, t: number, a: AlignmentSettings): PillarsAt {
  const funding = combineVenueFunding(venueValues(p.funding, t, a.maxStalenessMs));
  let stablecoin: number | null = null, stablecoinSource: StablecoinSource | null = null;
  for (const source of STABLECOIN_SOURCES) {
    const pair = pairedTotals(p[source], t, a, 'mean');
    if (pair === null || !(pair[0] > 0 && pair[1] > 0)) continue;
    stablecoin = stablecoinScore(stablecoinGrowth(source, pair[0], pair[1]));
    stablecoinSource = source;
    break;
  }
  let openInterest: number | null = null;
  const oi = pairedTotals(p.open_interest, t, a, 'sum'), price = pairedTotals(p.price, t, a, 'mean');
  if (oi !== null && price !== null && oi[0] > 0 && oi[1] > 0 && price[0] > 0 && price[1] > 0) {
    openInterest = openInterestScore(Math.log(oi[1] / oi[0]), Math.log(price[1] / price[0]));
  }
  let volume: number | null = null;
  const futures = totalInWindow(p.futures_volume, t, a.volumeWindowMs), spot = totalInWindow(p.spot_volume, t, a.volumeWindowMs);
  if (futures !== null && spot !== null) {
    const d = futuresDominance(futures, spot);
    if (d !== null) volume = volumeScore(d);
  }
  const ls = venueValues(p.long_short, t, a.maxStalenessMs);
  let longShort: number | null = null;
  if (ls.length > 0) {
    let share = 0;
    for (const v of ls) share += longAccountShare(v.value);
    longShort = longShortScore(share / ls.length);
  }
  return {
    pillars: {
      funding: funding === null ? null : fundingScore(funding), stablecoin, open_interest: openInterest, volume, long_short: longShort,
    },
    stablecoinSource,
    fearGreed: mean(venueValues(p.fear_greed, t, a.maxStalenessMs)),
  };
}

function totalInWindow(series: readonly VenueSeries[], t: number, windowMs: number): number | null {
  let total = 0, any = false;
  for (const s of series) {
    const v = windowSum(s, t, windowMs);
    if (v !== null) { total += v; any = true; }
  }
  return any ? total : null;
}
