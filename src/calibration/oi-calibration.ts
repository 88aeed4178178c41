import { join } from 'node:path';
import {
  createContractOiSimulator, DEFAULT_OI_CONFIDENCE, DEFAULT_OI_SIM_PARAMS, type OiSimParams,
} from '../core/options-flow/oi-simulator.ts';
import type { ContractDaySample, SampleSet } from './contract-day-sample.ts';
import { leanMinuteSamples } from './lean-minute-samples.ts';
import { leanUniverseSamples } from './lean-universe-samples.ts';
import { SignTally, type SignScore } from './sign-metrics.ts';
import { yahooSamples } from './yahoo-samples.ts';

/**
 * calibrate-oi: replays every contract-day of the data sets through the OI simulator and compares the sign of
 * its end-of-day netDelta with the sign of the settled OI change (next settled OI − settled OI), next to
 * baselines and a side-vote variant; sweeps the closing share γ; picks γ on the LEAN daily chains and reports
 * the informedness J (sign-metrics.ts) as the confidence the data support. Procedure and numbers:
 * docs/methodology-oi.md.
 */

/** γ values swept: 0 (= always opening) and powers of two up to 1 (= the whole OI may close first). */
export const CLOSING_SHARE_GRID: readonly number[] = [0, 1 / 128, 1 / 64, 1 / 32, 1 / 16, 1 / 8, 1 / 4, 1 / 2, 1];

/** The data set γ is chosen on (the others are held out from the choice). */
export const SELECTION_DATA_SET = 'lean-universe';

/** Data sets with fewer contract-days (n) than this do not enter the supported confidence. */
export const MIN_N_FOR_CONFIDENCE = 100;

/** A way to call the sign of a contract-day's OI change from its prints. */
type Predictor = (s: ContractDaySample) => number;

const volumeOf = (s: ContractDaySample): number => s.prints.reduce((v, p) => v + p.size, 0);

export const simulatorCall = (params: OiSimParams): Predictor => (s) => {
  const sim = createContractOiSimulator(s.settledOi, params);
  for (const p of s.prints) sim.add(p);
  return sim.netDelta;
};

/**
 * The variant that reads the allowance by aggressor side instead of as closing: the first T = ⌊γ·S⌋ contracts
 * count buy +1, sell −1, mid 0, the rest +1 (the customer-buys-to-open hypothesis, tested here).
 */
export const sideVoteInAllowance = (params: OiSimParams): Predictor => (s) => {
  const t = Math.floor(params.closingShare * s.settledOi);
  let v = 0;
  let net = 0;
  for (const p of s.prints) {
    const beyond = Math.max(0, v + p.size - Math.max(v, t));
    const within = p.size - beyond;
    net += beyond + (p.side === 'buy' ? within : p.side === 'sell' ? -within : 0);
    v += p.size;
  }
  return net;
};

/** The baselines and the side-vote variant, by name. */
export const COMPARISONS: Readonly<Record<string, { readonly describe: string; readonly call: Predictor }>> = {
  always_opening: {
    describe: 'every traded contract-day is called opening (the base rate; informedness 0 by construction)',
    call: () => 1,
  },
  volume_only: {
    describe: 'opening when the day’s volume exceeds the settled OI (the centre of the feasible ΔOI range [−min(V,S), V] is max(0, V−S)/2), else no call',
    call: (s) => (volumeOf(s) > s.settledOi ? 1 : 0),
  },
  side_only: {
    describe: 'buy volume − sell volume (the interim simulator: aggressor side alone)',
    call: (s) => s.prints.reduce((n, p) => n + (p.side === 'buy' ? p.size : p.side === 'sell' ? -p.size : 0), 0),
  },
  side_vote_in_allowance: {
    describe: 'the first ⌊γ·S⌋ contracts (default γ) read by aggressor side (buy +1, sell −1, mid 0) instead of as closing, the rest +1',
    call: sideVoteInAllowance(DEFAULT_OI_SIM_PARAMS),
  },
};

export interface DataSetResult {
  readonly name: string;
  readonly granularity: string;
  /** Traded contract-days with settled OI before and after. */
  readonly contractDays: number;
  /** Of those, how many had no OI change (no sign to match; left out of n). */
  readonly unchanged: number;
  readonly simulator: SignScore;
  readonly comparisons: Readonly<Record<string, SignScore>>;
  readonly grid: readonly { readonly closingShare: number; readonly score: SignScore }[];
  readonly subsets: readonly { readonly name: string; readonly contractDays: number; readonly simulator: SignScore; readonly alwaysOpening: SignScore }[];
  /** The evidence behind the method: share of contract-days whose OI rose, by turnover V/S and net side. */
  readonly evidence: readonly EvidenceCell[];
  readonly set: SampleSet;
}

export interface EvidenceCell {
  /** Turnover band of the day's volume over the settled OI, e.g. `1/32–1/8`. */
  readonly turnover: string;
  /** Net aggressor side of the day's prints: buy volume > sell volume, <, or equal. */
  readonly side: 'buy' | 'sell' | 'balanced';
  /** Contract-days with a non-zero OI change in the cell. */
  readonly n: number;
  /** Share of them whose OI rose. */
  readonly openedShare: number | null;
}

const TURNOVER_BANDS: readonly { readonly label: string; readonly upTo: number }[] = [
  { label: '<1/128', upTo: 1 / 128 },
  { label: '1/128–1/32', upTo: 1 / 32 },
  { label: '1/32–1/8', upTo: 1 / 8 },
  { label: '1/8–1', upTo: 1 },
  { label: '>1', upTo: Infinity },
];

/** P(ΔOI > 0) by turnover band × net side, over contract-days whose OI changed. */
export function evidenceTable(samples: readonly ContractDaySample[]): EvidenceCell[] {
  const sides = ['buy', 'sell', 'balanced'] as const;
  const counts = TURNOVER_BANDS.map(() => sides.map(() => ({ n: 0, up: 0 })));
  for (const s of samples) {
    const change = s.nextOi - s.settledOi;
    if (change === 0) continue;
    const v = volumeOf(s);
    const ratio = s.settledOi > 0 ? v / s.settledOi : Infinity;
    const band = TURNOVER_BANDS.findIndex((b) => ratio <= b.upTo);
    const net = (COMPARISONS.side_only as { call: Predictor }).call(s);
    const cell = counts[band]?.[net > 0 ? 0 : net < 0 ? 1 : 2];
    if (cell === undefined) continue;
    cell.n++;
    if (change > 0) cell.up++;
  }
  return TURNOVER_BANDS.flatMap((b, i) => sides.map((side, j) => {
    const c = counts[i]?.[j] ?? { n: 0, up: 0 };
    return { turnover: b.label, side, n: c.n, openedShare: c.n > 0 ? c.up / c.n : null };
  }));
}

export interface OiCalibrationResult {
  readonly dataDir: string;
  readonly params: OiSimParams;
  readonly datasets: readonly DataSetResult[];
  /** selectClosingShare on SELECTION_DATA_SET; null without that data set. */
  readonly selectedClosingShare: number | null;
  /** The lowest informedness point estimate over data sets with n ≥ MIN_N_FOR_CONFIDENCE; null with none. */
  readonly supportedConfidence: number | null;
  readonly seedConfidence: number;
}

/** Loads the three data sets under `dataDir` (absent folders are noted, not fatal) and scores them. */
export async function runOiCalibration(dataDir: string, params: OiSimParams = DEFAULT_OI_SIM_PARAMS): Promise<OiCalibrationResult> {
  const lean = join(dataDir, 'lean-option-chains-oi');
  const sets = [
    await leanMinuteSamples(lean),
    await leanUniverseSamples(lean),
    await yahooSamples(join(dataDir, 'yahoo-option-chains-10-tickers')),
  ];
  const datasets = sets.map((set) => scoreDataSet(set, params));
  const selection = datasets.find((d) => d.name === SELECTION_DATA_SET);
  let selected: number | null = null;
  if (selection !== undefined) selected = selectClosingShare(selection);
  const js = datasets.filter((d) => d.simulator.n >= MIN_N_FOR_CONFIDENCE).map((d) => d.simulator.informedness).filter((j): j is number => j !== null);
  return {
    dataDir,
    params,
    datasets,
    selectedClosingShare: selected,
    supportedConfidence: js.length > 0 ? Math.min(...js) : null,
    seedConfidence: DEFAULT_OI_CONFIDENCE,
  };
}

/**
 * The selection rule: among the grid's γ whose sign accuracy is at least the always-opening base rate (a call
 * no more often wrong than a constant guess), the one with the highest informedness J; ties → the smaller γ.
 * Null when no γ qualifies.
 */
export function selectClosingShare(d: DataSetResult): number | null {
  const base = d.comparisons.always_opening?.accuracy ?? null;
  if (base === null) return null;
  let best = -Infinity;
  let selected: number | null = null;
  for (const g of d.grid) {
    const j = g.score.informedness ?? -Infinity;
    if ((g.score.accuracy ?? -1) >= base && j > best) { best = j; selected = g.closingShare; }
  }
  return selected;
}

function tally(samples: readonly ContractDaySample[], call: Predictor): SignScore {
  const t = new SignTally();
  for (const s of samples) t.add(call(s), s.nextOi - s.settledOi);
  return t.score();
}

/** Scores one data set: the simulator at `params`, the comparisons, the γ grid and each subset. */
export function scoreDataSet(set: SampleSet, params: OiSimParams): DataSetResult {
  const samples = set.samples;
  const sim = simulatorCall(params);
  const bySubset = new Map<string, ContractDaySample[]>();
  for (const s of samples) {
    const list = bySubset.get(s.subset) ?? [];
    list.push(s);
    bySubset.set(s.subset, list);
  }
  return {
    name: set.name,
    granularity: set.granularity,
    contractDays: samples.length,
    unchanged: samples.filter((s) => s.nextOi === s.settledOi).length,
    simulator: tally(samples, sim),
    comparisons: Object.fromEntries(Object.entries(COMPARISONS).map(([k, b]) => [k, tally(samples, b.call)])),
    grid: CLOSING_SHARE_GRID.map((g) => ({ closingShare: g, score: tally(samples, simulatorCall({ closingShare: g })) })),
    subsets: [...bySubset].map(([name, list]) => ({
      name,
      contractDays: list.length,
      simulator: tally(list, sim),
      alwaysOpening: tally(list, (COMPARISONS.always_opening as { call: Predictor }).call),
    })),
    evidence: evidenceTable(samples),
    set,
  };
}
