import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AliasTable } from './alias-table.ts';
import { Prng } from './prng.ts';

test('draw frequencies match the weights within binomial sampling error (n = 400,000)', () => {
  const weights = [50, 0, 25, 12.5, 12.5];
  const table = new AliasTable(weights);
  const rng = Prng.fromSeed(11);
  const counts = new Array<number>(weights.length).fill(0);
  const n = 400_000;
  for (let i = 0; i < n; i++) {
    const k = table.sample(rng);
    counts[k] = (counts[k] as number) + 1;
  }
  weights.forEach((w, i) => {
    const p = w / 100;
    const sd = Math.sqrt(n * p * (1 - p));
    assert.ok(Math.abs((counts[i] as number) - n * p) <= 5 * sd + 1e-9, `index ${i}: ${counts[i]} vs ${n * p}`);
  });
  assert.equal(counts[1], 0);
});

test('bad weights are rejected naming the index and value', () => {
  assert.throws(() => new AliasTable([1, Number.NaN]), /weight 1 was NaN/);
  assert.throws(() => new AliasTable([0, 0]), /summed to 0/);
});
