import { newYorkDate } from '../core/calendar/new-york-date.ts';
import { type IntradayBar, smartMoneyIndex } from '../core/smart-money-index/smart-money-index.ts';
import { smiEvents } from '../core/smart-money-index/smi-divergences.ts';
import type { IsoDate } from '../core/units.ts';
import { round4 } from './json-numbers.ts';

/** What the SMI body is computed for: a date range (New York dates, inclusive), the start value and the lookback. */
export interface SmiBodyOptions {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly startValue: number;
  readonly lookback: number;
}

/**
 * The JSON body of `smartmoney smi` and `GET /v1/smi/{symbol}` (seed 002; docs/api.md): the Don Hayes Smart
 * Money Index over the bars whose New York date lies in [from, to], starting at `startValue` on the first
 * computed day, with the divergence/confirmation events over `lookback` trading days and the days skipped
 * (with the reason). SMI values and changes are rounded to 4 decimals; closes are the bars' own prices.
 */
export function smiBody(symbol: string, bars: readonly IntradayBar[], o: SmiBodyOptions) {
  const inRange = o.from === null && o.to === null ? bars : bars.filter((b) => {
    const d = newYorkDate(b.start);
    return (o.from === null || d >= o.from) && (o.to === null || d <= o.to);
  });
  const r = smartMoneyIndex(inRange, o.startValue);
  const events = smiEvents(r.series, o.lookback);
  return {
    symbol,
    start_value: o.startValue,
    lookback: o.lookback,
    series: r.series.map((p) => ({
      date: p.date, smi: round4(p.smi), first_half_hour_change: round4(p.first_half_hour_change),
      last_hour_change: round4(p.last_hour_change), close: p.close,
    })),
    divergences: events.map((e) => ({ ...e, smi: round4(e.smi), prior_smi_extreme: round4(e.prior_smi_extreme) })),
    skipped: r.skipped,
  };
}

export type SmiBody = ReturnType<typeof smiBody>;
