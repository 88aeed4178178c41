import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from '../core/gamma-exposure/chain-analytics-settings.ts';
import { type FlowReport, flowReport } from '../core/options-flow/flow-report.ts';
import { DEFAULT_FLOW_SETTINGS, type FlowSettings } from '../core/options-flow/flow-settings.ts';
import type { Structure } from '../core/options-flow/flow-score.ts';
import type { Intent } from '../core/options-flow/intent.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { QUERY_BOUNDS, QUERY_DEFAULTS } from '../core/options-flow/signal-query.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import { calendarDate } from '../ingest/fields.ts';
import { TRADE_FORMATS, type TradeFormat } from '../ingest/trade-sources.ts';
import { CHAIN_FORMATS, type ChainFormat } from '../ingest/chain-sources.ts';
import { timestampMs } from '../ingest/timestamp.ts';
import { choiceOption, intOption, optionValue, parseCommandArgs, symbolAndFiles } from './args.ts';
import { type CommandIo, UsageError } from './command.ts';
import { loadChains, loadTrades } from './flow-inputs.ts';

/** The options `signals` and `summary` share, for their --help. */
export const FLOW_QUERY_OPTIONS_HELP = `
Inputs:
  --trades FILE        option trades (repeat the flag, or list more files after SYMBOL); CSV, NDJSON or
                       Cboe DataShop, gzip read transparently; format detected from the first line
  --chain FILE         chain snapshot(s) for settled open interest and spot (repeatable); canonical,
                       LEAN universe or Yahoo
  --format F           force the trade format: ${TRADE_FORMATS.join(', ')}
  --chain-format F     force the chain format: ${CHAIN_FORMATS.join(', ')}
  --chain-underlying U the underlying of chain files whose name does not say it (LEAN YYYYMMDD.csv)
  --chain-as-of T      the snapshot date (YYYY-MM-DD, at the format's own time) or instant (ISO) of chain
                       files that carry none
  --strict             stop at the first bad row (exit 2) instead of counting and reporting it
Query (seed 004 defaults and bounds):
  --at ISO             the window ends here (ISO-8601 with offset, or epoch ms); default: the symbol's last print
  --window-minutes N   look-back window, 1–10080 (default 240)
  --min-score N        floor on the composite score, 0–100 (default 0)
  --intent I           bullish, bearish or neutral
  --structure S        sweep or block
  --expiry D           only this expiry (YYYY-MM-DD)
Settings:
  --notable-size N     minimum coalesced group size in contracts (default 100)
  --oi-confidence X    the OI simulator's confidence weight, 0–1 (default 0.43, the seed's; the
                       calibration supports about 0.3: see docs/methodology.md)
  --oi-closing-share G the OI simulator's daily closing allowance as a share of settled OI, 0–1
                       (default 1/32 = 0.03125, calibrated by calibrate-oi)
Rows that fail validation are reported on stderr with file, line, field and value; counts always add up.`;

const FLOW_OPTIONS = {
  trades: { type: 'string', multiple: true },
  chain: { type: 'string', multiple: true },
  format: { type: 'string' },
  'chain-format': { type: 'string' },
  'chain-underlying': { type: 'string' },
  'chain-as-of': { type: 'string' },
  strict: { type: 'boolean' },
  at: { type: 'string' },
  'window-minutes': { type: 'string' },
  'min-score': { type: 'string' },
  intent: { type: 'string' },
  structure: { type: 'string' },
  expiry: { type: 'string' },
  limit: { type: 'string' },
  'notable-size': { type: 'string' },
  'oi-confidence': { type: 'string' },
  'oi-closing-share': { type: 'string' },
} as const;

/** Parses the shared options, reads the inputs and runs the engine for one symbol. */
export async function runFlowQuery(argv: string[], io: CommandIo): Promise<{ report: FlowReport; settings: FlowSettings }> {
  const { values: v, positionals } = parseCommandArgs(argv, FLOW_OPTIONS);
  const { symbol, files: tradeFiles } = symbolAndFiles(positionals, v.trades, 'trades');
  const settings: FlowSettings = {
    ...DEFAULT_FLOW_SETTINGS,
    notableSize: intOption(v['notable-size'], 'notable-size', DEFAULT_FLOW_SETTINGS.notableSize, 1, 1_000_000),
    oiConfidence: v['oi-confidence'] === undefined ? DEFAULT_FLOW_SETTINGS.oiConfidence : unitOption(v['oi-confidence'], 'oi-confidence'),
    oiClosingShare: v['oi-closing-share'] === undefined ? DEFAULT_FLOW_SETTINGS.oiClosingShare : unitOption(v['oi-closing-share'], 'oi-closing-share'),
  };
  const expiry = v.expiry === undefined ? null : optionValue(() => calendarDate(v.expiry, 'expiry'));
  const atOption = v.at === undefined ? null : optionValue(() => timestampMs(v.at, 'at'));
  const partial = {
    windowMinutes: intOption(v['window-minutes'], 'window-minutes', QUERY_DEFAULTS.windowMinutes, ...QUERY_BOUNDS.windowMinutes),
    minScore: intOption(v['min-score'], 'min-score', QUERY_DEFAULTS.minScore, ...QUERY_BOUNDS.minScore),
    intent: (choiceOption(v.intent, 'intent', ['bullish', 'bearish', 'neutral'] as const) ?? null) as Intent | null,
    structure: (choiceOption(v.structure, 'structure', ['sweep', 'block'] as const) ?? null) as Structure | null,
    limit: intOption(v.limit, 'limit', QUERY_DEFAULTS.limit, ...QUERY_BOUNDS.limit),
    expiry,
  };
  const format = choiceOption(v.format, 'format', TRADE_FORMATS) as TradeFormat | undefined;
  const chainFormat = choiceOption(v['chain-format'], 'chain-format', CHAIN_FORMATS) as ChainFormat | undefined;
  const strict = v.strict === true;

  const chainRows = await loadChains(v.chain ?? [], io, {
    strict, format: chainFormat, underlying: v['chain-underlying']?.toUpperCase(), asOf: chainAsOfOption(v['chain-as-of']),
    keep: (c) => c.underlying === symbol,
  });
  const trades: OptionTrade[] = [];
  const symbolsSeen = new Map<string, number>();
  let lastTs = -Infinity;
  await loadTrades(tradeFiles, io, { strict, format }, (t) => {
    if (t.underlying !== symbol) {
      if (symbolsSeen.size < 10_000) symbolsSeen.set(t.underlying, (symbolsSeen.get(t.underlying) ?? 0) + 1);
      return;
    }
    if (atOption !== null && t.ts > atOption) return; // the state at --at: later prints do not exist yet
    if (t.ts > lastTs) lastTs = t.ts;
    trades.push(t);
  });
  if (trades.length === 0 && atOption === null) {
    const present = [...symbolsSeen.keys()].sort().slice(0, 20).join(', ');
    throw new UsageError(`no prints for ${symbol} in ${tradeFiles.join(', ')}${present ? ` (symbols present: ${present}${symbolsSeen.size > 20 ? ', …' : ''})` : ''}`);
  }
  const report = flowReport({
    symbol, trades, chainRows, at: (atOption ?? lastTs) as EpochMs, query: partial, settings,
    chainSettings: DEFAULT_CHAIN_ANALYTICS_SETTINGS,
  });
  const s = report.stats;
  io.stderr.write(`${symbol}: ${s.prints} prints (${s.sidesInferred} sides from the NBBO, ${s.crossedOrLocked} on a crossed or locked NBBO), ${s.contractDays} contract-days, ${s.signals} signals\n`);
  return { report, settings };
}


function unitOption(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} was ${JSON.stringify(value)}; expected a number from 0 to 1`);
  return n;
}

/** `--chain-as-of`: a date (the format's own snapshot time applies) or an instant. */
export function chainAsOfOption(value: string | undefined): EpochMs | IsoDate | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return optionValue(() => calendarDate(value, 'chain-as-of'));
  return optionValue(() => timestampMs(value, 'chain-as-of'));
}
