import { DEFAULT_CONVICTION_SETTINGS, validateConvictionSettings } from '../../core/conviction/conviction-settings.ts';
import type { ConvictionDirection } from '../../core/conviction/conviction-row.ts';
import { calendarDate } from '../../ingest/fields.ts';
import { CHAIN_FORMATS, type ChainFormat } from '../../ingest/chain-sources.ts';
import { TRADE_FORMATS, type TradeFormat } from '../../ingest/trade-sources.ts';
import { ApiError } from '../../server/api-error.ts';
import { ConvictionService } from '../../server/conviction-service.ts';
import { loadEquityDarkPool } from '../../server/equity-dark-pool.ts';
import type { DarkPoolSource } from '../../server/dark-pool-source.ts';
import { StoreEquityData } from '../../server/store-equity-data.ts';
import type { MarketStore } from '../../store/market-store.ts';
import { leaderboardResponse } from '../../server/conviction-routes.ts';
import { loadMarketData } from '../../server/in-memory-market-data.ts';
import type { MarketData } from '../../server/market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from '../../server/server-settings.ts';
import { timestampMs } from '../../ingest/timestamp.ts';
import { openDuckDbStore } from '../../store/duckdb-store.ts';
import { choiceOption, intOption, optionValue, parseCommandArgs } from '../args.ts';
import { type Command, UsageError } from '../command.ts';
import { writeReport } from '../flow-inputs.ts';

const DIRECTIONS: readonly ConvictionDirection[] = ['bullish', 'bearish', 'neutral'];

/** `--weights a,b,c,d` (or `--OPTION`) → the four conviction weights (options flow, dark pool, alert cluster, greek positioning). */
export function weightsOption(raw: string | undefined, option = 'weights') {
  if (raw === undefined) return DEFAULT_CONVICTION_SETTINGS.weights;
  const parts = raw.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x) || x < 0) || parts.every((x) => x === 0)) {
    throw new UsageError(`--${option} was ${JSON.stringify(raw)}; expected four numbers ≥ 0, not all 0: options flow, dark pool, alert cluster, greek positioning (default 0.4,0.25,0.2,0.15)`);
  }
  const [options_flow, dark_pool, alert_cluster, greek_positioning] = parts as [number, number, number, number];
  return { options_flow, dark_pool, alert_cluster, greek_positioning };
}

export const leaderboardCommand: Command = {
  name: 'leaderboard',
  summary: 'Smart Money Conviction leaderboard (seed 000): every symbol ranked, with tiles and breakdowns, as JSON',
  help: `Usage: smartmoney leaderboard (--trades FILE... [--chain FILE...] | --data DIR) [--equity FILE... [--equity-quotes FILE...]]
                              [--date D] [--at ISO]
                              [--direction bullish|bearish|neutral] [--limit N] [--weights F,D,A,G] [--strict]

Scores every symbol of a day from four kinds of evidence and ranks them (docs/methodology.md "Smart Money
Conviction"): options flow (premium magnitude, direction and seed 004 quality), dark pool (off-exchange block
premium and inferred imbalance; left out without an equity tape), alert cluster (distinct unusual signatures in
30 minutes) and greek positioning (the chain's delta and gamma tilt with or against the flow). Composite =
0.40·flow + 0.25·dark pool + 0.20·alerts + 0.15·greeks over the sub-scores present; direction from the signed
evidence (±0.25). Prints the body of GET /v1/smart-money/leaderboard: {date, as_of, tiles, rows:[{rank, symbol,
direction, score, options_flow, dark_pool, alert_cluster, greek_positioning, total_premium, dp_premium, alerts,
change, breakdown}], days}.

Options:
  --trades FILE     option trades (repeatable; canonical CSV/NDJSON, Cboe DataShop; gzip read transparently)
  --chain FILE      chain snapshots (repeatable) for settled OI and greek positioning
  --data DIR        read an embedded store instead (see \`smartmoney ingest\`): option prints, chains and,
                    without --equity, the equity prints and quotes ingested into it
  --equity FILE     equity prints (repeatable; canonical CSV/NDJSON or LEAN trade ticks): the dark pool evidence
  --equity-quotes F LEAN quote ticks (repeatable) that sign those prints by the quote rule
  --date D          the New York trading day (default: the latest day with prints)
  --at ISO          the board as it stood at that moment of the day (default: the whole day)
  --direction X     only rows of that direction (ranks stay the board's)
  --limit N         at most N rows (default 100)
  --weights F,D,A,G composite weights (default 0.4,0.25,0.2,0.15)
  --strict          stop at the first bad row instead of counting and reporting it

Example:
  smartmoney generate-tape --out /tmp/tape --symbols 20 && smartmoney leaderboard --trades /tmp/tape/trades.csv --chain /tmp/tape/chains.csv --limit 10`,
  async run(argv, io) {
    const { values: v, positionals } = parseCommandArgs(argv, {
      trades: { type: 'string', multiple: true }, chain: { type: 'string', multiple: true }, data: { type: 'string' },
      format: { type: 'string' }, 'chain-format': { type: 'string' },
      date: { type: 'string' }, at: { type: 'string' }, direction: { type: 'string' }, limit: { type: 'string' },
      weights: { type: 'string' }, strict: { type: 'boolean' },
      equity: { type: 'string', multiple: true }, 'equity-quotes': { type: 'string', multiple: true },
    });
    if (v.help === true) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    if (v.trades !== undefined && v.data !== undefined) throw new UsageError('give --trades FILE... or --data DIR, not both');
    if (v.trades === undefined && v.data === undefined && v.equity === undefined) throw new UsageError('give --trades FILE..., --data DIR or --equity FILE...');
    if (v['equity-quotes'] !== undefined && v.equity === undefined) throw new UsageError('--equity-quotes needs --equity FILE (the trades they sign)');
    const date = v.date === undefined ? null : optionValue(() => calendarDate(v.date, 'date'));
    const at = v.at === undefined ? null : optionValue(() => timestampMs(v.at ?? '', 'at'));
    const direction = (choiceOption(v.direction, 'direction', DIRECTIONS) ?? null) as ConvictionDirection | null;
    const limit = intOption(v.limit, 'limit', 100, 1, 100_000);
    const conviction = validateConvictionSettings({ ...DEFAULT_CONVICTION_SETTINGS, weights: weightsOption(v.weights) });
    let data: MarketData;
    let close = async () => undefined as void;
    let storeData: MarketStore | null = null;
    if (v.data !== undefined) {
      const store = await openDuckDbStore({ dataDir: v.data });
      data = store;
      storeData = store;
      close = () => store.close();
    } else {
      const loaded = await loadMarketData({
        trades: v.trades ?? [], chains: v.chain ?? [], strict: v.strict === true,
        tradeFormat: choiceOption(v.format, 'format', TRADE_FORMATS) as TradeFormat | undefined,
        chainFormat: choiceOption(v['chain-format'], 'chain-format', CHAIN_FORMATS) as ChainFormat | undefined,
      });
      for (const r of loaded.reports) writeReport(io, r.kind, r.file, r.report);
      data = loaded.data;
    }
    let darkPool: DarkPoolSource | null = null;
    if (v.equity !== undefined) {
      const eq = await loadEquityDarkPool({ trades: v.equity, quotes: v['equity-quotes'] ?? [] }, v.strict === true);
      for (const l of eq.loads) writeReport(io, l.kind, l.file, l.report);
      darkPool = eq.data;
    } else if (storeData !== null) darkPool = await StoreEquityData.open(storeData);
    try {
      const service = new ConvictionService(data, darkPool, { ...DEFAULT_SERVER_SETTINGS, conviction });
      const body = await leaderboardResponse(service, { date, at, direction, limit });
      io.stderr.write(`leaderboard ${body.date}: ${body.tiles.symbols} symbols, ${body.rows.length} rows shown\n`);
      io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      return 0;
    } catch (e) {
      if (e instanceof ApiError) {
        io.stderr.write(`smartmoney leaderboard: ${e.message}\n`);
        return 1;
      }
      throw e;
    } finally {
      await close();
    }
  },
};
