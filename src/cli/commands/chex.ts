import { CHAIN_QUERY_OPTIONS_HELP, exposureCommand } from '../chain-query.ts';

export const chexCommand = exposureCommand('chex',
  'dealer charm exposure (CHEX) by strike and in total of an option chain, as JSON',
  `Usage: smartmoney chex SYMBOL --chain FILE... [--expiration D] [--min-oi N] [--at ISO] [settings]

Per strike CHEX = ±charm × OI × 100 × S, charm = −∂Δ/∂T per calendar day: the dollars by which the dealer
book's delta changes as one day passes with spot and IV unchanged. Positive: time makes dealers longer delta,
so they sell the underlying to re-hedge ("charm flows" into expiry). Prints {symbol, underlying_price,
underlying_price_source, as_of, expiration, net_chex, net_chex_label, unit, settings, contracts,
strikes[{strike, call_chex, put_chex, net_chex, call_oi, put_oi, call_volume, put_volume}]}.
${CHAIN_QUERY_OPTIONS_HELP}

Example:
  smartmoney chex TSM --chain ../shared/data/yahoo-option-chains-10-tickers/2025-12-05_TSM.csv.gz --expiration 2025-12-05`);
