import type { FastifyInstance } from 'fastify';
import {
  greeksBody, impliedVolatilityBody, parseGreeksRequest, parseImpliedVolatilityRequest, type PricingParameters,
} from '../api/pricing-bodies.ts';
import { rawQuery } from './error-handler.ts';
import { GreeksQuery, IvQuery } from './query-schemas.ts';
import { ERROR_RESPONSES, GreeksBody, IvBody } from './response-schemas.ts';

const PRICING_PARAMETERS = ['spot', 'strike', 'dte', 'sigma', 'price', 'type', 'r', 'q'] as const;

/** The pricing parameters as sent (strings), so that api/pricing-bodies.ts checks them exactly as for the CLI. */
function pricingParameters(query: URLSearchParams): PricingParameters {
  const out: Record<string, string | undefined> = {};
  for (const name of PRICING_PARAMETERS) {
    const v = query.get(name);
    if (v !== null) out[name] = v;
  }
  return out;
}

/** `GET /v1/pricing/greeks` and `GET /v1/pricing/iv`: FlashAlpha's pricing endpoints, bodies of api/pricing-bodies.ts. */
export function registerPricingRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: GreeksQuery }>('/v1/pricing/greeks', {
    schema: {
      summary: 'Black–Scholes–Merton value and greeks (first, second, third order) of one European option',
      tags: ['pricing'], querystring: GreeksQuery, response: { 200: GreeksBody, ...ERROR_RESPONSES },
    },
  }, async (request) => greeksBody(parseGreeksRequest(pricingParameters(rawQuery(request)))));
  app.get<{ Querystring: IvQuery }>('/v1/pricing/iv', {
    schema: {
      summary: 'Implied volatility of one option price (Jäckel\'s "Let\'s Be Rational")',
      tags: ['pricing'], querystring: IvQuery, response: { 200: IvBody, ...ERROR_RESPONSES },
    },
  }, async (request) => impliedVolatilityBody(parseImpliedVolatilityRequest(pricingParameters(rawQuery(request)))));
}
