import type { IsoDate } from '../units.ts';
import type { SmiPoint } from './smart-money-index.ts';

/** Default look-back for "a new N-day high/low": 20 trading days, about one month. */
export const DEFAULT_SMI_LOOKBACK = 20;

export type SmiEventKind = 'bearish_divergence' | 'bullish_divergence' | 'bullish_confirmation' | 'bearish_confirmation';

/** A dated confirmation or divergence with the values that triggered it. */
export interface SmiEvent {
  readonly date: IsoDate;
  readonly kind: SmiEventKind;
  readonly close: number;
  readonly smi: number;
  /** The highest (for highs) or lowest (for lows) close of the prior `lookback` days. */
  readonly prior_close_extreme: number;
  /** The highest (for highs) or lowest (for lows) SMI of the prior `lookback` days. */
  readonly prior_smi_extreme: number;
  readonly lookback: number;
}

/**
 * Confirmation and divergence between price and the SMI (seed 002). On a day whose close is a new N-day high
 * (above every close of the prior N computed days): if the SMI is also above every prior-N SMI, bullish
 * confirmation; otherwise bearish divergence (price up, smart money not following). On a new N-day low: if the
 * SMI is also below every prior-N SMI, bearish confirmation; otherwise bullish divergence (the SMI holds
 * higher). Needs N prior days; N = `lookback` (default 20).
 */
export function smiEvents(series: readonly SmiPoint[], lookback: number = DEFAULT_SMI_LOOKBACK): SmiEvent[] {
  const out: SmiEvent[] = [];
  for (let i = lookback; i < series.length; i++) {
    let hiC = -Infinity, loC = Infinity, hiS = -Infinity, loS = Infinity;
    for (const p of series.slice(i - lookback, i)) {
      if (p.close > hiC) hiC = p.close;
      if (p.close < loC) loC = p.close;
      if (p.smi > hiS) hiS = p.smi;
      if (p.smi < loS) loS = p.smi;
    }
    const p = series[i];
    if (p === undefined) continue;
    const base = { date: p.date, close: p.close, smi: p.smi, lookback };
    if (p.close > hiC) {
      out.push({ ...base, kind: p.smi > hiS ? 'bullish_confirmation' : 'bearish_divergence', prior_close_extreme: hiC, prior_smi_extreme: hiS });
    } else if (p.close < loC) {
      out.push({ ...base, kind: p.smi < loS ? 'bearish_confirmation' : 'bullish_divergence', prior_close_extreme: loC, prior_smi_extreme: loS });
    }
  }
  return out;
}
