import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PricePerShare } from '../units.ts';
import { isImplausibleQuote } from './quote-plausibility.ts';

const M = { rate: 0.04, dividendYield: 0 };
const q = (strike: number, right: 'C' | 'P', bid: number | null, ask: number | null) => ({
  strike, right, bid: bid as PricePerShare | null, ask: ask as PricePerShare | null,
});

test('implausible quotes: the stale pre-split NVDA rows of the Yahoo 2025-11-24 file (spot 182.14) are caught', () => {
  // NVDA251219C00345000 893.2/901.7 (a call worth more than the stock), NVDA251219P00435000 8.85/9.7 (a put
  // 253 in the money quoted at 9), NVDA251219C01500000 218.35/221.75: last traded May–June 2024, before the 10:1 split.
  const t = 0.0685;
  assert.ok(isImplausibleQuote(q(345, 'C', 893.2, 901.7), 182.14, t, M, 0.1));
  assert.ok(isImplausibleQuote(q(435, 'P', 8.85, 9.7), 182.14, t, M, 0.1));
  assert.ok(isImplausibleQuote(q(1500, 'C', 218.35, 221.75), 182.14, t, M, 0.1));
});

test('plausible quotes pass: at the money, deep in the money slightly under European intrinsic, one-sided, no quote', () => {
  const t = 0.0685;
  assert.ok(!isImplausibleQuote(q(182.5, 'C', 3.2, 3.25), 182.14, t, M, 0.1));
  assert.ok(!isImplausibleQuote(q(0.5, 'C', 180.9, 181.95), 182.14, t, M, 0.1)); // NVDA 0.5 C, real
  assert.ok(!isImplausibleQuote(q(190, 'P', 0, 8.45), 182.14, t, M, 0.1));
  assert.ok(!isImplausibleQuote(q(190, 'P', null, null), 182.14, t, M, 0.1));
});
