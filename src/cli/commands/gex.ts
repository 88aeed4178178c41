import { CHAIN_QUERY_OPTIONS_HELP, exposureCommand } from '../chain-query.ts';

export const gexCommand = exposureCommand('gex',
  'dealer gamma exposure (GEX) by strike, net GEX and the gamma flip of an option chain, as JSON',
  `Usage: smartmoney gex SYMBOL --chain FILE... [--expiration D] [--min-oi N] [--at ISO] [settings]

Per contract IV (the chain's, else from the bid/ask mid) and BSM gamma; per strike
GEX = ±Γ × OI × 100 × S² × 0.01 in $ per 1% move (calls +, puts − under the default dealer convention);
net GEX, its label (positive_gamma / negative_gamma) and the gamma flip, the spot where total GEX re-priced
over ±20% crosses zero. Prints {symbol, underlying_price, underlying_price_source, as_of, expiration,
gamma_flip, gamma_flip_reason, net_gex, net_gex_label, unit, settings, contracts, strikes[{strike, call_gex,
put_gex, net_gex, call_oi, put_oi, call_volume, put_volume}]}. Without the underlying's price in the chain
(Yahoo) the spot is implied by put–call parity; when impossible the GEX numbers are null with a reason.
${CHAIN_QUERY_OPTIONS_HELP}

Example:
  smartmoney gex NVDA --chain ../shared/data/yahoo-option-chains-10-tickers/2025-12-05_NVDA.csv.gz --min-oi 100`);
