/** The options and the run shared by the chain commands (gex, dex, vex, chex, levels, maxpain). */
import { analyzeChain, type ChainAnalysis } from '../core/gamma-exposure/chain-analysis.ts';
import {
  type ChainAnalyticsSettings, DEALER_CONVENTIONS, DEFAULT_CHAIN_ANALYTICS_SETTINGS, type DealerConvention, type IvSource,
} from '../core/gamma-exposure/chain-analytics-settings.ts';
import type { EpochMs } from '../core/units.ts';
import { CHAIN_FORMATS, type ChainFormat } from '../ingest/chain-sources.ts';
import { calendarDate } from '../ingest/fields.ts';
import { timestampMs } from '../ingest/timestamp.ts';
import { choiceOption, intOption, numberOption, optionValue, parseCommandArgs, symbolAndFiles } from './args.ts';
import { type Command, type CommandIo, UsageError } from './command.ts';
import { exposureBody, type ExposureKind } from '../api/exposure-bodies.ts';
import { loadChains } from './flow-inputs.ts';

/*
 * This file holds the `gex` command and the option parsing and chain loading that all six chain-analytics commands
 * (gex, dex, vex, chex, levels, maxpain) share. Definitions: docs/methodology-chain.md.
 */

const D = DEFAULT_CHAIN_ANALYTICS_SETTINGS;

/** The options the chain-analytics commands share, for their --help. */
export const CHAIN_QUERY_OPTIONS_HELP = `
Inputs:
  --chain FILE           chain snapshot(s) (repeat the flag, or list more files after SYMBOL): canonical CSV or
                         NDJSON, LEAN universe or Yahoo, gzip read transparently, format detected per file
  --chain-format F       force the chain format: ${CHAIN_FORMATS.join(', ')}
  --strict               stop at the first bad row (exit 2) instead of counting and reporting it
Query:
  --at ISO               per contract the latest snapshot at or before this instant (ISO-8601 with offset, or
                         epoch ms); default: the latest in the files
  --expiration D         only this expiry (YYYY-MM-DD); default: all expiries
  --min-oi N             leave out contracts with open interest below N (default 0)
  --spot S               use this underlying price instead of the chain's or the put–call-parity one
Settings (docs/methodology-chain.md):
  --rate R               risk-free rate for this symbol, continuously compounded (default ${D.rate})
  --dividend Q           dividend yield for this symbol, continuously compounded (default ${D.dividendYield})
  --dealer-convention C  ${DEALER_CONVENTIONS.join(', ')} (default ${D.dealerConvention},
                         SqueezeMetrics': dealers long calls, short puts)
  --iv-source S          chain or mid: which IV comes first, the other is the fallback (default ${D.ivSource})
  --settlement S         auto, am or pm: when expiries stop (default auto: 09:30 for SPX/NDX/RUT third Fridays
                         and VIX, else 16:00 New York)
Rows that fail validation are reported on stderr with file, line, field and value; counts always add up.`;

const CHAIN_QUERY_OPTIONS = {
  chain: { type: 'string', multiple: true },
  'chain-format': { type: 'string' },
  strict: { type: 'boolean' },
  at: { type: 'string' },
  expiration: { type: 'string' },
  'min-oi': { type: 'string' },
  spot: { type: 'string' },
  rate: { type: 'string' },
  dividend: { type: 'string' },
  'dealer-convention': { type: 'string' },
  'iv-source': { type: 'string' },
  settlement: { type: 'string' },
} as const;

/** Parses the shared options, reads the chain files (report on stderr) and analyses SYMBOL; usage errors exit 2. */
export async function runChainQuery(argv: string[], io: CommandIo): Promise<ChainAnalysis> {
  const { values: v, positionals } = parseCommandArgs(argv, CHAIN_QUERY_OPTIONS);
  const { symbol, files } = symbolAndFiles(positionals, v.chain, 'chain');
  const at = v.at === undefined ? null : optionValue(() => timestampMs(v.at, 'at'));
  const expiration = v.expiration === undefined ? null : optionValue(() => calendarDate(v.expiration, 'expiration'));
  const minOi = intOption(v['min-oi'], 'min-oi', 0, 0, 1_000_000_000);
  const spot = v.spot === undefined ? null : numberOption(v.spot, 'spot', 0, 1e-9, 1e9);
  const rate = numberOption(v.rate, 'rate', D.rate, -0.5, 1);
  const dividendYield = numberOption(v.dividend, 'dividend', D.dividendYield, -0.5, 1);
  const settlement = choiceOption(v.settlement, 'settlement', ['auto', 'am', 'pm'] as const) ?? 'auto';
  const settings: ChainAnalyticsSettings = {
    ...D,
    perSymbol: { ...D.perSymbol, [symbol]: { rate, dividendYield } },
    dealerConvention: (choiceOption(v['dealer-convention'], 'dealer-convention', DEALER_CONVENTIONS) ?? D.dealerConvention) as DealerConvention,
    ivSource: (choiceOption(v['iv-source'], 'iv-source', ['chain', 'mid'] as const) ?? D.ivSource) as IvSource,
    settlement: settlement === 'auto' ? 'auto' : settlement === 'am' ? 'AM' : 'PM',
  };
  const format = choiceOption(v['chain-format'], 'chain-format', CHAIN_FORMATS) as ChainFormat | undefined;
  const rows = await loadChains(files, io, { strict: v.strict === true, format });
  const analysis = analyzeChain(rows, { symbol, at: at as EpochMs | null, expiration, minOi, spot }, settings);
  if (analysis === null) throw new UsageError(noSnapshot(rows, symbol, at, files));
  if (expiration !== null && analysis.counts.otherExpiration === analysis.counts.inSnapshot - analysis.counts.expired) {
    const listed = [...new Set(rows.filter((c) => c.underlying === symbol && c.asOf <= analysis.asOf).map((c) => c.expiry))].sort();
    throw new UsageError(`no unexpired ${symbol} contract expires on ${expiration} at ${new Date(analysis.asOf).toISOString()} (expirations: ${listed.slice(0, 30).join(', ')}${listed.length > 30 ? ', …' : ''})`);
  }
  writeSummary(io, analysis);
  return analysis;
}

function noSnapshot(rows: readonly { underlying: string; asOf: number }[], symbol: string, at: number | null, files: string[]): string {
  const present = new Map<string, number>();
  for (const c of rows) present.set(c.underlying, Math.min(present.get(c.underlying) ?? Infinity, c.asOf));
  const first = present.get(symbol);
  if (first !== undefined) {
    return `no ${symbol} snapshot at or before ${new Date(at ?? 0).toISOString()} (the earliest is ${new Date(first).toISOString()})`;
  }
  const names = [...present.keys()].sort();
  return `no chain rows for ${symbol} in ${files.join(', ')}${names.length > 0 ? ` (symbols present: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''})` : ''}`;
}

function writeSummary(io: CommandIo, a: ChainAnalysis): void {
  const c = a.counts;
  const without = Object.entries(c.withoutGreeks).map(([k, n]) => `${k} ${n}`).join(', ');
  const dropped = [
    c.expired > 0 ? `${c.expired} expired` : '', c.otherExpiration > 0 ? `${c.otherExpiration} other expirations` : '',
    c.belowMinOi > 0 ? `${c.belowMinOi} below --min-oi` : '', c.implausibleQuote > 0 ? `${c.implausibleQuote} implausible quotes` : '',
  ].filter((s) => s !== '').join(', ');
  const spot = a.spot.price === null ? `no spot (${a.spot.reason ?? 'none'})` : `spot ${a.spot.price.toFixed(4)} (${a.spot.source ?? ''})`;
  io.stderr.write(`${a.symbol} at ${new Date(a.asOf).toISOString()}: ${spot}; ${c.analysed} contracts analysed, ${c.withGreeks} with greeks${without ? ` (without: ${without})` : ''}${dropped ? `; left out: ${dropped}` : ''}\n`);
}

/**
 * A chain-exposure command (gex, dex, vex, chex): the chain query of runChainQuery, printed as that exposure's
 * body (src/api/exposure-bodies.ts). Each command's file gives its name and help text.
 */
export function exposureCommand(kind: ExposureKind, summary: string, help: string): Command {
  return {
    name: kind,
    summary,
    help,
    async run(argv, io) {
      const analysis = await runChainQuery(argv, io);
      io.stdout.write(`${JSON.stringify(exposureBody(analysis, kind), null, 2)}\n`);
      return 0;
    },
  };
}
