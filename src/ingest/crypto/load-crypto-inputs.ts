import type { CryptoInputs, CryptoMetric, Observation } from '../../core/crypto-score/crypto-inputs.ts';
import { IngestReport } from '../ingest-report.ts';
import type { CryptoFamily } from './crypto-layouts.ts';
import { type CryptoFileRead, readCryptoFile } from './read-crypto-file.ts';

/** The files of one asset, per family (the CLI's flags, the server config's keys). */
export type CryptoFiles = Partial<Record<CryptoFamily, readonly string[]>>;

export interface LoadedCryptoInputs {
  readonly inputs: CryptoInputs;
  readonly reads: readonly (CryptoFileRead & { readonly family: CryptoFamily; readonly report: IngestReport })[];
  /** Every file's rows together. */
  readonly report: IngestReport;
}

/** Reads every file of an asset (readCryptoFile) and gathers the observations per metric. */
export async function loadCryptoInputs(asset: string, files: CryptoFiles, strict = false): Promise<LoadedCryptoInputs> {
  const inputs: Partial<Record<CryptoMetric, Observation[]>> = {};
  const reads: (CryptoFileRead & { family: CryptoFamily; report: IngestReport })[] = [];
  const report = new IngestReport();
  for (const [family, list] of Object.entries(files) as [CryptoFamily, readonly string[]][]) {
    for (const file of list) {
      const fileReport = new IngestReport();
      const r = await readCryptoFile(file, family, { report: fileReport, strict, asset });
      for (const [metric, obs] of Object.entries(r.series) as [CryptoMetric, Observation[]][]) {
        const into = (inputs[metric] ??= []);
        for (const o of obs) into.push(o);
      }
      report.merge(fileReport);
      reads.push({ ...r, family, report: fileReport });
    }
  }
  return { inputs, reads, report };
}

/** One line per file for stderr: format, observations per metric, rows accepted/rejected/excluded. */
export function describeReads(reads: LoadedCryptoInputs['reads']): string[] {
  return reads.map((r) => {
    const series = Object.entries(r.series).map(([m, v]) => `${m} ${v.length}`).join(', ');
    const iv = r.fundingIntervalHours === null ? '' : `, funding every ${r.fundingIntervalHours} h`;
    return `${r.file}: ${r.format} as --${r.family.replace('_', '-')}${iv}; ${series || 'no rows'}; rows ${r.report.rowsRead}, `
      + `rejected ${r.report.rejected}, excluded ${r.report.excluded}`;
  });
}
