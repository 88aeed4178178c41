import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { readChain, type ChainFormat } from '../ingest/chain-sources.ts';
import type { ChainFileOverrides } from '../ingest/canonical-chain.ts';
import { IngestReport } from '../ingest/ingest-report.ts';
import { readTrades, type TradeFormat } from '../ingest/trade-sources.ts';
import type { CommandIo } from './command.ts';
import { Progress } from './progress.ts';

/**
 * Reading the inputs of a command, with the ingest report on stderr: accepted, rejected (with the first
 * rejections quoted: file, line, field, value) and excluded rows, per file. Rejected rows never stop a run
 * unless --strict, and are never silent.
 */
export interface InputOptions {
  readonly strict: boolean;
  readonly quiet?: boolean;
}

export async function loadTrades(
  files: readonly string[], io: CommandIo, opts: InputOptions & { format?: TradeFormat; keep?: (t: OptionTrade) => boolean },
  sink: (t: OptionTrade) => void,
): Promise<IngestReport> {
  const total = new IngestReport();
  for (const file of files) {
    const report = new IngestReport();
    const progress = new Progress(io.stderr, file);
    try {
      for await (const batch of readTrades(file, { report, strict: opts.strict, format: opts.format })) {
        for (const t of batch) if (opts.keep === undefined || opts.keep(t)) sink(t);
        progress.add(batch.length);
      }
    } finally {
      progress.done();
      if (opts.quiet !== true) writeReport(io, 'trades', file, report);
      total.merge(report);
    }
  }
  return total;
}

export async function loadChains(
  files: readonly string[], io: CommandIo,
  opts: InputOptions & ChainFileOverrides & { format?: ChainFormat; keep?: (c: ChainContract) => boolean },
): Promise<ChainContract[]> {
  const out: ChainContract[] = [];
  for (const file of files) {
    const report = new IngestReport();
    try {
      const read = readChain(file, { report, strict: opts.strict, format: opts.format, underlying: opts.underlying, asOf: opts.asOf });
      for await (const batch of read) {
        for (const c of batch) if (opts.keep === undefined || opts.keep(c)) out.push(c);
      }
    } finally {
      if (opts.quiet !== true) writeReport(io, 'chain', file, report);
    }
  }
  return out;
}

/** One line of counts per file, then up to 10 quoted rejections and the count per field and reason. */
export function writeReport(io: CommandIo, what: string, file: string, r: IngestReport): void {
  const parts = [`${r.accepted} accepted`, `${r.rejected} rejected`];
  if (r.excluded > 0) parts.push(`${r.excluded} excluded (${[...r.excludedReasons].map(([k, v]) => `${k}: ${v}`).join(', ')})`);
  io.stderr.write(`${what} ${file}: ${r.rowsRead} rows read, ${parts.join(', ')}\n`);
  for (const x of r.rejections.slice(0, 10)) {
    io.stderr.write(`  rejected ${x.file}:${x.line}: field ${x.field} was ${JSON.stringify(x.value)}; ${x.reason}\n`);
  }
  if (r.rejected > 10) {
    io.stderr.write(`  … ${r.rejected - 10} more; by field and reason: ${[...r.rejectionCounts].map(([k, v]) => `${k} ×${v}`).join('; ')}\n`);
  }
}
