import type { EpochMs } from '../units.ts';

/**
 * The time series a crypto Smart Money Score is computed from (seed 001), one list of observations per metric.
 * The units are fixed per metric; the readers in src/ingest/crypto convert every file format into them.
 */
export type CryptoMetric =
  /** Perpetual funding rate as a fraction per 8 hours (0.0001 = 0.01 % per 8 h), one venue per observation. */
  | 'funding'
  /** USD value of stablecoins held on exchanges: growth = net stablecoin inflow to exchanges. */
  | 'stablecoin_reserve'
  /** CryptoQuant "Exchange Stablecoins Ratio": BTC exchange reserve ÷ stablecoin exchange reserve (lower = more dry powder). */
  | 'stablecoin_ratio'
  /** Circulating stablecoin supply in USD (DefiLlama): a market-wide proxy for dry powder, not an exchange flow. */
  | 'stablecoin_supply'
  /** Futures open interest in USD (summed over venues). */
  | 'open_interest'
  /** Price of the asset in USD (close of the period). */
  | 'price'
  /** Futures (perpetual) traded volume per period, summed over venues; same unit as spot_volume. */
  | 'futures_volume'
  /** Spot traded volume per period, summed over venues; same unit as futures_volume. */
  | 'spot_volume'
  /** Long/short **account** ratio: accounts net long ÷ accounts net short (Binance, OKX "long/short ratio"). */
  | 'long_short'
  /** Crypto Fear & Greed index, 0–100 (alternative.me): the crowd the score is compared with, not a pillar. */
  | 'fear_greed';

export const CRYPTO_METRICS: readonly CryptoMetric[] = [
  'funding', 'stablecoin_reserve', 'stablecoin_ratio', 'stablecoin_supply', 'open_interest', 'price',
  'futures_volume', 'spot_volume', 'long_short', 'fear_greed',
];

/** One value of a metric at an instant, from one venue (`all` when the source is already aggregated). */
export interface Observation {
  readonly ts: EpochMs;
  readonly venue: string;
  readonly value: number;
  /** Weight of this venue when venues are averaged (funding: e.g. its open interest in USD); null = unweighted. */
  readonly weight: number | null;
}

export type CryptoInputs = Readonly<Partial<Record<CryptoMetric, readonly Observation[]>>>;
