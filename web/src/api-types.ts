/**
 * The JSON bodies the dashboard reads, as docs/api.md documents them (snake_case, ISO-8601 UTC times, dollars
 * rounded to cents). Only the fields the pages read are typed; the server sends more. The dashboard talks to the
 * server over HTTP only and never imports its code, so these mirror the documentation, not src/api.
 */

/** Every error answer: `{error, message}` (docs/api.md "Errors"). */
export interface ApiErrorBody {
  readonly error: string;
  readonly message: string;
}

/** Seed 004's six score components, in the order the seed lists them. */
export const SCORE_COMPONENTS = ['premium', 'size_vs_oi', 'aggressor', 'sweep', 'opening_bias', 'tenor'] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];
export type ScoreBreakdown = Readonly<Record<ScoreComponent, number>>;

export type Intent = 'bullish' | 'bearish' | 'neutral';
export type Structure = 'sweep' | 'block';

export interface ChainLevels {
  readonly call_wall: number | null;
  readonly put_wall: number | null;
  readonly max_pain: number | null;
  readonly gamma_flip: number | null;
}

/** One scored signal of `GET /v1/flow/signals/{symbol}`. */
export interface FlowSignal {
  readonly ts: string;
  readonly contract: string;
  readonly expiry: string;
  readonly strike: number;
  readonly right: 'C' | 'P';
  readonly side: string;
  readonly price: number;
  readonly size: number;
  readonly print_count: number;
  readonly premium: number;
  readonly dte: number;
  readonly structure: string;
  readonly aggressor: string;
  readonly open_close_bias: 'OpeningBias' | 'ClosingBias' | 'Unknown';
  readonly intent: Intent;
  readonly score: number;
  readonly conviction: string;
  readonly tags: readonly string[];
  readonly score_breakdown: ScoreBreakdown;
}

export interface SignalsBody {
  readonly symbol: string;
  readonly as_of: string;
  readonly window_minutes: number;
  readonly expiry: string | null;
  readonly underlying_price: number | null;
  readonly chain: ChainLevels;
  readonly count: number;
  readonly signals: readonly FlowSignal[];
}

export type Tilt = 'bullish' | 'bearish' | 'mixed' | 'noise';

export interface SummaryBody {
  readonly symbol: string;
  readonly as_of: string;
  readonly window_minutes: number;
  readonly underlying_price: number | null;
  readonly underlying_price_source: string | null;
  readonly signal_count: number;
  readonly bullish_premium: number;
  readonly bearish_premium: number;
  readonly net_directional_premium: number;
  readonly opening_premium: number;
  readonly closing_premium: number;
  readonly tilt: Tilt;
  readonly tilt_strength: 'strong' | 'moderate';
  readonly opening_share: number | null;
  readonly net_premium_per_underlying_dollar: number | null;
  readonly chain: ChainLevels;
}

export interface TiltRow {
  readonly rank: number;
  readonly symbol: string;
  readonly as_of: string;
  readonly underlying_price: number | null;
  readonly net_premium_per_underlying_dollar: number | null;
  readonly tilt: Tilt;
  readonly tilt_strength: 'strong' | 'moderate';
  readonly opening_share: number | null;
  readonly net_directional_premium: number;
  readonly bullish_premium: number;
  readonly bearish_premium: number;
  readonly opening_premium: number;
  readonly closing_premium: number;
  readonly signal_count: number;
  readonly top_signal: {
    readonly contract: string;
    readonly intent: Intent;
    readonly score: number;
    readonly premium: number;
    readonly tags: readonly string[];
  } | null;
}

export interface TiltBody {
  readonly noise_threshold: number;
  readonly strong_threshold: number;
  readonly requested: number;
  readonly count: number;
  readonly unknown_symbols: readonly string[];
  readonly ranked: readonly TiltRow[];
}

export interface LevelsBody {
  readonly symbol: string;
  readonly underlying_price: number | null;
  readonly as_of: string;
  readonly levels: {
    readonly gamma_flip: number | null;
    readonly call_wall: number | null;
    readonly put_wall: number | null;
    readonly max_pain: number | null;
  };
  readonly net_gex: number | null;
  readonly net_gex_label: string | null;
}

export interface MaxPainBody {
  readonly symbol: string;
  readonly underlying_price: number | null;
  readonly max_pain_strike: number | null;
}

export interface GexStrike {
  readonly strike: number;
  readonly call_gex: number | null;
  readonly put_gex: number | null;
  readonly net_gex: number | null;
}

export interface GexBody {
  readonly symbol: string;
  readonly underlying_price: number | null;
  readonly as_of: string;
  readonly gamma_flip: number | null;
  readonly net_gex: number | null;
  readonly unit: string;
  readonly strikes: readonly GexStrike[];
}

/** A volume-at-price level of the day's off-exchange prints. */
export interface DarkPoolLevel {
  readonly price_low: number;
  readonly price_high: number;
  readonly vwap: number;
  readonly kind: string;
  readonly volume: number;
  readonly notional: number;
  readonly prints: number;
  readonly share_of_dp_volume: number;
}

/** `GET /v1/darkpool/{symbol}/levels?date=`: `{symbol, settings, days:[one DarkPoolDay]}` (only the fields read). */
export interface DarkPoolLevelsBody {
  readonly symbol: string;
  readonly days: readonly {
    readonly date: string;
    readonly off_exchange_share: number | null;
    readonly dp_premium: number;
    readonly dp_net_premium: number;
    readonly unusual_block_count: number;
    readonly last_price: number | null;
    readonly levels: readonly DarkPoolLevel[];
  }[];
}

/** One bar of `GET /v1/bars/{symbol}`: `t` its start (ISO UTC); prices null when only non-informative prints traded. */
export interface PriceBar {
  readonly t: string;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly close: number | null;
  readonly volume: number;
  readonly vwap: number | null;
}

/** `GET /v1/bars/{symbol}?date=&interval=`: OHLCV bars of one New York day from the equity prints. */
export interface BarsBody {
  readonly symbol: string;
  readonly date: string;
  readonly interval_minutes: number;
  readonly extended: boolean;
  readonly bars: readonly PriceBar[];
}

export type Direction = 'bullish' | 'bearish' | 'neutral';

/** A row's change from the symbol's previous day with data (null on its first day). */
export interface RowChange {
  readonly score: number;
  readonly previous_score: number;
  readonly previous_direction: Direction;
  readonly direction_changed: boolean;
}

/** One conviction row (seed 000); sub-scores 0–100, dark pool and Greek positioning null without their data. */
export interface ConvictionRowBody {
  readonly symbol: string;
  readonly direction: Direction;
  readonly score: number;
  readonly options_flow: number | null;
  readonly dark_pool: number | null;
  readonly alert_cluster: number;
  readonly greek_positioning: number | null;
  readonly total_premium: number | null;
  readonly dp_premium: number | null;
  readonly alerts: number;
  readonly change: RowChange | null;
  readonly breakdown?: unknown;
}

/** `GET /v1/smart-money/leaderboard?date=&limit=&direction=` (seed 000). */
export interface LeaderboardRow extends ConvictionRowBody {
  readonly rank: number;
}

export interface LeaderboardBody {
  readonly date: string;
  readonly as_of: string | null;
  readonly tiles: {
    readonly sentiment: { readonly bullish: number; readonly bearish: number; readonly neutral: number };
    readonly avg_score: number;
    readonly symbols: number;
    readonly total_premium: number;
    readonly dp_premium: number;
    readonly alerts: number;
  };
  readonly rows: readonly LeaderboardRow[];
  /** The dates with data, for the date selector. */
  readonly days?: readonly string[];
}

/** `GET /v1/smart-money/{symbol}?from=&to=`: the symbol's conviction day by day. */
export interface ConvictionHistoryBody {
  readonly symbol: string;
  readonly rows: readonly (ConvictionRowBody & { readonly date: string })[];
}

export const CRYPTO_PILLARS = ['funding', 'stablecoin', 'open_interest', 'volume', 'long_short'] as const;
export type CryptoPillar = (typeof CRYPTO_PILLARS)[number];
export type CryptoPillars = Readonly<Record<CryptoPillar, number | null>>;

/** Alerts of the crypto score: rapid changes and divergence onsets against Fear & Greed. */
export type CryptoAlert =
  | { readonly ts: string; readonly kind: 'rapid_change'; readonly score: number; readonly change: number; readonly direction: 'up' | 'down'; readonly from_ts: string; readonly from_score: number }
  | { readonly ts: string; readonly kind: 'divergence'; readonly score: number; readonly fear_greed: number; readonly difference: number; readonly direction: string | null };

/** `GET /v1/crypto/smart-money-score/{asset}?from=&to=`; bands very_bearish … very_bullish. */
export interface CryptoScoreBody {
  readonly asset: string;
  readonly as_of: string;
  readonly score: number | null;
  readonly band: string | null;
  readonly pillars: CryptoPillars;
  readonly weights: Readonly<Partial<Record<CryptoPillar, number | null>>>;
  readonly pillars_missing: readonly string[];
  readonly coverage: number | null;
  readonly fear_greed: number | null;
  readonly divergence: { readonly difference: number; readonly flagged: boolean; readonly direction: string | null } | null;
  readonly alerts: readonly CryptoAlert[];
  readonly history: readonly {
    readonly ts: string;
    readonly score: number | null;
    readonly band: string | null;
    readonly pillars: CryptoPillars;
    /** Not sent yet: when the server adds Fear & Greed per point, the chart draws it as a second line. */
    readonly fear_greed?: number | null;
  }[];
}

/** `GET /v1/smi/{symbol}?from=&to=` (seed 002). */
export interface SmiBody {
  readonly symbol: string;
  readonly start_value: number;
  readonly lookback: number;
  readonly series: readonly {
    readonly date: string;
    readonly smi: number;
    readonly first_half_hour_change: number;
    readonly last_hour_change: number;
    readonly close: number;
  }[];
  readonly divergences: readonly {
    readonly date: string;
    readonly kind: string;
    readonly close: number;
    readonly smi: number;
    readonly prior_close_extreme: number;
    readonly prior_smi_extreme: number;
    readonly lookback: number;
  }[];
  readonly skipped: readonly { readonly date: string; readonly reason: string }[];
}

/** `event: signal` of `GET /v1/stream/signals`. */
export interface StreamSignalEvent {
  readonly symbol: string;
  readonly key: string;
  readonly signal: FlowSignal;
}
