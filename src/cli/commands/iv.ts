import { impliedVolatilityBody, parseImpliedVolatilityRequest } from '../../api/pricing-bodies.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { PRICING_OPTIONS, pricingRequest } from '../pricing-options.ts';

export const ivCommand: Command = {
  name: 'iv',
  summary: 'implied volatility of one option price (Jäckel\'s "Let\'s Be Rational"), as JSON',
  help: `Usage: smartmoney iv --spot S --strike K --dte D --price P --type call|put [--rate R] [--dividend Q]

Finds the Black–Scholes–Merton volatility (continuous dividend yield, T = D / 365) at which a European option
is worth P, to machine precision in at most two iterations (P. Jäckel, "Let's Be Rational", 2015), and prints
{inputs, implied_volatility, implied_volatility_pct} — the body of FlashAlpha's GET /v1/pricing/iv. A price
outside the no-arbitrage bounds prints implied_volatility: null with a reason (expired, below_intrinsic,
no_time_value, above_max_price) and a message, and exits 0. American early exercise is not modelled.

Options:
  --spot S          underlying price, $ per share (> 0)
  --strike K        strike, $ per share (> 0)
  --dte D           calendar days to expiry (≥ 0; fractions allowed; 0 answers "expired")
  --price P         option price, $ per share (≥ 0; e.g. the bid/ask mid)
  --type T          call or put
  --rate R          risk-free rate, continuously compounded fraction per year (default 0.045)
  --dividend Q      dividend yield, continuously compounded fraction per year (default 0.013)

Example:
  smartmoney iv --spot 580 --strike 580 --dte 30 --price 12.69 --type call`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...PRICING_OPTIONS, price: { type: 'string' } });
    const request = pricingRequest(values, positionals, parseImpliedVolatilityRequest);
    io.stdout.write(`${JSON.stringify(impliedVolatilityBody(request), null, 2)}\n`);
    return 0;
  },
};
