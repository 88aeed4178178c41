import { greeksBody, parseGreeksRequest } from '../../api/pricing-bodies.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { PRICING_OPTIONS, pricingRequest } from '../pricing-options.ts';

export const greeksCommand: Command = {
  name: 'greeks',
  summary: 'Black–Scholes–Merton value and greeks (first, second, third order) of one option, as JSON',
  help: `Usage: smartmoney greeks --spot S --strike K --dte D --sigma V --type call|put [--rate R] [--dividend Q]

Prices a European option under Black–Scholes–Merton with a continuous dividend yield (T = D / 365) and prints
{inputs, theoretical_price, first_order{delta, gamma, theta, vega, rho}, second_order{vanna, charm, vomma,
dual_delta}, third_order{speed, zomma, color, ultima}, additional{lambda, veta}} — the body and units of
FlashAlpha's GET /v1/pricing/greeks, per share: theta $ per calendar day; vega $ per vol point; rho $ per unit
of r; vanna, zomma per unit σ; vomma per unit σ²; ultima per unit σ³; charm, color, veta ∂/∂T per day.
docs/methodology-pricing-check.md lists every definition.

Options:
  --spot S          underlying price, $ per share (> 0)
  --strike K        strike, $ per share (> 0)
  --dte D           calendar days to expiry (> 0; fractions allowed)
  --sigma V         volatility, annualised fraction (0.18 = 18 %; > 0 and ≤ 10)
  --type T          call or put
  --rate R          risk-free rate, continuously compounded fraction per year (default 0.045)
  --dividend Q      dividend yield, continuously compounded fraction per year (default 0.013)

Example:
  smartmoney greeks --spot 580 --strike 580 --dte 30 --sigma 0.18 --type call`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...PRICING_OPTIONS, sigma: { type: 'string' } });
    const request = pricingRequest(values, positionals, parseGreeksRequest);
    io.stdout.write(`${JSON.stringify(greeksBody(request), null, 2)}\n`);
    return 0;
  },
};
