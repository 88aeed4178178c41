import type { EpochMs } from '../units.ts';
import type { Structure } from './flow-score.ts';
import type { FlowSettings } from './flow-settings.ts';
import type { FlowSignal, Tag } from './flow-signal.ts';
import type { Intent } from './intent.ts';

/** Seed 004 query parameters (defaults and bounds from its table; validated by the caller's boundary). */
export interface SignalQuery {
  /** The window ends here (inclusive). */
  readonly at: EpochMs;
  /** 1–10080, default 240. */
  readonly windowMinutes: number;
  /** 0–100, default 0. */
  readonly minScore: number;
  readonly intent: Intent | null;
  readonly structure: Structure | null;
  /** 1–500, default 50. */
  readonly limit: number;
  /** `YYYY-MM-DD` or null for all expiries. */
  readonly expiry: string | null;
}

export const QUERY_DEFAULTS = { windowMinutes: 240, minScore: 0, limit: 50 } as const;
export const QUERY_BOUNDS = {
  windowMinutes: [1, 10_080], minScore: [0, 100], limit: [1, 500],
} as const;

/** A signal as returned by a query: its own tags plus `golden` when it earned it in this result set. */
export interface QueriedSignal {
  readonly signal: FlowSignal;
  readonly tags: readonly Tag[];
}

/** Higher score first; among equal scores the later, then by contract and side (a total order). */
export function compareByScore(a: FlowSignal, b: FlowSignal): number {
  return b.score - a.score || b.ts - a.ts || (a.contract < b.contract ? -1 : a.contract > b.contract ? 1 : 0)
    || (a.side < b.side ? -1 : a.side > b.side ? 1 : 0);
}

/**
 * The signals that pass the window (at − windowMinutes, at] and the filters, best first, without the limit.
 * The summary aggregates over this whole set; the signals list is its first `limit`.
 */
export function matchingSignals(all: readonly FlowSignal[], q: SignalQuery): FlowSignal[] {
  const from = q.at - q.windowMinutes * 60_000;
  const out = all.filter((s) => s.ts > from && s.ts <= q.at
    && s.score >= q.minScore
    && (q.intent === null || s.intent === q.intent)
    && (q.structure === null || s.structure === q.structure)
    && (q.expiry === null || s.expiry === q.expiry));
  return out.sort(compareByScore);
}

/**
 * Seed 004 "Golden Tag": score in the top decile of the result set and ≥ 70. The top decile of n signals
 * (sorted best first) is the first ceil(n · 0.1); a signal tied with the last of them is in it too.
 * The result set is the set the request returns (after filters and the limit), as the seed says.
 */
export function withGoldenTags(ranked: readonly FlowSignal[], s: FlowSettings): QueriedSignal[] {
  const n = ranked.length;
  const cut = n === 0 ? Infinity : (ranked[Math.max(0, Math.ceil(n * s.goldenTopFraction) - 1)] as FlowSignal).score;
  return ranked.map((signal) => ({
    signal,
    tags: signal.score >= cut && signal.score >= s.goldenMinScore ? [...signal.tags, 'golden'] : signal.tags,
  }));
}

/** The query's result: the first `limit` of the matching signals, with golden tags over that set. */
export function querySignals(all: readonly FlowSignal[], q: SignalQuery, s: FlowSettings): QueriedSignal[] {
  return withGoldenTags(matchingSignals(all, q).slice(0, q.limit), s);
}
