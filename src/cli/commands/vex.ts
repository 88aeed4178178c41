import { CHAIN_QUERY_OPTIONS_HELP, exposureCommand } from '../chain-query.ts';

export const vexCommand = exposureCommand('vex',
  'dealer vanna exposure (VEX) by strike and in total of an option chain, as JSON',
  `Usage: smartmoney vex SYMBOL --chain FILE... [--expiration D] [--min-oi N] [--at ISO] [settings]

Per strike VEX = ±vanna × OI × 100 × S, vanna = ∂Δ/∂σ per vol point: the dollars by which the dealer book's
delta changes when implied volatility rises 1 point (20% → 21%). Positive: a vol rise makes dealers longer
delta, so they sell the underlying to re-hedge; a vol crush makes them buy. Prints {symbol, underlying_price,
underlying_price_source, as_of, expiration, net_vex, net_vex_label, unit, settings, contracts,
strikes[{strike, call_vex, put_vex, net_vex, call_oi, put_oi, call_volume, put_volume}]}.
${CHAIN_QUERY_OPTIONS_HELP}

Example:
  smartmoney vex META --chain ../shared/data/yahoo-option-chains-10-tickers/2025-12-05_META.csv.gz`);
