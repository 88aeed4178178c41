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
 * its end-of-day netDelta with the sign of the settled OI change (next settled OI − settled OI), next to three
 * baselines; sweeps the turnover threshold γ; picks γ on the LEAN daily chains and reports the informedness J
 * (sign-metrics.ts) as the confidence the data support. Procedure and numbers: docs/methodology-oi.md.
 */

/** γ values swept: 0 (= always opening) and powers of two up to 1 (= the strict "beyond the OI" bound). */
export const TURNOVER_GRID: readonly number[] = [0, 1 / 128, 1 / 64, 1 / 32, 1 / 16, 1 / 8, 1 / 4, 1 / 2, 1];

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

/** The baselines. */
export const BASELINES: Readonly<Record<string, { readonly describe: string; readonly call: Predictor }>> = {
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
};

export interface DataSetResult {
  readonly name: string;
  readonly granularity: string;
  /** Traded contract-days with settled OI before and after. */
  readonly contractDays: number;
  /** Of those, how many had no OI change (no sign to match; left out of n). */
  readonly unchanged: number;
  readonly simulator: SignScore;
  readonly baselines: Readonly<Record<string, SignScore>>;
  readonly grid: readonly { readonly turnoverThreshold: number; readonly score: SignScore }[];
  readonly subsets: readonly { readonly name: string; readonly contractDays: number; readonly simulator: SignScore; readonly alwaysOpening: SignScore }[];
  readonly set: SampleSet;
}

export interface OiCalibrationResult {
  readonly dataDir: string;
  readonly params: OiSimParams;
  readonly datasets: readonly DataSetResult[];
  /** γ with the best informedness on SELECTION_DATA_SET (ties → the smaller γ); null without that data set. */
  readonly selectedTurnoverThreshold: number | null;
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
  if (selection !== undefined && selection.set.samples.length > 0) {
    let best = -Infinity;
    for (const g of selection.grid) {
      const j = g.score.informedness ?? -Infinity;
      if (j > best) { best = j; selected = g.turnoverThreshold; }
    }
  }
  const js = datasets.filter((d) => d.simulator.n >= MIN_N_FOR_CONFIDENCE).map((d) => d.simulator.informedness).filter((j): j is number => j !== null);
  return {
    dataDir,
    params,
    datasets,
    selectedTurnoverThreshold: selected,
    supportedConfidence: js.length > 0 ? Math.min(...js) : null,
    seedConfidence: DEFAULT_OI_CONFIDENCE,
  };
}

function tally(samples: readonly ContractDaySample[], call: Predictor): SignScore {
  const t = new SignTally();
  for (const s of samples) t.add(call(s), s.nextOi - s.settledOi);
  return t.score();
}

/** Scores one data set: the simulator at `params`, the baselines, the γ grid and each subset. */
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
    baselines: Object.fromEntries(Object.entries(BASELINES).map(([k, b]) => [k, tally(samples, b.call)])),
    grid: TURNOVER_GRID.map((g) => ({ turnoverThreshold: g, score: tally(samples, simulatorCall({ turnoverThreshold: g })) })),
    subsets: [...bySubset].map(([name, list]) => ({
      name,
      contractDays: list.length,
      simulator: tally(list, sim),
      alwaysOpening: tally(list, (BASELINES.always_opening as { call: Predictor }).call),
    })),
    set,
  };
}
