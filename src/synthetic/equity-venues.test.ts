import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIT_VENUES, LitVenuePicker } from './equity-venues.ts';
import { Prng } from './prng.ts';

test('lit venue shares are the pooled LEAN 2013-10-08 lit print shares (sum 100 ± 0.1), no off-exchange D among them', () => {
  assert.ok(Math.abs(LIT_VENUES.reduce((s, v) => s + v.share, 0) - 100) < 0.1);
  assert.ok(!LIT_VENUES.some((v) => v.code === 'D'));
});

test('the listing exchange gets its bonus: NYSE takes ≈ (3.2 + 20) / 120 of an NYSE-listed name\'s lit prints', () => {
  const picker = new LitVenuePicker('N');
  const rng = Prng.fromSeed(9);
  let n = 0;
  for (let i = 0; i < 100_000; i++) if (picker.sample(rng) === 'N'.charCodeAt(0)) n++;
  assert.ok(Math.abs(n / 100_000 - 23.2 / 120) < 0.005, `${n}`);
  for (let i = 0; i < 1000; i++) assert.notEqual(picker.sampleOther(rng, 80), 80);
});
