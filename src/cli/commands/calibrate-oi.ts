import { existsSync } from 'node:fs';
import { round4OrNull } from '../../api/json-numbers.ts';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OI_SIM_PARAMS } from '../../core/options-flow/oi-simulator.ts';
import {
  COMPARISONS, type DataSetResult, MIN_N_FOR_CONFIDENCE, type OiCalibrationResult, runOiCalibration, SELECTION_DATA_SET,
  selectClosingShare,
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
  help: `Usage: smartmoney calibrate-oi [--data DIR] [--closing-share G]

Replays every traded contract-day of three data sets through the OI simulator (seed 004, "Opening Bias")
and compares the sign of its end-of-day net OI delta with the sign of the next settled OI change:
  DIR/lean-option-chains-oi/minute       LEAN 1-minute trade bars + overnight OI files (side: tick rule)
  DIR/lean-option-chains-oi/universes    LEAN daily chains, consecutive days (one aggregate print a day)
  DIR/yahoo-option-chains-10-tickers     Yahoo chain snapshots, consecutive days (one aggregate print a day)
Prints {method, confidence_definition, datasets[], closing_share_selection, confidence} on stdout:
per data set n, sign accuracy with its Wilson 95% interval, coverage, the informedness J (the confidence),
the comparisons (always_opening, volume_only, side_only, side_vote_in_allowance), the sweep of the closing
share γ, and the share of contract-days whose OI rose by turnover band and net side.
Counts go to stderr. docs/methodology-oi.md explains the method and the numbers.

Options:
  --data DIR                 folder holding the data sets (default: ../shared/data next to the repository)
  --closing-share G          γ of the simulator, 0–1 (default ${DEFAULT_OI_SIM_PARAMS.closingShare})

Example:
  smartmoney calibrate-oi --data ../shared/data`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      data: { type: 'string' },
      'closing-share': { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    const dir = values.data ?? DEFAULT_DATA_DIR;
    if (!existsSync(dir)) throw new UsageError(`--data ${dir}: no such directory`);
    const g = numberOption(values['closing-share'], 'closing-share', DEFAULT_OI_SIM_PARAMS.closingShare, 0, 1);
    const result = await runOiCalibration(dir, { closingShare: g });
    for (const d of result.datasets) {
      const r = d.set.report;
      io.stderr.write(`calibrate-oi: ${d.name}: ${d.contractDays} contract-days (${d.unchanged} with unchanged OI), `
        + `rows read ${r.rowsRead}, rejected ${r.rejected}, excluded ${r.excluded}\n`);
    }
    io.stdout.write(`${JSON.stringify(calibrationJson(result), null, 2)}\n`);
    return result.datasets.some((d) => d.simulator.n > 0) ? 0 : 1;
  },
};

const r4 = round4OrNull;
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
  const otherJ = Object.values(d.comparisons).map((b) => b.informedness ?? -Infinity);
  const always = d.comparisons.always_opening;
  return {
    name: d.name,
    granularity: d.granularity,
    contract_days: d.contractDays,
    unchanged_oi: d.unchanged,
    n: s.n,
    opening_share: s.n > 0 ? r4(s.opened / s.n) : null,
    simulator: scoreJson(s),
    comparisons: Object.fromEntries(Object.entries(d.comparisons).map(([k, b]) => [k, { describe: COMPARISONS[k]?.describe, ...scoreJson(b) }])),
    beats_comparisons: {
      confidence: s.informedness !== null && otherJ.every((j) => (s.informedness as number) > j),
      accuracy_vs_always_opening: s.accuracy !== null && always !== undefined && always.accuracy !== null && s.accuracy >= always.accuracy,
    },
    closing_share_grid: d.grid.map((g) => ({
      closing_share: r4(g.closingShare),
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
    evidence_opened_share_by_turnover_and_side: d.evidence.map((e) => ({
      turnover: e.turnover, side: e.side, n: e.n, opened_share: r4(e.openedShare),
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
  const heldOut = Object.fromEntries(r.datasets.filter((d) => d.name !== SELECTION_DATA_SET && d.contractDays > 0)
    .map((d) => [d.name, r4(selectClosingShare(d))]));
  return {
    data_dir: r.dataDir,
    method: {
      name: 'closing allowance',
      formula: 'T = floor(γ·S); netDelta = V − 2·min(V, T) for the day’s volume V so far (the first T contracts close, '
        + 'the rest open); S unknown → buy volume − sell volume',
      closing_share: r4(r.params.closingShare),
    },
    confidence_definition: CONFIDENCE_DEFINITION,
    datasets: r.datasets.map(dataSetJson),
    closing_share_selection: {
      chosen_on: SELECTION_DATA_SET,
      rule: 'among the grid’s γ whose accuracy is at least the always-opening base rate, the one with the highest confidence (J); ties go to the smaller γ',
      selected: r4(r.selectedClosingShare),
      default: r4(DEFAULT_OI_SIM_PARAMS.closingShare),
      same_rule_on_held_out: heldOut,
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
