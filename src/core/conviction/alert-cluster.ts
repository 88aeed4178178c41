import { type ConvictionSettings, round2 } from './conviction-settings.ts';

/**
 * One unusual-activity signature: a scored options signal at or above the alert score (key: contract and
 * structure, so a contract swept ten times is one signature) or an unusual dark pool block (key: its own print).
 * `direction` is +1 bullish, −1 bearish, 0 unknown; `ts` epoch ms.
 */
export interface AlertSignature {
  readonly ts: number;
  readonly key: string;
  readonly direction: -1 | 0 | 1;
  readonly source: 'options' | 'dark_pool';
}

export interface AlertClusterEvidence {
  readonly score: number;
  /** Signed in [−1, 1]: (bullish − bearish) ÷ (bullish + bearish) distinct signatures of the densest window. */
  readonly direction: number;
  /** Unusual prints behind the row over the day ("Alerts" of seed 000). */
  readonly alerts: number;
  /** The most distinct signatures inside one window, and where that window starts and ends (epoch ms). */
  readonly cluster_size: number;
  readonly window_start: number | null;
  readonly window_end: number | null;
  readonly window_minutes: number;
  readonly options_signatures: number;
  readonly dark_pool_signatures: number;
}

function compareSignatures(a: AlertSignature, b: AlertSignature): number {
  return a.ts - b.ts || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.direction - b.direction;
}

/**
 * Seed 000 "Alert Cluster: how many independent unusual-activity signatures are hitting the same name in a
 * short window": k = the most distinct signature keys whose times fall in one window of `alertWindowMs`
 * (30 minutes), and score = 100 · (1 − e^(−k / k0)) with k0 = 4 (1 → 22, 2 → 39, 4 → 63, 8 → 86, 12 → 95):
 * the first few independent hits matter most, a pile-up saturates. The direction is the balance of the
 * distinct bullish and bearish signatures in that window (a key's side is the sign of its members' sum).
 * Order-independent: signatures are sorted first. docs/methodology.md "Smart Money Conviction".
 */
export function alertClusterEvidence(signatures: readonly AlertSignature[], s: ConvictionSettings): AlertClusterEvidence {
  const sorted = [...signatures].sort(compareSignatures);
  const counts = new Map<string, number>();
  let best = 0, bestStart = -1, bestEnd = -1, lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    const h = sorted[hi] as AlertSignature;
    counts.set(h.key, (counts.get(h.key) ?? 0) + 1);
    while ((sorted[lo] as AlertSignature).ts < h.ts - s.alertWindowMs) {
      const l = sorted[lo] as AlertSignature;
      const c = (counts.get(l.key) ?? 0) - 1;
      if (c === 0) counts.delete(l.key);
      else counts.set(l.key, c);
      lo++;
    }
    if (counts.size > best) {
      best = counts.size;
      bestStart = lo;
      bestEnd = hi;
    }
  }
  let bull = 0, bear = 0;
  if (best > 0) {
    const side = new Map<string, number>();
    for (let i = bestStart; i <= bestEnd; i++) {
      const x = sorted[i] as AlertSignature;
      side.set(x.key, (side.get(x.key) ?? 0) + x.direction);
    }
    for (const v of side.values()) {
      if (v > 0) bull++;
      else if (v < 0) bear++;
    }
  }
  let options = 0;
  for (const x of sorted) if (x.source === 'options') options++;
  return {
    score: round2(100 * (1 - Math.exp(-best / s.alertScale))),
    direction: bull + bear > 0 ? (bull - bear) / (bull + bear) : 0,
    alerts: sorted.length,
    cluster_size: best,
    window_start: best > 0 ? (sorted[bestStart] as AlertSignature).ts : null,
    window_end: best > 0 ? (sorted[bestEnd] as AlertSignature).ts : null,
    window_minutes: s.alertWindowMs / 60_000,
    options_signatures: options,
    dark_pool_signatures: sorted.length - options,
  };
}
