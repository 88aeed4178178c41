import type { CryptoMetric } from '../../core/crypto-score/crypto-inputs.ts';
import { finiteNumber, nonNegativeNumber, positiveNumber, requireText } from '../fields.ts';
import { FieldError, RowExcluded } from '../ingest-report.ts';
import { canonicalTs, dayMonthYearMs, dottedDayMs, epochMsField, naiveUtcMs, utcDayMs } from './crypto-time-fields.ts';

/** What a command-line flag (or a server config key) asks a file for. */
export type CryptoFamily = 'funding' | 'stablecoin' | 'open_interest' | 'price' | 'long_short' | 'volume' | 'fear_greed';
export const CRYPTO_FAMILIES: readonly CryptoFamily[] = ['funding', 'stablecoin', 'open_interest', 'price', 'long_short', 'volume', 'fear_greed'];

/** A data row's columns by name (lower-cased header, csv-line.ts headerIndex). */
export type Header = ReadonlyMap<string, number>;

/** What the file name tells: venue (supervik files), clock shift, and the asset it names, if any. */
export interface FileContext {
  readonly name: string;
  readonly venue: string | null;
  readonly shiftHours: number;
}

/** One metric a layout yields for a family: the value of a row (null = the row has none: excluded). */
export interface MetricColumn {
  readonly metric: CryptoMetric;
  readonly value: (f: readonly string[], h: Header) => number | null;
  readonly weight?: (f: readonly string[], h: Header) => number | null;
}

export interface CryptoLayout {
  readonly format: string;
  /** The header line that identifies it, as in docs/formats.md. */
  readonly hint: string;
  readonly detect: (h: Header) => boolean;
  readonly reads: Partial<Record<CryptoFamily, readonly MetricColumn[]>>;
  readonly time: (f: readonly string[], h: Header, ctx: FileContext) => number;
  readonly venue: (f: readonly string[], h: Header, ctx: FileContext) => string;
  /** The row's asset (upper case), or null when rows do not say. */
  readonly asset: (f: readonly string[], h: Header) => string | null;
  /** The file name names the asset (binance_btcusdt_…, coingecko_btc-usd-…): a file of another asset is refused. */
  readonly assetInName?: boolean;
  /** Funding paid every N hours, N the file's median gap between prints: converted to per 8 h (dYdX is hourly). */
  readonly inferFundingInterval?: boolean;
}

const col = (f: readonly string[], h: Header, name: string): string | undefined => {
  const i = h.get(name);
  return i === undefined ? undefined : f[i];
};
const has = (h: Header, ...names: string[]) => names.every((n) => h.has(n));
const num = (name: string) => (f: readonly string[], h: Header) => finiteNumber(col(f, h, name), name);
const positive = (name: string) => (f: readonly string[], h: Header) => positiveNumber(col(f, h, name), name);
const nonNegative = (name: string) => (f: readonly string[], h: Header) => nonNegativeNumber(col(f, h, name), name);
/** A value that may be blank in the source (a day without a print): blank → excluded, else `parse`. */
const orBlank = (parse: (f: readonly string[], h: Header) => number, name: string) => (f: readonly string[], h: Header) => {
  const v = col(f, h, name);
  if (v === undefined || v.trim() === '') throw new RowExcluded(`${name} blank`);
  return parse(f, h);
};
const fearGreedValue = (name: string) => (f: readonly string[], h: Header) => {
  const n = finiteNumber(col(f, h, name), name);
  if (n < 0 || n > 100) throw new FieldError(name, String(n), 'expected a Fear & Greed value from 0 to 100');
  return n;
};
/** Pair symbols (BTC-USDT, BTCUSDT, SOL-USDT-SWAP) → the base asset. */
export function baseAsset(symbol: string): string {
  const s = symbol.toUpperCase().replace(/-SWAP$/, '');
  return s.replace(/[-_/]?(USDT|USDC|BUSD|USD)$/, '') || s;
}
const fixed = (venue: string) => () => venue;
const noAsset = () => null;

/** Canonical columns per family: the value column names the metric (docs/formats.md, "Crypto: canonical"). */
const CANONICAL_VALUES: Record<string, { family: CryptoFamily; metric: CryptoMetric; value: MetricColumn['value'] }> = {
  funding_rate: { family: 'funding', metric: 'funding', value: num('funding_rate') },
  open_interest_usd: { family: 'open_interest', metric: 'open_interest', value: nonNegative('open_interest_usd') },
  price_usd: { family: 'price', metric: 'price', value: positive('price_usd') },
  long_short_ratio: { family: 'long_short', metric: 'long_short', value: nonNegative('long_short_ratio') },
  futures_volume_usd: { family: 'volume', metric: 'futures_volume', value: nonNegative('futures_volume_usd') },
  spot_volume_usd: { family: 'volume', metric: 'spot_volume', value: nonNegative('spot_volume_usd') },
  stablecoin_exchange_reserve_usd: { family: 'stablecoin', metric: 'stablecoin_reserve', value: positive('stablecoin_exchange_reserve_usd') },
  stablecoin_exchange_ratio: { family: 'stablecoin', metric: 'stablecoin_ratio', value: positive('stablecoin_exchange_ratio') },
  stablecoin_supply_usd: { family: 'stablecoin', metric: 'stablecoin_supply', value: positive('stablecoin_supply_usd') },
  fear_greed: { family: 'fear_greed', metric: 'fear_greed', value: fearGreedValue('fear_greed') },
};

function canonicalReads(): CryptoLayout['reads'] {
  const reads: Partial<Record<CryptoFamily, MetricColumn[]>> = {};
  for (const [name, c] of Object.entries(CANONICAL_VALUES)) {
    const column: MetricColumn = {
      metric: c.metric,
      value: (f, h) => (h.has(name) ? c.value(f, h) : null),
      weight: (f, h) => {
        const w = col(f, h, 'weight');
        return w === undefined || w === '' ? null : nonNegativeNumber(w, 'weight');
      },
    };
    (reads[c.family] ??= []).push(column);
  }
  return reads;
}

/** Funding in the canonical file: rate per `interval_hours` (default 8) → per 8 h. */
function canonicalFundingValue(f: readonly string[], h: Header): number | null {
  if (!h.has('funding_rate')) return null;
  const rate = finiteNumber(col(f, h, 'funding_rate'), 'funding_rate');
  const iv = col(f, h, 'interval_hours');
  const hours = iv === undefined || iv === '' ? 8 : positiveNumber(iv, 'interval_hours');
  return rate * 8 / hours;
}

const canonical: CryptoLayout = {
  format: 'canonical',
  hint: `ts,[asset,][venue,]<value column: ${Object.keys(CANONICAL_VALUES).join(' | ')}>[,weight][,interval_hours]`,
  detect: (h) => h.has('ts') && Object.keys(CANONICAL_VALUES).some((c) => h.has(c)),
  reads: { ...canonicalReads(), funding: [{ metric: 'funding', value: canonicalFundingValue, weight: (f, h) => {
    const w = col(f, h, 'weight');
    return w === undefined || w === '' ? null : nonNegativeNumber(w, 'weight');
  } }] },
  time: (f, h) => canonicalTs(col(f, h, 'ts'), 'ts'),
  venue: (f, h) => col(f, h, 'venue') || 'all',
  asset: (f, h) => {
    const a = col(f, h, 'asset');
    return a === undefined || a === '' ? null : requireText(a, 'asset').toUpperCase();
  },
};

const okxTime = (f: readonly string[], h: Header) => epochMsField(col(f, h, 'ts'), 'ts');

/** Every layout read, most specific first. */
export const CRYPTO_LAYOUTS: readonly CryptoLayout[] = [
  canonical,
  {
    format: 'binance-funding-daily-mean', hint: 'date,funding_mean,funding_abs',
    detect: (h) => has(h, 'date', 'funding_mean'),
    reads: { funding: [{ metric: 'funding', value: num('funding_mean') }] },
    time: (f, h) => utcDayMs(col(f, h, 'date'), 'date'), venue: fixed('binance'), asset: noAsset, assetInName: true,
  },
  {
    format: 'supervik-funding', hint: 'Symbol,Date,Funding Rate (file <PAIR>_<venue>_<from>_<to>_funding_history.csv)',
    detect: (h) => has(h, 'symbol', 'date', 'funding rate'),
    reads: { funding: [{ metric: 'funding', value: num('funding rate') }] },
    time: (f, h, ctx) => naiveUtcMs(col(f, h, 'date'), 'Date', ctx.shiftHours),
    venue: (_f, _h, ctx) => ctx.venue ?? 'unknown', asset: (f, h) => baseAsset(requireText(col(f, h, 'symbol'), 'Symbol')),
    inferFundingInterval: true,
  },
  {
    format: 'okx-funding', hint: 'ts,fundingRate,dt', detect: (h) => has(h, 'ts', 'fundingrate'),
    reads: { funding: [{ metric: 'funding', value: num('fundingrate') }] }, time: okxTime, venue: fixed('okx'), asset: noAsset,
    inferFundingInterval: true,
  },
  {
    format: 'okx-open-interest', hint: 'ts,oi,oi_value,dt', detect: (h) => has(h, 'ts', 'oi', 'oi_value'),
    reads: { open_interest: [{ metric: 'open_interest', value: nonNegative('oi_value') }] }, time: okxTime, venue: fixed('okx'), asset: noAsset,
  },
  {
    format: 'okx-long-short', hint: 'ts,ratio,dt', detect: (h) => has(h, 'ts', 'ratio') && h.size <= 3,
    reads: { long_short: [{ metric: 'long_short', value: nonNegative('ratio') }] }, time: okxTime, venue: fixed('okx'), asset: noAsset,
  },
  {
    format: 'okx-taker-volume', hint: 'ts,sellVol,buyVol,dt', detect: (h) => has(h, 'ts', 'sellvol', 'buyvol'),
    reads: { volume: [{ metric: 'futures_volume', value: (f, h) => nonNegative('sellvol')(f, h) + nonNegative('buyvol')(f, h) }] },
    time: okxTime, venue: fixed('okx'), asset: noAsset,
  },
  {
    format: 'okx-ohlcv', hint: 'ts,open,high,low,close,volume,dt', detect: (h) => has(h, 'ts', 'close', 'volume', 'dt'),
    reads: { price: [{ metric: 'price', value: positive('close') }], volume: [{ metric: 'futures_volume', value: nonNegative('volume') }] },
    time: okxTime, venue: fixed('okx'), asset: noAsset,
  },
  {
    format: 'binance-vision-metrics', hint: 'create_time,symbol,sum_open_interest,sum_open_interest_value,…,count_long_short_ratio,…',
    detect: (h) => has(h, 'create_time', 'symbol', 'sum_open_interest_value', 'count_long_short_ratio'),
    reads: {
      open_interest: [{ metric: 'open_interest', value: nonNegative('sum_open_interest_value') }],
      long_short: [{ metric: 'long_short', value: nonNegative('count_long_short_ratio') }],
    },
    time: (f, h) => naiveUtcMs(col(f, h, 'create_time'), 'create_time'), venue: fixed('binance'),
    asset: (f, h) => baseAsset(requireText(col(f, h, 'symbol'), 'symbol')),
  },
  {
    format: 'binance-api-positioning', hint: ',timestamp,sumOpenInterest,sumOpenInterestValue,…,globallongShortRatio,…,closePrice',
    detect: (h) => has(h, 'timestamp', 'sumopeninterestvalue', 'globallongshortratio'),
    reads: {
      open_interest: [{ metric: 'open_interest', value: nonNegative('sumopeninterestvalue') }],
      long_short: [{ metric: 'long_short', value: nonNegative('globallongshortratio') }],
      price: [{ metric: 'price', value: orBlank(positive('closeprice'), 'closeprice') }],
    },
    time: (f, h) => epochMsField(col(f, h, 'timestamp'), 'timestamp'), venue: fixed('binance'), asset: noAsset,
  },
  {
    format: 'cryptoquant-daily', hint: 'Date,Data (YYYY.M.D; the flag says which series)',
    detect: (h) => has(h, 'date', 'data') && h.size === 2,
    reads: {
      funding: [{ metric: 'funding', value: orBlank((f, h) => num('data')(f, h) / 100, 'data') }],
      open_interest: [{ metric: 'open_interest', value: orBlank(nonNegative('data'), 'data') }],
      price: [{ metric: 'price', value: orBlank(positive('data'), 'data') }],
      stablecoin: [{ metric: 'stablecoin_ratio', value: orBlank(positive('data'), 'data') }],
    },
    time: (f, h) => dottedDayMs(col(f, h, 'date'), 'Date'), venue: fixed('all'), asset: noAsset,
  },
  {
    format: 'alternative-me-fear-greed', hint: 'timestamp,value,classification,date',
    detect: (h) => has(h, 'timestamp', 'value', 'classification', 'date'),
    reads: { fear_greed: [{ metric: 'fear_greed', value: fearGreedValue('value') }] },
    time: (f, h) => dayMonthYearMs(col(f, h, 'date'), 'date'), venue: fixed('alternative.me'), asset: noAsset,
  },
  {
    format: 'fear-greed-daily', hint: 'date,fng', detect: (h) => has(h, 'date', 'fng'),
    reads: { fear_greed: [{ metric: 'fear_greed', value: fearGreedValue('fng') }] },
    time: (f, h) => utcDayMs(col(f, h, 'date'), 'date'), venue: fixed('alternative.me'), asset: noAsset,
  },
  {
    format: 'defillama-total-stablecoins', hint: 'Date,Total Circulating ($),Total Circulating (Stablecoin Units)',
    detect: (h) => has(h, 'date', 'total circulating ($)'),
    reads: { stablecoin: [{ metric: 'stablecoin_supply', value: positive('total circulating ($)') }] },
    time: (f, h) => utcDayMs(col(f, h, 'date'), 'Date'), venue: fixed('defillama'), asset: noAsset,
  },
  {
    format: 'defillama-usdt', hint: 'date,usdt_circulating_usd', detect: (h) => has(h, 'date', 'usdt_circulating_usd'),
    reads: { stablecoin: [{ metric: 'stablecoin_supply', value: positive('usdt_circulating_usd') }] },
    time: (f, h) => utcDayMs(col(f, h, 'date'), 'date'), venue: fixed('defillama'), asset: noAsset,
  },
  {
    format: 'binance-spot-klines', hint: 'timestamp,open,high,low,close,volume (bar open time, UTC)',
    detect: (h) => has(h, 'timestamp', 'open', 'high', 'low', 'close', 'volume') && h.size === 6,
    reads: {
      price: [{ metric: 'price', value: positive('close') }],
      volume: [{ metric: 'spot_volume', value: (f, h) => nonNegative('volume')(f, h) * positive('close')(f, h) }],
    },
    time: (f, h) => naiveUtcMs(col(f, h, 'timestamp'), 'timestamp'), venue: fixed('binance'), asset: noAsset, assetInName: true,
  },
  {
    format: 'coingecko-daily', hint: 'snapped_at,price,market_cap,total_volume', detect: (h) => has(h, 'snapped_at', 'price'),
    reads: { price: [{ metric: 'price', value: positive('price') }] },
    time: (f, h) => naiveUtcMs(col(f, h, 'snapped_at'), 'snapped_at'), venue: fixed('coingecko'), asset: noAsset, assetInName: true,
  },
  {
    format: 'yahoo-close', hint: 'date,price,volume', detect: (h) => has(h, 'date', 'price', 'volume') && h.size === 3,
    reads: { price: [{ metric: 'price', value: positive('price') }] },
    time: (f, h) => utcDayMs(col(f, h, 'date'), 'date'), venue: fixed('yahoo'), asset: noAsset, assetInName: true,
  },
];

/** Layouts recognised only to be refused with the reason. */
export const REFUSED_LAYOUTS: readonly { detect: (h: Header) => boolean; reason: string }[] = [
  {
    detect: (h) => has(h, 'date', 'btc_etf_net_flow_usd_mn'),
    reason: 'Farside US spot ETF net flows are not an input of the crypto Smart Money Score (seed 001 has no ETF pillar; they are neither stablecoin nor exchange flows)',
  },
];
