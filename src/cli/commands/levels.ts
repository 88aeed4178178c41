import { levelsBody } from '../../api/exposure-bodies.ts';
import type { Command } from '../command.ts';
import { CHAIN_QUERY_OPTIONS_HELP, runChainQuery } from '../chain-query.ts';

export const levelsCommand: Command = {
  name: 'levels',
  summary: 'chain levels: gamma flip, call/put walls, max ± gamma, highest OI, 0DTE magnet, max pain',
  help: `Usage: smartmoney levels SYMBOL --chain FILE... [--expiration D] [--min-oi N] [--at ISO] [settings]

Prints {symbol, underlying_price, underlying_price_source, as_of, expiration, levels:{gamma_flip,
max_positive_gamma, max_negative_gamma, call_wall, put_wall, highest_oi_strike, zero_dte_magnet, max_pain},
level_reasons, wall_basis, net_gex, net_gex_label, settings, contracts}.
  call_wall / put_wall   strike with the largest call / put gamma exposure (by open interest when there is
                         no spot: wall_basis says which)
  max_*_gamma            strike with the largest / most negative net GEX
  gamma_flip             spot where total GEX re-priced over ±20% crosses zero (null + reason if it does not)
  highest_oi_strike      largest call + put open interest
  zero_dte_magnet        among contracts expiring on the snapshot's date, the strike with the most gamma dollars
  max_pain               strike at which the open options would pay holders the least at expiry
${CHAIN_QUERY_OPTIONS_HELP}

Example:
  smartmoney levels AAPL --chain ../shared/data/yahoo-option-chains-10-tickers/2025-12-05_AAPL.csv.gz`,
  async run(argv, io) {
    const analysis = await runChainQuery(argv, io);
    io.stdout.write(`${JSON.stringify(levelsBody(analysis), null, 2)}\n`);
    return 0;
  },
};
