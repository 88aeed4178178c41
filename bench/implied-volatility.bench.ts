/**
 * `npm run bench` (IV section) or on its own: node --import tsx bench/implied-volatility.bench.ts
 * Speed and accuracy of implied volatility (Jäckel's "Let's Be Rational", src/core/pricing/lets-be-rational.ts)
 * and of the BSM price, on 1,000,000 seeded random quotes (issue 3, "Must show"):
 *   spot 10–1,000; T 1 day–2 years; σ 5 %–150 %; strike K = F·e^{z·σ√T} with z uniform in ±5 standard
 *   deviations (wide moneyness: in and out of the money); calls and puts; r 0–6 %, q 0–4 %. Only quotes worth
 *   more than 1e−8 of spot are kept (generation draws again otherwise; the rejected count is printed).
 * Each quote's price is blackScholesPrice at the true σ; the timed loop inverts it. Accuracy: max |iv − σ| over
 * all quotes, split out of / in the money, and against the slow bisection reference on a 2,000-quote
 * subsample; plus the worst error divided by the problem's own conditioning ε·(price/vega + σ) (a few means
 * the answer is as good as the double price allows; deep in the money σ is only determined to that).
 * A plain script, not a test: nothing is asserted. Prints one JSON object on stdout (last line), progress on stderr.
 * Environment: BENCH_IV_QUOTES (default 1,000,000), BENCH_IV_REFERENCE (default 2,000), BENCH_IV_REPEAT (default 3).
 */
import { loadavg, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { blackScholesPrice, type BlackScholesInput } from '../src/core/pricing/black-scholes.ts';
import { impliedVolatility } from '../src/core/pricing/lets-be-rational.ts';
import { referenceImpliedVolatility } from '../src/core/pricing/reference.ts';
import { normPdf } from '../src/core/pricing/normal-distribution.ts';
import { yearFraction } from '../src/core/units.ts';

const QUOTES = Number(process.env.BENCH_IV_QUOTES ?? 1_000_000);
const REFERENCE_QUOTES = Number(process.env.BENCH_IV_REFERENCE ?? 2_000);
const REPEAT = Number(process.env.BENCH_IV_REPEAT ?? 3);
const MIN_PRICE_OVER_SPOT = 1e-8;
const DBL_EPSILON = 2.220446049250313e-16;

/** Park–Miller minimal standard generator (48271 multiplier): the same quotes on every run. */
class Seeded {
  private state: number;
  constructor(seed: number) { this.state = seed; }
  next(): number {
    this.state = (this.state * 48271) % 2147483647;
    return this.state / 2147483647;
  }
}

function generate(n: number): { inputs: BlackScholesInput[]; prices: Float64Array; rejected: number } {
  const random = new Seeded(20150101);
  const inputs: BlackScholesInput[] = [];
  const prices = new Float64Array(n);
  let rejected = 0;
  while (inputs.length < n) {
    const spot = 10 + random.next() * 990;
    const t = 1 / 365 + random.next() * (2 - 1 / 365);
    const sigma = 0.05 + random.next() * 1.45;
    const r = random.next() * 0.06;
    const q = random.next() * 0.04;
    const z = (random.next() * 2 - 1) * 5;
    const strike = spot * Math.exp((r - q) * t + z * sigma * Math.sqrt(t));
    const input: BlackScholesInput = { spot, strike, t: yearFraction(t), r, q, sigma, right: random.next() < 0.5 ? 'C' : 'P' };
    const price = blackScholesPrice(input);
    if (!(price > MIN_PRICE_OVER_SPOT * spot)) {
      rejected++;
      continue;
    }
    prices[inputs.length] = price;
    inputs.push(input);
  }
  return { inputs, prices, rejected };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Runs `pass` REPEAT times over all quotes after a warm-up on the first 100,000; ops/s of each pass. */
function timePasses(name: string, pass: (from: number, to: number) => void): number[] {
  pass(0, Math.min(100_000, QUOTES));
  const rates: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    pass(0, QUOTES);
    rates.push(QUOTES / ((performance.now() - start) / 1000));
    process.stderr.write(`${name} pass ${i + 1}: ${Math.round(rates[i] as number).toLocaleString('en-US')} /s\n`);
  }
  return rates;
}

process.stderr.write(`generating ${QUOTES.toLocaleString('en-US')} quotes …\n`);
const load1 = loadavg()[0] as number;
const { inputs, prices, rejected } = generate(QUOTES);
const ivs = new Float64Array(QUOTES);
const sink = new Float64Array(1);

const ivRates = timePasses('impliedVolatility', (from, to) => {
  for (let i = from; i < to; i++) {
    const result = impliedVolatility(prices[i] as number, inputs[i] as BlackScholesInput);
    ivs[i] = result.iv ?? NaN;
  }
});
const priceRates = timePasses('blackScholesPrice', (from, to) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += blackScholesPrice(inputs[i] as BlackScholesInput);
  sink[0] = sum;
});

/** Max |iv − σ| over a subset, the quote where it occurs, and the max of |iv − σ| / (ε·price/vega). */
interface ErrorStats { quotes: number; failures: number; max_abs_error: number; worst_conditioning_ratio: number }
function errorStats(select: (input: BlackScholesInput, price: number) => boolean): ErrorStats {
  const stats: ErrorStats = { quotes: 0, failures: 0, max_abs_error: 0, worst_conditioning_ratio: 0 };
  for (let i = 0; i < QUOTES; i++) {
    const input = inputs[i] as BlackScholesInput;
    const price = prices[i] as number;
    if (!select(input, price)) continue;
    stats.quotes++;
    const iv = ivs[i] as number;
    if (Number.isNaN(iv)) {
      stats.failures++;
      continue;
    }
    const error = Math.abs(iv - input.sigma);
    stats.max_abs_error = Math.max(stats.max_abs_error, error);
    stats.worst_conditioning_ratio = Math.max(stats.worst_conditioning_ratio, error / conditioning(input, price));
  }
  return stats;
}

/**
 * ε·(price/vega + σ): how far σ moves when the price moves by one rounding (BSM vega per unit σ, Haug 2.2.1),
 * plus the rounding of σ itself — the error a perfect solver still shows on a double price.
 */
function conditioning(input: BlackScholesInput, price: number): number {
  const { spot, strike, t, r, q, sigma } = input;
  const d1 = (Math.log(spot / strike) + (r - q + 0.5 * sigma * sigma) * t) / (sigma * Math.sqrt(t));
  const vega = spot * Math.exp(-q * t) * normPdf(d1) * Math.sqrt(t);
  return DBL_EPSILON * (price / vega + sigma);
}

const inTheMoney = (input: BlackScholesInput): boolean => {
  const forward = input.spot * Math.exp((input.r - input.q) * input.t);
  return input.right === 'C' ? forward > input.strike : forward < input.strike;
};

process.stderr.write(`reference bisection on ${REFERENCE_QUOTES.toLocaleString('en-US')} quotes …\n`);
const step = Math.max(1, Math.floor(QUOTES / REFERENCE_QUOTES));
let referenceMaxOtm = 0;
let referenceMaxItm = 0;
let referenceCount = 0;
const referenceStart = performance.now();
for (let i = 0; i < QUOTES && referenceCount < REFERENCE_QUOTES; i += step, referenceCount++) {
  const input = inputs[i] as BlackScholesInput;
  const reference = referenceImpliedVolatility(prices[i] as number, input);
  const error = reference === null ? Infinity : Math.abs((ivs[i] as number) - reference);
  if (inTheMoney(input)) referenceMaxItm = Math.max(referenceMaxItm, error);
  else referenceMaxOtm = Math.max(referenceMaxOtm, error);
}
const referenceRate = referenceCount / ((performance.now() - referenceStart) / 1000);

const result = {
  benchmark: 'implied-volatility',
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, load_1min_before: Math.round(load1 * 100) / 100, load_1min_after: Math.round((loadavg()[0] as number) * 100) / 100 },
  quotes: {
    count: QUOTES,
    rejected_worth_at_most_1e8_of_spot: rejected,
    spot: [10, 1000], t_years: [1 / 365, 2], sigma: [0.05, 1.5], moneyness_sd: [-5, 5], r: [0, 0.06], q: [0, 0.04], rights: ['C', 'P'],
  },
  implied_volatility_per_second: { median: Math.round(median(ivRates)), best: Math.round(Math.max(...ivRates)), passes: REPEAT },
  black_scholes_prices_per_second: { median: Math.round(median(priceRates)), best: Math.round(Math.max(...priceRates)), passes: REPEAT },
  error_vs_true_sigma: {
    all: errorStats(() => true),
    out_of_the_money: errorStats((input) => !inTheMoney(input)),
    in_the_money: errorStats((input) => inTheMoney(input)),
    in_the_money_conditioning_at_most_1e_13: errorStats((input, price) => inTheMoney(input) && conditioning(input, price) <= 1e-13),
  },
  error_vs_reference: { quotes: referenceCount, max_abs_error_out_of_the_money: referenceMaxOtm, max_abs_error_in_the_money: referenceMaxItm, reference_per_second: Math.round(referenceRate) },
  checksum: sink[0],
};
process.stdout.write(`${JSON.stringify(result)}\n`);
