import type { OiSimPrint } from '../core/options-flow/oi-simulator.ts';
import { IngestReport } from '../ingest/ingest-report.ts';

/**
 * One contract over one session, as the calibration replays it: the settled OI before the session, the
 * settled OI after it, and the session's prints in time order (real 1-minute bars, or one aggregate "print"
 * for the whole day when the data set is daily).
 */
export interface ContractDaySample {
  /** The part of the data set it belongs to, e.g. `GOOG 2015-12-23` or `NVDA`. */
  readonly subset: string;
  readonly contract: string;
  readonly settledOi: number;
  readonly nextOi: number;
  readonly prints: readonly OiSimPrint[];
}

/** A data set's samples, with the row accounting of its files and what was skipped and why. */
export interface SampleSet {
  readonly name: string;
  /** What one "print" is in this data set. */
  readonly granularity: string;
  readonly samples: ContractDaySample[];
  readonly report: IngestReport;
  /** Files or sessions left out, and contract counts left out by reason. */
  readonly notes: string[];
  readonly skippedContracts: Map<string, number>;
}

export function emptySampleSet(name: string, granularity: string): SampleSet {
  return { name, granularity, samples: [], report: new IngestReport(20), notes: [], skippedContracts: new Map() };
}

export function skipContract(set: SampleSet, reason: string): void {
  set.skippedContracts.set(reason, (set.skippedContracts.get(reason) ?? 0) + 1);
}

/** Calendar days between two sessions that still count as consecutive (a weekend plus a holiday). */
export const MAX_SESSION_GAP_DAYS = 4;
