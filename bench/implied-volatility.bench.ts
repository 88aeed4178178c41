/**
 * Speed of implied volatility (Jäckel's "Let's Be Rational") against the BSM price and the greeks, on a
 * fixed, seeded set of realistic option quotes. A plain script, not a test: it prints ops/sec and asserts
 * nothing (STYLE.md: "A benchmark is not a test"). Run: node --import tsx bench/implied-volatility.bench.ts
 */
import { blackScholesPrice, type BlackScholesInput } from '../src/core/pricing/black-scholes.ts';
import { greeks } from '../src/core/pricing/greeks.ts';
import { impliedVolatility } from '../src/core/pricing/lets-be-rational.ts';
import { referenceImpliedVolatility } from '../src/core/pricing/reference.ts';
import { yearFraction } from '../src/core/units.ts';

/** Park–Miller minimal standard generator: the same quotes on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const random = seeded(20150101);
const N = 20_000;
const quotes: { input: BlackScholesInput; price: number }[] = [];
while (quotes.length < N) {
  const spot = 10 + random() * 990;
  const t = (1 + Math.floor(random() * 730)) / 365 - random() * 0.9 / 365; // hours to two years
  const sigma = 0.08 + random() * 1.2;
  const strike = spot * Math.exp((random() - 0.5) * 3 * sigma * Math.sqrt(t)); // ±1.5 standard deviations
  const input = { spot, strike, t: yearFraction(t), r: 0.045, q: 0.013, sigma, right: random() < 0.5 ? 'C' as const : 'P' as const };
  const price = blackScholesPrice(input);
  if (price > 0.005) quotes.push({ input, price }); // a penny-wide market quotes at least half a cent
}

function measure(name: string, runs: number, body: () => number): void {
  let sink = 0;
  sink += body(); // warm-up
  const start = performance.now();
  for (let run = 0; run < runs; run++) sink += body();
  const seconds = (performance.now() - start) / 1000;
  const ops = (runs * N) / seconds;
  console.log(`${name.padEnd(34)} ${Math.round(ops).toLocaleString('en-US').padStart(12)} ops/sec  (${(1e9 / ops).toFixed(0)} ns/op; checksum ${sink.toExponential(3)})`);
}

console.log(`${N} quotes: spot 10–1000, 1 hour to 2 years, vol 8–128 %, strikes within ±1.5 sd, r 4.5 %, q 1.3 %`);
measure('impliedVolatility (Let\'s Be Rational)', 20, () => {
  let sum = 0;
  for (const { input, price } of quotes) {
    const result = impliedVolatility(price, input);
    if (result.iv !== null) sum += result.iv;
  }
  return sum;
});
measure('blackScholesPrice', 20, () => {
  let sum = 0;
  for (const { input } of quotes) sum += blackScholesPrice(input);
  return sum;
});
measure('greeks (all 14 + price)', 10, () => {
  let sum = 0;
  for (const { input } of quotes) sum += greeks(input).gamma;
  return sum;
});

let worst = 0;
let iterationsMax = 0;
for (const { input, price } of quotes) {
  const result = impliedVolatility(price, input);
  if (result.iv === null) throw new Error(`no iv for ${JSON.stringify(input)}: ${result.reason}`);
  iterationsMax = Math.max(iterationsMax, result.iterations);
  worst = Math.max(worst, Math.abs(result.iv - input.sigma) / input.sigma);
}
console.log(`accuracy on these quotes: max |iv − σ|/σ = ${worst.toExponential(2)}, max iterations = ${iterationsMax}`);

const sample = quotes.slice(0, 200);
const start = performance.now();
for (const { input, price } of sample) referenceImpliedVolatility(price, input);
const referenceOps = sample.length / ((performance.now() - start) / 1000);
console.log(`${'reference bisection (tests only)'.padEnd(34)} ${Math.round(referenceOps).toLocaleString('en-US').padStart(12)} ops/sec`);
