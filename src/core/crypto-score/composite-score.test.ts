import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compositeScore, type PillarScores } from './composite-score.ts';
import { normalizeWeights, PILLARS, SEED_WEIGHTS, weightsFromList, WeightsError } from './score-weights.ts';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `${a} ≠ ${b}`);

test('seed 001 formula with all five pillars: 0.35·80 + 0.30·60 + 0.15·70 + 0.10·40 + 0.10·20 = 62.5', () => {
  const c = compositeScore({ funding: 80, stablecoin: 60, open_interest: 70, volume: 40, long_short: 20 }, SEED_WEIGHTS);
  close(c?.score as number, 0.35 * 80 + 0.30 * 60 + 0.15 * 70 + 0.10 * 40 + 0.10 * 20);
  close(c?.score as number, 62.5);
  assert.deepEqual(c?.pillarsMissing, []);
  close(c?.coverage as number, 1);
});

test('missing pillars are re-weighted away, not scored 0: funding 80 and stablecoin 20 alone → (28 + 6) / 0.65', () => {
  const c = compositeScore({ funding: 80, stablecoin: 20, open_interest: null, volume: null, long_short: null }, SEED_WEIGHTS);
  close(c?.score as number, 34 / 0.65);
  close(c?.coverage as number, 0.65);
  assert.deepEqual(c?.pillarsMissing, ['open_interest', 'volume', 'long_short']);
  assert.equal(compositeScore({ funding: null, stablecoin: null, open_interest: null, volume: null, long_short: null }, SEED_WEIGHTS), null);
});

test('weights: the seed formula sums to 1; its FAQ\'s 40 % funding would sum to 1.05, so the formula wins and a 40 % setting is re-normalised', () => {
  close(PILLARS.reduce((s, p) => s + SEED_WEIGHTS[p], 0), 1);
  const faq = [0.40, 0.30, 0.15, 0.10, 0.10];
  close(faq.reduce((s, w) => s + w, 0), 1.05);
  const w = weightsFromList(faq);
  close(w.funding, 0.40 / 1.05);
  close(PILLARS.reduce((s, p) => s + w[p], 0), 1);
  const percent = weightsFromList([35, 30, 15, 10, 10]), seed = normalizeWeights(SEED_WEIGHTS);
  for (const p of PILLARS) close(percent[p], seed[p], 1e-15);
  assert.throws(() => weightsFromList([0.35, -0.3, 0.15, 0.1, 0.1]), WeightsError);
  assert.throws(() => weightsFromList([0, 0, 0, 0, 0]), /every weight was 0/);
  assert.throws(() => weightsFromList([1, 2]), /expected 5/);
  assert.throws(() => weightsFromList([1, 1, 1, 1, Number.NaN]), /long_short/);
});

const pillar = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
const pillarsArb = fc.record({ funding: pillar, stablecoin: pillar, open_interest: pillar, volume: pillar, long_short: pillar });

test('property: the score is in 0–100 and between the lowest and highest pillar present', () => {
  fc.assert(fc.property(pillarsArb, (p: PillarScores) => {
    const c = compositeScore(p, SEED_WEIGHTS);
    const present = PILLARS.map((k) => p[k]).filter((v): v is number => v !== null);
    if (present.length === 0) return c === null;
    return c !== null && c.score >= 0 && c.score <= 100
      && c.score >= Math.min(...present) - 1e-9 && c.score <= Math.max(...present) + 1e-9;
  }), { numRuns: 500 });
});

test('property: a missing pillar never counts as zero — adding it at the current score leaves the score unchanged', () => {
  fc.assert(fc.property(pillarsArb, fc.constantFrom(...PILLARS), (p: PillarScores, k) => {
    const without = { ...p, [k]: null };
    const c = compositeScore(without, SEED_WEIGHTS);
    if (c === null) return true;
    const withIt = compositeScore({ ...without, [k]: c.score }, SEED_WEIGHTS);
    return withIt !== null && Math.abs(withIt.score - c.score) < 1e-9 && withIt.coverage > c.coverage;
  }), { numRuns: 500 });
});
