import type { EpochMs } from '../units.ts';

/** Seed 001: "A 15+ point move in 24 hours suggests institutional re-positioning is underway." */
export const RAPID_CHANGE_POINTS = 15;
export const RAPID_CHANGE_WINDOW_MS = 24 * 3_600_000;

export interface ScoredInstant {
  readonly ts: EpochMs;
  readonly score: number;
}

export interface RapidChange {
  readonly ts: EpochMs;
  readonly score: number;
  /** The earlier point of the move (within 24 h before `ts`). */
  readonly fromTs: EpochMs;
  readonly fromScore: number;
  /** score − fromScore, rounded to 0.1. */
  readonly change: number;
  readonly direction: 'up' | 'down';
}

/**
 * Rapid score changes (seed 001, "Rapid Score Changes"): at each point, the largest move from any earlier point
 * at most 24 h before it; 15 points or more (after rounding to 0.1) is an alert. On a daily series that is every
 * pair of consecutive days; on an intraday series, every pair within 24 h, de-duplicated: after an alert, another
 * in the same direction is raised only once 24 h have passed (one re-positioning, one alert). Points must be in
 * time order (asserted).
 */
export function rapidChangeAlerts(points: readonly ScoredInstant[]): RapidChange[] {
  const out: RapidChange[] = [];
  const lastAlert = { up: -Infinity, down: -Infinity };
  let start = 0;
  for (let i = 0; i < points.length; i++) {
    const b = points[i] as ScoredInstant;
    if (i > 0 && !(b.ts > (points[i - 1] as ScoredInstant).ts)) throw new Error('rapidChangeAlerts: points out of time order');
    while (start < i && b.ts - (points[start] as ScoredInstant).ts > RAPID_CHANGE_WINDOW_MS) start++;
    let best: ScoredInstant | null = null, bestMove = 0;
    for (let j = start; j < i; j++) {
      const a = points[j] as ScoredInstant;
      const move = Math.round((b.score - a.score) * 10) / 10;
      if (Math.abs(move) > Math.abs(bestMove)) { best = a; bestMove = move; }
    }
    if (best === null || Math.abs(bestMove) < RAPID_CHANGE_POINTS) continue;
    const direction = bestMove > 0 ? 'up' : 'down';
    if (b.ts - lastAlert[direction] < RAPID_CHANGE_WINDOW_MS) continue;
    lastAlert[direction] = b.ts;
    out.push({ ts: b.ts, score: b.score, fromTs: best.ts, fromScore: best.score, change: bestMove, direction });
  }
  return out;
}
