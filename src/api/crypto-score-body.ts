import type { PillarScores } from '../core/crypto-score/composite-score.ts';
import type { CryptoScoreSeries, ScorePoint } from '../core/crypto-score/crypto-score-series.ts';
import type { ScoreBand } from '../core/crypto-score/score-band.ts';
import { PILLARS, type Pillar, type PillarWeights } from '../core/crypto-score/score-weights.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';

const DAY_MS = 86_400_000;

/** `from`/`to`: UTC days, inclusive; `at`: the state as of that instant (points whose period has ended by then). */
export interface CryptoScoreWindow {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly at: EpochMs | null;
}

type PillarValues = Record<Pillar, number | null>;

export type CryptoAlert =
  | { ts: string; kind: 'rapid_change'; score: number; change: number; direction: 'up' | 'down'; from_ts: string; from_score: number }
  | { ts: string; kind: 'divergence'; score: number; fear_greed: number; difference: number; direction: string | null };

export interface CryptoScoreBody {
  asset: string;
  as_of: string;
  score: number;
  band: ScoreBand;
  pillars: PillarValues;
  weights: PillarValues;
  pillars_missing: Pillar[];
  coverage: number;
  fear_greed: number | null;
  divergence: { difference: number; flagged: boolean; direction: string | null } | null;
  alerts: CryptoAlert[];
  history: { ts: string; score: number; band: ScoreBand; pillars: PillarValues }[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const round1 = (x: number): number => Math.round(x * 10) / 10;

function pillarValues(p: PillarScores): PillarValues {
  const out = {} as PillarValues;
  for (const k of PILLARS) {
    const v = p[k];
    out[k] = v === null ? null : round1(v);
  }
  return out;
}

const dayStart = (d: IsoDate): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));

/** Is the point inside the window: its day within from–to, its period over by `at`. */
function inWindow(p: ScorePoint, w: CryptoScoreWindow): boolean {
  if (w.from !== null && p.ts < dayStart(w.from)) return false;
  if (w.to !== null && p.ts >= dayStart(w.to) + DAY_MS) return false;
  return w.at === null || p.knownAt <= w.at;
}

/**
 * The body of `GET /v1/crypto/smart-money-score/{asset}` and of `smartmoney crypto-score` (the same bytes): the
 * state at the last point of the window (score, band, pillars, coverage, Fear & Greed, divergence), the alerts
 * raised inside the window (rapid changes and divergence onsets, in time order) and the history of the window.
 * Pillars and scores are rounded to 0.1, coverage to 0.0001; a missing pillar is null. Null when the window
 * holds no point.
 */
export function cryptoScoreBody(asset: string, series: CryptoScoreSeries, weights: PillarWeights, w: CryptoScoreWindow): CryptoScoreBody | null {
  const points = series.points.filter((p) => inWindow(p, w));
  const last = points[points.length - 1];
  if (last === undefined) return null;
  const selected = new Set<number>(points.map((p) => p.ts));
  const alerts: (CryptoAlert & { at: number })[] = [];
  for (const a of series.rapidChanges) {
    if (!selected.has(a.ts)) continue;
    alerts.push({
      at: a.ts, ts: iso(a.ts), kind: 'rapid_change', score: a.score, change: a.change, direction: a.direction,
      from_ts: iso(a.fromTs), from_score: a.fromScore,
    });
  }
  for (const p of series.divergenceOnsets) {
    if (!selected.has(p.ts) || p.divergence === null || p.fearGreed === null) continue;
    alerts.push({
      at: p.ts, ts: iso(p.ts), kind: 'divergence', score: p.score, fear_greed: round1(p.fearGreed),
      difference: p.divergence.difference, direction: p.divergence.direction,
    });
  }
  alerts.sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind));
  const weightValues = {} as PillarValues;
  for (const k of PILLARS) weightValues[k] = Math.round(weights[k] * 1e6) / 1e6;
  return {
    asset,
    as_of: iso(last.ts),
    score: last.score,
    band: last.band,
    pillars: pillarValues(last.pillars),
    weights: weightValues,
    pillars_missing: [...last.pillarsMissing],
    coverage: Math.round(last.coverage * 10_000) / 10_000,
    fear_greed: last.fearGreed === null ? null : round1(last.fearGreed),
    divergence: last.divergence === null ? null : { ...last.divergence },
    alerts: alerts.map(({ at: _at, ...a }) => a),
    history: points.map((p) => ({ ts: iso(p.ts), score: p.score, band: p.band, pillars: pillarValues(p.pillars) })),
  };
}
