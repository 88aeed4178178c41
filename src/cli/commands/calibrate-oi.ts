import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OI_SIM_PARAMS } from '../../core/options-flow/oi-simulator.ts';
import {
  BASELINES, type DataSetResult, MIN_N_FOR_CONFIDENCE, type OiCalibrationResult, runOiCalibration, SELECTION_DATA_SET,
} from '../../calibration/oi-calibration.ts';
import type { SignScore } from '../../calibration/sign-metrics.ts';
import { numberOption, parseCommandArgs } from '../args.ts';
import { type Command, UsageError } from '../command.ts';

/** ../shared/data relative to the repository root. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

export const CONFIDENCE_DEFINITION = 'informedness J = ½·(E[sgn(netDelta) | ΔOI > 0] − E[sgn(netDelta) | ΔOI < 0]) over traded '
  + 'contract-days whose settled OI changed; a zero netDelta (no call) counts 0. J is the probability that the sign call is '
  + 'informed rather than chance: 0 for any call independent of the outcome (always "opening"), 1 for a perfect call.';

export const calibrateOiCommand: Command = {
  name: 'calibrate-oi',
  summary: 'checks the intraday OI simulator against next-day settled OI on real chains; prints JSON',
  help: `Usage: smartmoney calibrate-oi [--data DIR] [--turnover-threshold G]

Replays every traded contract-day of three data sets through the OI simulator (seed 004, "Opening Bias")
and compares the sign of its end-of-day net OI delta with the sign of the next settled OI change:
  DIR/lean-option-chains-oi/minute       LEAN 1-minute trade bars + overnight OI files (side: tick rule)
  DIR/lean-option-chains-oi/universes    LEAN daily chains, consecutive days (one aggregate print a day)
  DIR/yahoo-option-chains-10-tickers     Yahoo chain snapshots, consecutive days (one aggregate print a day)
Prints {method, confidence_definition, datasets[], turnover_threshold_selection, confidence} on stdout:
per data set n, sign accuracy with its Wilson 95% interval, coverage, the informedness J (the confidence),
three baselines (always_opening, volume_only, side_only) and the sweep of the turnover threshold γ.
Counts go to stderr. docs/methodology-oi.md explains the method and the numbers.

Options:
  --data DIR                 folder holding the data sets (default: ../shared/data next to the repository)
  --turnover-threshold G     γ of the simulator, 0–1 (default ${DEFAULT_OI_SIM_PARAMS.turnoverThreshold})

Example:
  smartmoney calibrate-oi --data ../shared/data`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      data: { type: 'string' },
      'turnover-threshold': { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    const dir = values.data ?? DEFAULT_DATA_DIR;
    if (!existsSync(dir)) throw new UsageError(`--data ${dir}: no such directory`);
    const g = numberOption(values['turnover-threshold'], 'turnover-threshold', DEFAULT_OI_SIM_PARAMS.turnoverThreshold, 0, 1);
    const result = await runOiCalibration(dir, { turnoverThreshold: g });
    for (const d of result.datasets) {
      const r = d.set.report;
      io.stderr.write(`calibrate-oi: ${d.name}: ${d.contractDays} contract-days (${d.unchanged} with unchanged OI), `
        + `rows read ${r.rowsRead}, rejected ${r.rejected}, excluded ${r.excluded}\n`);
    }
    io.stdout.write(`${JSON.stringify(calibrationJson(result), null, 2)}\n`);
    return result.datasets.some((d) => d.simulator.n > 0) ? 0 : 1;
  },
};

const r4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);
const ci = (c: readonly [number, number] | null): [number | null, number | null] | null => (c === null ? null : [r4(c[0]), r4(c[1])]);

function scoreJson(s: SignScore): object {
  return {
    n: s.n,
    opened: s.opened,
    closed: s.closed,
    calls: s.calls,
    correct: s.correct,
    accuracy: r4(s.accuracy),
    accuracy_ci95: ci(s.accuracyCi95),
    coverage: r4(s.coverage),
    confidence: r4(s.informedness),
    confidence_ci95: ci(s.informednessCi95),
  };
}

function dataSetJson(d: DataSetResult): object {
  const s = d.simulator;
  const baselineJ = Object.values(d.baselines).map((b) => b.informedness ?? -Infinity);
  const always = d.baselines.always_opening;
  return {
    name: d.name,
    granularity: d.granularity,
    contract_days: d.contractDays,
    unchanged_oi: d.unchanged,
    n: s.n,
    opening_share: s.n > 0 ? r4(s.opened / s.n) : null,
    simulator: scoreJson(s),
    baselines: Object.fromEntries(Object.entries(d.baselines).map(([k, b]) => [k, { describe: BASELINES[k]?.describe, ...scoreJson(b) }])),
    beats_baselines: {
      confidence: s.informedness !== null && baselineJ.every((j) => (s.informedness as number) > j),
      accuracy_vs_always_opening: s.accuracy !== null && always !== undefined && always.accuracy !== null && s.accuracy >= always.accuracy,
    },
    turnover_grid: d.grid.map((g) => ({
      turnover_threshold: r4(g.turnoverThreshold),
      accuracy: r4(g.score.accuracy),
      coverage: r4(g.score.coverage),
      confidence: r4(g.score.informedness),
    })),
    subsets: d.subsets.map((x) => ({
      name: x.name,
      contract_days: x.contractDays,
      n: x.simulator.n,
      accuracy: r4(x.simulator.accuracy),
      always_opening_accuracy: r4(x.alwaysOpening.accuracy),
      coverage: r4(x.simulator.coverage),
      confidence: r4(x.simulator.informedness),
      confidence_ci95: ci(x.simulator.informednessCi95),
    })),
    notes: d.set.notes,
    skipped_contracts: Object.fromEntries(d.set.skippedContracts),
    ingest: d.set.report.toJSON(),
  };
}

/** The command's JSON document (snake_case, numbers rounded to 4 decimals). */
export function calibrationJson(r: OiCalibrationResult): object {
  const scored = r.datasets.filter((d) => d.simulator.informedness !== null);
  const uppers = scored.filter((d) => d.simulator.n >= MIN_N_FOR_CONFIDENCE).map((d) => (d.simulator.informednessCi95 as readonly [number, number])[1]);
  const seedAboveAll = uppers.length > 0 && uppers.every((u) => r.seedConfidence > u);
  const heldOutBest = Object.fromEntries(r.datasets.filter((d) => d.name !== SELECTION_DATA_SET && d.contractDays > 0).map((d) => {
    let best = d.grid[0];
    for (const g of d.grid) if ((g.score.informedness ?? -Infinity) > (best?.score.informedness ?? -Infinity)) best = g;
    return [d.name, r4(best?.turnoverThreshold ?? null)];
  }));
  return {
    data_dir: r.dataDir,
    method: {
      name: 'side vote, then turnover opens',
      formula: 'T = floor(γ·S); per print of q contracts after V: beyond = max(0, V+q − max(V, T)), within = q − beyond, '
        + 'netDelta += beyond + m(side)·within with m(buy)=+1, m(sell)=−1, m(mid)=0; S unknown → T = ∞',
      turnover_threshold: r4(r.params.turnoverThreshold),
    },
    confidence_definition: CONFIDENCE_DEFINITION,
    datasets: r.datasets.map(dataSetJson),
    turnover_threshold_selection: {
      chosen_on: SELECTION_DATA_SET,
      rule: 'γ on the grid with the highest confidence (J); ties go to the smaller γ',
      selected: r4(r.selectedTurnoverThreshold),
      default: r4(DEFAULT_OI_SIM_PARAMS.turnoverThreshold),
      held_out_best: heldOutBest,
    },
    confidence: {
      by_dataset: Object.fromEntries(scored.map((d) => [d.name, {
        n: d.simulator.n, value: r4(d.simulator.informedness), ci95: ci(d.simulator.informednessCi95),
      }])),
      supported: r4(r.supportedConfidence),
      supported_rule: `the lowest per-data-set J among data sets with n ≥ ${MIN_N_FOR_CONFIDENCE}`,
      seed: r.seedConfidence,
      seed_above_every_upper_bound: seedAboveAll,
      verdict: r.supportedConfidence === null
        ? 'no data set had enough contract-days to measure a confidence'
        : seedAboveAll
          ? `the seed's ${r.seedConfidence} lies above the 95% upper bound of J on every data set with n ≥ ${MIN_N_FOR_CONFIDENCE}; these data support about ${r4(r.supportedConfidence)}`
          : `the seed's ${r.seedConfidence} lies within or below the 95% interval of J on at least one data set with n ≥ ${MIN_N_FOR_CONFIDENCE}`,
    },
  };
}
