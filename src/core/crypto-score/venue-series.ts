import type { Observation } from './crypto-inputs.ts';

/** Grid step of a score series. */
export type Resolution = 'day' | 'hour';
export const STEP_MS: Readonly<Record<Resolution, number>> = { day: 86_400_000, hour: 3_600_000 };

/** How the observations of one venue inside one period become the period's value. */
export type PeriodReducer = 'mean' | 'last' | 'sum';

/** One venue's values per period, periods in increasing order (`ts` = period start, epoch ms UTC). */
export interface VenueSeries {
  readonly venue: string;
  readonly ts: readonly number[];
  readonly values: readonly number[];
  /** Mean weight of the period's observations; null when any of them had none. */
  readonly weights: readonly (number | null)[];
}

function byTimeThenValue(a: Observation, b: Observation): number {
  return a.ts - b.ts || a.value - b.value || (a.weight ?? -1) - (b.weight ?? -1);
}

/**
 * Observations of one metric → one series per venue, one value per period of `stepMs` (UTC day or hour):
 * `mean` (funding: the period's average rate), `sum` (volume), or `last` (levels: OI, price, ratios; several
 * observations at the same latest instant are averaged). Rows are sorted by (time, value) first, so the result
 * does not depend on the order of the input rows, to the last bit.
 */
export function venueSeries(observations: readonly Observation[], stepMs: number, reducer: PeriodReducer): VenueSeries[] {
  const byVenue = new Map<string, Observation[]>();
  for (const o of observations) {
    let list = byVenue.get(o.venue);
    if (list === undefined) { list = []; byVenue.set(o.venue, list); }
    list.push(o);
  }
  const out: VenueSeries[] = [];
  for (const venue of [...byVenue.keys()].sort()) {
    const list = (byVenue.get(venue) as Observation[]).slice().sort(byTimeThenValue);
    const ts: number[] = [], values: number[] = [], weights: (number | null)[] = [];
    let i = 0;
    while (i < list.length) {
      const period = Math.floor((list[i] as Observation).ts / stepMs) * stepMs;
      let j = i;
      while (j < list.length && Math.floor((list[j] as Observation).ts / stepMs) * stepMs === period) j++;
      const [value, weight] = reducePeriod(list, reducer === 'last' ? lastInstantStart(list, i, j) : i, j, reducer);
      ts.push(period);
      values.push(value);
      weights.push(weight);
      i = j;
    }
    out.push({ venue, ts, values, weights });
  }
  return out;
}

/** Index of the first observation in [from, to) at the latest instant of that range. */
function lastInstantStart(list: readonly Observation[], from: number, to: number): number {
  const lastTs = (list[to - 1] as Observation).ts;
  let k = to - 1;
  while (k > from && (list[k - 1] as Observation).ts === lastTs) k--;
  return k;
}

function reducePeriod(list: readonly Observation[], from: number, to: number, reducer: PeriodReducer): [number, number | null] {
  let sum = 0, wsum = 0, weighted = true;
  for (let k = from; k < to; k++) {
    const o = list[k] as Observation;
    sum += o.value;
    if (o.weight === null) weighted = false;
    else wsum += o.weight;
  }
  const n = to - from;
  return [reducer === 'sum' ? sum : sum / n, weighted ? wsum / n : null];
}

/** Index of the last period starting at or before `t`, or −1. */
export function asOfIndex(ts: readonly number[], t: number): number {
  let lo = 0, hi = ts.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((ts[mid] as number) <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * As-of join: the venue's value of the last period starting at or before `t`, if it is at most `maxAgeMs`
 * older than `t`; otherwise null (too stale: the metric counts as missing at `t`, it is not carried forever).
 */
export function valueAsOf(series: VenueSeries, t: number, maxAgeMs: number): { value: number; weight: number | null } | null {
  const i = asOfIndex(series.ts, t);
  if (i < 0 || t - (series.ts[i] as number) > maxAgeMs) return null;
  return { value: series.values[i] as number, weight: series.weights[i] as number | null };
}

/** Sum of the venue's period values with start in (t − windowMs, t]; null when no period falls in the window. */
export function windowSum(series: VenueSeries, t: number, windowMs: number): number | null {
  let i = asOfIndex(series.ts, t);
  if (i < 0) return null;
  let sum = 0, any = false;
  for (; i >= 0 && (series.ts[i] as number) > t - windowMs; i--) { sum += series.values[i] as number; any = true; }
  return any ? sum : null;
}
