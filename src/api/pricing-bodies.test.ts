import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_DIVIDEND_YIELD, DEFAULT_RATE, greeksBody, impliedVolatilityBody, parseGreeksRequest, parseImpliedVolatilityRequest,
  PricingRequestError,
} from './pricing-bodies.ts';

/** |got − want| within half a unit of the last digit FlashAlpha printed. */
function printedDigits(got: number, want: string, field: string): void {
  const decimals = want.includes('.') ? (want.split('.')[1] as string).length : 0;
  assert.ok(Math.abs(got - Number(want)) <= 0.5 * 10 ** -decimals + 1e-15, `${field}: ${got} vs FlashAlpha ${want}`);
}

test('FlashAlpha\'s published GET /v1/pricing/greeks example (S = K = 580, 30 days, σ 0.18, call, default r and q) reproduces in every printed digit', () => {
  const body = greeksBody(parseGreeksRequest({ spot: '580', strike: '580', dte: '30', sigma: '0.18', type: 'call' }));
  assert.deepEqual(body.inputs, { spot: 580, strike: 580, dte: 30, sigma: 0.18, type: 'call', risk_free_rate: 0.045, dividend_yield: 0.013 });
  printedDigits(body.theoretical_price, '12.687211', 'theoretical_price');
  const want = {
    first_order: { delta: '0.53003', gamma: '0.013276', theta: '-0.223599', vega: '0.660706', rho: '24.224395' },
    second_order: { vanna: '-0.055551', charm: '0.00049', vomma: '0.709126', dual_delta: '-0.508155' },
    third_order: { speed: '-0.00005694', zomma: '-0.07361041', color: '-0.00022304', ultima: '-17.241619' },
    additional: { lambda: '24.2305', veta: '1.092334' },
  } as const;
  for (const [section, fields] of Object.entries(want)) {
    const got = body[section as keyof typeof want] as Record<string, number | null>;
    assert.deepEqual(Object.keys(got), Object.keys(fields), `${section} field names`);
    for (const [field, value] of Object.entries(fields)) printedDigits(got[field] as number, value, `${section}.${field}`);
  }
});

test('FlashAlpha\'s published GET /v1/pricing/iv example (price 12.69) gives 0.180042, 18.0 %', () => {
  const body = impliedVolatilityBody(parseImpliedVolatilityRequest({ spot: '580', strike: '580', dte: '30', price: '12.69', type: 'call' }));
  assert.ok(body.implied_volatility !== null);
  printedDigits(body.implied_volatility, '0.180042', 'implied_volatility');
  printedDigits(body.implied_volatility_pct, '18.0', 'implied_volatility_pct');
  assert.deepEqual(body.inputs, { spot: 580, strike: 580, dte: 30, price: 12.69, type: 'call', risk_free_rate: DEFAULT_RATE, dividend_yield: DEFAULT_DIVIDEND_YIELD });
});

const market = fc.record({
  spot: fc.double({ min: 1, max: 2000, noNaN: true }),
  moneyness: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  dte: fc.double({ min: 1, max: 730, noNaN: true }),
  sigma: fc.double({ min: 0.05, max: 2, noNaN: true }),
  r: fc.double({ min: 0, max: 0.08, noNaN: true }),
  q: fc.double({ min: 0, max: 0.05, noNaN: true }),
});

test('bodies obey put–call parity, dual_delta = (V − S·Δ)/K (homogeneity of the price) and the IV round trip', () => {
  fc.assert(fc.property(market, ({ spot, moneyness, dte, sigma, r, q }) => {
    const strike = spot * Math.exp(moneyness);
    const request = { spot, strike, dte, sigma, r, q };
    const call = greeksBody({ ...request, type: 'call' });
    const put = greeksBody({ ...request, type: 'put' });
    const t = dte / 365;
    const parity = spot * Math.exp(-q * t) - strike * Math.exp(-r * t);
    assert.ok(Math.abs(call.theoretical_price - put.theoretical_price - parity) <= 1e-12 * (spot + strike));
    assert.ok(Math.abs(call.first_order.delta - put.first_order.delta - Math.exp(-q * t)) <= 1e-14);
    for (const body of [call, put]) {
      const homogeneity = (body.theoretical_price - spot * body.first_order.delta) / strike;
      assert.ok(Math.abs(body.second_order.dual_delta - homogeneity) <= 1e-12 * (1 + spot / strike));
      // Round trip in price: deep in the money σ itself is only determined to ulp·price/vega (methodology).
      const iv = impliedVolatilityBody({ spot, strike, dte, price: body.theoretical_price, type: body.inputs.type, r, q });
      if (iv.implied_volatility === null) continue;
      const back = greeksBody({ ...request, sigma: iv.implied_volatility, type: body.inputs.type }).theoretical_price;
      assert.ok(Math.abs(back - body.theoretical_price) <= 1e-12 * body.theoretical_price, `${body.theoretical_price} → ${iv.implied_volatility} → ${back}`);
    }
  }), { numRuns: 300 });
});

test('a price below intrinsic, above the maximum or at expiry gives implied_volatility null with the reason and the bounds', () => {
  const base = { spot: 580, strike: 500, dte: 30, type: 'call' as const, r: 0.045, q: 0.013 };
  const below = impliedVolatilityBody({ ...base, price: 12.69 });
  assert.equal(below.implied_volatility, null);
  assert.equal(below.reason, 'below_intrinsic');
  assert.ok(below.no_arbitrage_bounds !== undefined && below.no_arbitrage_bounds.lower > 80 && below.no_arbitrage_bounds.upper < 580);
  assert.equal(impliedVolatilityBody({ ...base, price: 600 }).reason, 'above_max_price');
  assert.equal(impliedVolatilityBody({ ...base, dte: 0, price: 81 }).reason, 'expired');
});

test('bad request values are refused naming the parameter and quoting the value (never read as 0 or a default)', () => {
  const good = { spot: '580', strike: '580', dte: '30', sigma: '0.18', type: 'call' };
  const cases: [Record<string, string | undefined>, string, string | undefined][] = [
    [{ spot: '' }, 'spot', ''], [{ spot: 'abc' }, 'spot', 'abc'], [{ spot: '-5' }, 'spot', '-5'], [{ spot: '0x10' }, 'spot', '0x10'],
    [{ strike: 'Infinity' }, 'strike', 'Infinity'], [{ dte: '0' }, 'dte', '0'], [{ sigma: '18' }, 'sigma', '18'],
    [{ sigma: '0' }, 'sigma', '0'], [{ type: 'straddle' }, 'type', 'straddle'], [{ type: undefined }, 'type', undefined],
    [{ r: '4.5' }, 'r', '4.5'], [{ q: 'NaN' }, 'q', 'NaN'], [{ sigma: undefined }, 'sigma', undefined],
  ];
  for (const [override, parameter, value] of cases) {
    assert.throws(() => parseGreeksRequest({ ...good, ...override }), (e: unknown) => e instanceof PricingRequestError
      && e.parameter === parameter && e.value === value && (value === undefined || e.message.includes(JSON.stringify(value))), JSON.stringify(override));
  }
  assert.throws(() => parseImpliedVolatilityRequest({ ...good, price: '-1' }), /price was "-1"/);
  assert.equal(parseImpliedVolatilityRequest({ ...good, price: '1', dte: '0', type: 'PUT' }).type, 'put');
});
