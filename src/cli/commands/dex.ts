import { CHAIN_QUERY_OPTIONS_HELP, exposureCommand } from '../chain-query.ts';

export const dexCommand = exposureCommand('dex',
  'dealer delta exposure (DEX) by strike and in total of an option chain, as JSON',
  `Usage: smartmoney dex SYMBOL --chain FILE... [--expiration D] [--min-oi N] [--at ISO] [settings]

Per strike DEX = ±Δ × OI × 100 × S: the dollars of underlying the assumed dealer book is long before hedging
(calls +, puts − as positions under the default convention, so dealers' long calls and short puts both add
long delta). Prints {symbol, underlying_price, underlying_price_source, as_of, expiration, net_dex,
net_dex_label, unit, settings, contracts, strikes[{strike, call_dex, put_dex, net_dex, call_oi, put_oi,
call_volume, put_volume}]}. A dealer book long $X of delta hedges by holding −$X of the underlying.
${CHAIN_QUERY_OPTIONS_HELP}

Example:
  smartmoney dex AAPL --chain ../shared/data/yahoo-option-chains-10-tickers/2025-12-05_AAPL.csv.gz`);
