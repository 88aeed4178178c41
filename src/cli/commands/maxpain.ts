import { maxPainBody } from '../../api/exposure-bodies.ts';
import type { Command } from '../command.ts';
import { CHAIN_QUERY_OPTIONS_HELP, runChainQuery } from '../chain-query.ts';

export const maxPainCommand: Command = {
  name: 'maxpain',
  summary: 'max pain strike and pain curve of an option chain (one expiry or all), as JSON',
  help: `Usage: smartmoney maxpain SYMBOL --chain FILE... [--expiration D] [--min-oi N] [--at ISO]

For each strike s as the settlement price: call_pain = Σ call OI × max(0, s − K) × 100, put_pain =
Σ put OI × max(0, K − s) × 100, total_pain = their sum, in $; max_pain_strike = the strike of least total
pain (ties: the lowest). Needs only open interest: works without the underlying's price. Prints {symbol,
underlying_price, underlying_price_source, as_of, expiration, max_pain_strike, expirations, contracts,
pain_curve[{strike, call_pain, put_pain, total_pain}]}. Max pain is usually read per expiry: pass --expiration.
${CHAIN_QUERY_OPTIONS_HELP}

Example:
  smartmoney maxpain NVDA --chain ../shared/data/yahoo-option-chains-10-tickers/2025-12-01_NVDA.csv.gz --expiration 2025-12-05`,
  async run(argv, io) {
    const analysis = await runChainQuery(argv, io);
    io.stdout.write(`${JSON.stringify(maxPainBody(analysis), null, 2)}\n`);
    return 0;
  },
};
