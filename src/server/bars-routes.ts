import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { EquityPrint } from '../core/dark-pool/equity-print.ts';
import { BAR_INTERVAL_MINUTES, type BarIntervalMinutes, type TradeBar, tradeBars } from '../core/market-bars/trade-bars.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import { ApiError, invalidParameter, unknownSymbol } from './api-error.ts';
import type { EquityData } from './dark-pool-source.ts';
import { AT_EXPECTED, SymbolParams } from './query-schemas.ts';
import { atParameter, dateParameter, symbolParameter } from './request-values.ts';
import { ERROR_RESPONSES } from './response-schemas.ts';
import { round4OrNull as round4 } from '../api/json-numbers.ts';

const DATE_EXPECTED = 'expected a New York trading date YYYY-MM-DD';
const INTERVAL_EXPECTED = `expected the bar length in minutes, one of ${BAR_INTERVAL_MINUTES.join(', ')} (default 5)`;
export const DEFAULT_BAR_INTERVAL: BarIntervalMinutes = 5;

export const BarsQuery = Type.Object({
  date: Type.Optional(Type.String({ description: `${DATE_EXPECTED} (default: the symbol's latest day with equity prints, up to at)` })),
  interval: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: INTERVAL_EXPECTED })),
  extended: Type.Optional(Type.Boolean({ description: 'expected true or false: add pre-market and post-market bars (default false: the regular session only)' })),
  at: Type.Optional(Type.String({ description: `${AT_EXPECTED}; the day's prints up to then` })),
  apiKey: Type.Optional(Type.String({ description: 'expected the API key (only when keys are enabled; the X-Api-Key header is preferred)' })),
}, { additionalProperties: false });
export type BarsQuery = Static<typeof BarsQuery>;

const Price = Type.Union([Type.Number(), Type.Null()]);
export const BarsResponse = Type.Object({
  symbol: Type.String(),
  date: Type.String(),
  interval_minutes: Type.Integer(),
  extended: Type.Boolean(),
  bars: Type.Array(Type.Object({
    t: Type.String({ description: 'bar start, ISO-8601 UTC' }),
    open: Price, high: Price, low: Price, close: Price,
    volume: Type.Number({ description: 'shares, non-informative prints included' }),
    vwap: Price,
  }), { description: 'OHLCV bars in time order (docs/methodology.md "Price bars from the equity tape"); prices null in a bar of non-informative prints only' }),
});

export interface BarsBody {
  readonly symbol: string;
  readonly date: IsoDate;
  readonly interval_minutes: number;
  readonly extended: boolean;
  readonly bars: readonly {
    t: string; open: number | null; high: number | null; low: number | null; close: number | null; volume: number; vwap: number | null;
  }[];
}


/** The JSON body of a symbol-day's bars: start as ISO UTC, VWAP to 1/100 of a cent, prices as printed. */
export function barsBody(symbol: string, date: IsoDate, interval: BarIntervalMinutes, extended: boolean, bars: readonly TradeBar[]): BarsBody {
  return {
    symbol, date, interval_minutes: interval, extended,
    bars: bars.map((b) => ({ t: new Date(b.start).toISOString(), open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume, vwap: round4(b.vwap) })),
  };
}

function intervalParameter(raw: number | undefined): BarIntervalMinutes {
  if (raw === undefined) return DEFAULT_BAR_INTERVAL;
  if (!(BAR_INTERVAL_MINUTES as readonly number[]).includes(raw)) throw invalidParameter('interval', String(raw), INTERVAL_EXPECTED);
  return raw as BarIntervalMinutes;
}

/** Prints with ts ≤ at of a time-ordered list (binary search). */
function upTo(prints: readonly EquityPrint[], at: EpochMs | null): readonly EquityPrint[] {
  if (at === null || prints.length === 0 || (prints.at(-1) as EquityPrint).ts <= at) return prints;
  let lo = 0;
  let hi = prints.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((prints[mid] as EquityPrint).ts <= at) lo = mid + 1;
    else hi = mid;
  }
  return prints.slice(0, lo);
}

/**
 * `GET /v1/bars/{symbol}?date=&interval=&extended=&at=`: OHLCV bars of the symbol's equity prints on one New York
 * day (core tradeBars: New York clock, 09:30 open, non-informative prints in volume only), from the same prints
 * as the dark pool endpoint. 404 `unknown_symbol` without any equity print of the symbol, `no_data` without a
 * bar on that day (up to `at`); 400 naming the parameter.
 */
export function registerBarsRoutes(app: FastifyInstance, data: EquityData): void {
  app.get<{ Params: SymbolParams; Querystring: BarsQuery }>('/v1/bars/:symbol', {
    schema: {
      summary: 'Intraday OHLCV bars of a symbol\'s day from its equity prints (1, 5, 15, 30 or 60 minutes)',
      tags: ['bars'], params: SymbolParams, querystring: BarsQuery, response: { 200: BarsResponse, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    const symbol = symbolParameter(request.params.symbol);
    const q = request.query;
    const date = dateParameter('date', q.date, DATE_EXPECTED);
    const interval = intervalParameter(q.interval);
    const extended = q.extended ?? false;
    const at = atParameter(q.at);
    const days = data.printDays(symbol);
    if (days.length === 0) throw unknownSymbol(symbol, 'equity prints (load them with serve --equity FILE or POST /v1/ingest/equity-trades)');
    const atDate = at === null ? null : newYorkDate(at);
    const day = date ?? days.filter((d) => atDate === null || d <= atDate).at(-1) ?? (days[0] as IsoDate);
    const prints = upTo(await data.prints(symbol, day) ?? [], at);
    const bars = tradeBars(prints, { intervalMinutes: interval, extendedHours: extended }, data.settings);
    if (bars.length === 0) {
      const when = `${day}${at === null ? '' : ` up to ${new Date(at).toISOString()}`}`;
      const why = prints.length === 0 ? `no ${symbol} equity prints on ${when} (days with prints: ${days.join(', ')})`
        : `no ${symbol} regular-session prints on ${when}; extended=true gives the ${prints.length} pre/post-market prints`;
      throw new ApiError(404, 'no_data', why);
    }
    return barsBody(symbol, day, interval, extended, bars);
  });
}
