import type { OpenCloseBias } from '../core/options-flow/flow-score.ts';
import type { FlowSignal } from '../core/options-flow/flow-signal.ts';
import type { FlowSummary } from '../core/options-flow/flow-summary.ts';
import type { QueriedSignal } from '../core/options-flow/signal-query.ts';
import type { FlowReport } from '../core/options-flow/flow-report.ts';
import {
  type EnrichmentSource, enrichSignal, NO_SIGNAL_ENRICHMENT, type SignalEnrichment,
} from '../core/options-flow/signal-enrichment.ts';

/**
 * The JSON bodies of the flow-signals surface (seed 004), shared by the CLI and the API so that both print
 * the same bytes. Field names and value spellings follow the seed: snake_case fields, `open_close_bias`
 * as OpeningBias/ClosingBias/Unknown, ISO-8601 UTC timestamps. Dollar amounts are rounded to cents and
 * per-share prices to 1e-6; scores and their breakdowns are integers; normalised components are exact.
 */

const BIAS_NAME: Record<OpenCloseBias, 'OpeningBias' | 'ClosingBias' | 'Unknown'> = {
  opening: 'OpeningBias', closing: 'ClosingBias', unknown: 'Unknown',
};

export const cents = (x: number): number => Math.round(x * 100) / 100;
const micro = (x: number): number => Math.round(x * 1e6) / 1e6;
export const isoUtc = (ms: number): string => new Date(ms).toISOString();

/** Chain reference levels (filled by the chain analytics; null until a chain with spot is analysed). */
export interface ChainLevels {
  readonly call_wall: number | null;
  readonly put_wall: number | null;
  readonly max_pain: number | null;
  readonly gamma_flip: number | null;
}

export const NO_CHAIN_LEVELS: ChainLevels = { call_wall: null, put_wall: null, max_pain: null, gamma_flip: null };

/** Seed 004 "Greeks Enrichment Overlay". All null when no settled greek snapshot covers the contract. */
export interface Enrichment {
  readonly iv: number | null;
  readonly delta: number | null;
  readonly gamma: number | null;
  readonly iv_vs_atm: number | null;
  readonly moneyness: 'ITM' | 'ATM' | 'OTM' | null;
  readonly estimated_delta_notional: number | null;
  readonly hypothetical_gex_impact_if_opening: number | null;
}

function enrichmentJson(e: SignalEnrichment): Enrichment {
  return {
    iv: e.iv,
    delta: e.delta,
    gamma: e.gamma,
    iv_vs_atm: e.ivVsAtm,
    moneyness: e.moneyness,
    estimated_delta_notional: e.estimatedDeltaNotional === null ? null : cents(e.estimatedDeltaNotional),
    hypothetical_gex_impact_if_opening: e.hypotheticalGexImpactIfOpening === null ? null : cents(e.hypotheticalGexImpactIfOpening),
  };
}

export function signalJson(q: QueriedSignal, source: EnrichmentSource | null = null) {
  const s: FlowSignal = q.signal;
  const enrichment = enrichmentJson(source === null ? NO_SIGNAL_ENRICHMENT : enrichSignal(s, source));
  return {
    ts: isoUtc(s.ts),
    contract: s.contract,
    expiry: s.expiry,
    strike: s.strike,
    right: s.right,
    side: s.side,
    price: micro(s.price),
    size: s.size,
    print_count: s.printCount,
    premium: cents(s.premium),
    dte: s.dte,
    structure: s.structure,
    aggressor: s.aggressor,
    open_close_bias: BIAS_NAME[s.openCloseBias],
    open_close_confidence: s.openCloseConfidence,
    contract_net_oi_delta: s.contractNetOiDelta,
    intent: s.intent,
    score: s.score,
    conviction: s.conviction,
    tags: q.tags,
    score_breakdown: s.breakdown,
    score_components: s.components,
    enrichment,
    first_ts: isoUtc(s.firstTs),
    exchanges: s.exchanges,
    nbbo: { bid: micro(s.bid), ask: micro(s.ask), crossed_or_locked: s.crossedOrLocked },
    settled_oi: s.settledOi,
  };
}

function queryHeader(r: FlowReport) {
  return {
    symbol: r.symbol,
    as_of: isoUtc(r.query.at),
    window_minutes: r.query.windowMinutes,
    expiry: r.query.expiry,
    underlying_price: r.underlyingPrice,
    underlying_price_source: r.underlyingPriceSource,
  };
}

function chainJson(r: FlowReport): ChainLevels {
  const l = r.chainLevels;
  return l === null ? NO_CHAIN_LEVELS
    : { call_wall: l.callWall, put_wall: l.putWall, max_pain: l.maxPain, gamma_flip: l.gammaFlip };
}

/** `GET /v1/flow/signals/{symbol}` and `bin/smartmoney signals`. */
export function signalsBody(r: FlowReport, signals: readonly QueriedSignal[]) {
  return {
    ...queryHeader(r),
    chain: chainJson(r),
    count: signals.length,
    signals: signals.map((q) => signalJson(q, r.enrichment)),
  };
}

/** `GET /v1/flow/signals/{symbol}/summary` and `bin/smartmoney summary`. */
export function summaryBody(r: FlowReport, sum: FlowSummary) {
  return {
    ...queryHeader(r),
    signal_count: sum.signalCount,
    bullish_premium: cents(sum.bullishPremium),
    bearish_premium: cents(sum.bearishPremium),
    net_directional_premium: cents(sum.netDirectionalPremium),
    opening_premium: cents(sum.openingPremium),
    closing_premium: cents(sum.closingPremium),
    tilt: sum.tilt,
    tilt_strength: sum.tiltStrength,
    opening_share: sum.openingShare,
    net_premium_per_underlying_dollar: r.underlyingPrice === null || r.underlyingPrice <= 0
      ? null : sum.netDirectionalPremium / r.underlyingPrice,
    chain: chainJson(r),
    top_signals: sum.topSignals.map((q) => signalJson(q, r.enrichment)),
  };
}
