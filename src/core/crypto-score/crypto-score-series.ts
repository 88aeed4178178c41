import type { EpochMs } from '../units.ts';
import { type Composite, compositeScore, type PillarScores } from './composite-score.ts';
import type { CryptoInputs, CryptoMetric } from './crypto-inputs.ts';
import { type Divergence, divergenceOnsets, fearGreedDivergence } from './fear-greed-divergence.ts';
import { type AlignmentSettings, pillarsAt, prepareInputs } from './pillars-at.ts';
import { type RapidChange, rapidChangeAlerts } from './rapid-change-alerts.ts';
import { type ScoreBand, scoreBand } from './score-band.ts';
import { type PillarWeights, SEED_WEIGHTS } from './score-weights.ts';
import type { StablecoinSource } from './stablecoin-pillar.ts';
import { type Resolution, STEP_MS } from './venue-series.ts';

const HOUR_MS = 3_600_000, DAY_MS = 86_400_000;

export interface CryptoScoreSettings {
  readonly weights: PillarWeights;
  /** `auto`: hourly when every pillar input is sub-daily (median spacing < 1 day), else daily. */
  readonly resolution: Resolution | 'auto';
  readonly maxStalenessMs: number;
  readonly changeWindowMs: number;
}

/** Defaults (docs/methodology.md): seed weights, 48 h staleness limit, 7-day change window. */
export const DEFAULT_CRYPTO_SCORE_SETTINGS: CryptoScoreSettings = {
  weights: SEED_WEIGHTS, resolution: 'auto', maxStalenessMs: 48 * HOUR_MS, changeWindowMs: 7 * DAY_MS,
};

/** The metrics that feed a pillar (price only qualifies open interest; Fear & Greed is the comparison). */
const PILLAR_METRICS: readonly CryptoMetric[] = [
  'funding', 'stablecoin_reserve', 'stablecoin_ratio', 'stablecoin_supply', 'open_interest', 'futures_volume', 'spot_volume', 'long_short',
];

export interface ScorePoint extends Composite {
  /** Start of the period (UTC day or hour) the point describes. */
  readonly ts: EpochMs;
  /** End of the period: the point belongs to the state "as of" any instant at or after this. */
  readonly knownAt: EpochMs;
  readonly band: ScoreBand;
  /** Unrounded pillar scores, null = missing. */
  readonly pillars: PillarScores;
  readonly stablecoinSource: StablecoinSource | null;
  readonly fearGreed: number | null;
  readonly divergence: Divergence | null;
}

export interface CryptoScoreSeries {
  readonly resolution: Resolution;
  readonly stepMs: number;
  readonly points: readonly ScorePoint[];
  readonly rapidChanges: readonly RapidChange[];
  /** First points of each run of flagged Fear & Greed divergences. */
  readonly divergenceOnsets: readonly ScorePoint[];
}

function medianSpacing(observations: readonly { ts: number }[]): number {
  const ts = [...new Set(observations.map((o) => o.ts))].sort((a, b) => a - b);
  if (ts.length < 2) return Infinity;
  const gaps: number[] = [];
  for (let i = 1; i < ts.length; i++) gaps.push((ts[i] as number) - (ts[i - 1] as number));
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1] as number;
}

/** `auto` → hour when every present pillar input has a median spacing under a day, else day. */
export function chooseResolution(inputs: CryptoInputs, setting: Resolution | 'auto'): Resolution {
  if (setting !== 'auto') return setting;
  let any = false;
  for (const m of PILLAR_METRICS) {
    const obs = inputs[m];
    if (obs === undefined || obs.length === 0) continue;
    any = true;
    if (!(medianSpacing(obs) < DAY_MS)) return 'day';
  }
  return any ? 'hour' : 'day';
}

function gridBounds(inputs: CryptoInputs, stepMs: number): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const m of PILLAR_METRICS) {
    for (const o of inputs[m] ?? []) {
      if (o.ts < lo) lo = o.ts;
      if (o.ts > hi) hi = o.ts;
    }
  }
  if (lo > hi) return null;
  return [Math.floor(lo / stepMs) * stepMs, Math.floor(hi / stepMs) * stepMs];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The crypto Smart Money Score of one asset over time (seed 001): on a grid of UTC days or hours from the first
 * to the last pillar observation, each pillar is scored from the inputs as of that moment (last value at or
 * before it, at most `maxStalenessMs` old), combined by compositeScore, banded, compared with Fear & Greed; then
 * rapid changes and divergence onsets are found. Moments with no pillar at all are left out. Every point uses
 * only data stamped at or before its period, so a series cut at any instant equals the series computed from
 * the data up to that instant. The score is rounded to 0.1 before banding, divergence and alerts, so the
 * reported number is the one they were judged on.
 */
export function cryptoScoreSeries(inputs: CryptoInputs, settings: CryptoScoreSettings = DEFAULT_CRYPTO_SCORE_SETTINGS): CryptoScoreSeries {
  const resolution = chooseResolution(inputs, settings.resolution);
  const stepMs = STEP_MS[resolution];
  const prepared = prepareInputs(inputs, stepMs);
  const align: AlignmentSettings = {
    maxStalenessMs: settings.maxStalenessMs, changeWindowMs: settings.changeWindowMs, volumeWindowMs: Math.max(stepMs, DAY_MS),
  };
  const points: ScorePoint[] = [];
  const bounds = gridBounds(inputs, stepMs);
  if (bounds !== null) {
    for (let t = bounds[0]; t <= bounds[1]; t += stepMs) {
      const at = pillarsAt(prepared, t, align);
      const c = compositeScore(at.pillars, settings.weights);
      if (c === null) continue;
      const score = round1(c.score);
      points.push({
        ts: t as EpochMs, knownAt: (t + stepMs) as EpochMs, score, band: scoreBand(score), pillars: at.pillars,
        pillarsMissing: c.pillarsMissing, coverage: c.coverage, stablecoinSource: at.stablecoinSource,
        fearGreed: at.fearGreed, divergence: at.fearGreed === null ? null : fearGreedDivergence(score, at.fearGreed),
      });
    }
  }
  return { resolution, stepMs, points, rapidChanges: rapidChangeAlerts(points), divergenceOnsets: divergenceOnsets(points, stepMs) };
}
