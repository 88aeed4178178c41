import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Prng, splitmix64 } from './prng.ts';

// Expected values printed by the reference C code of prng.di.unimi.it (splitmix64.c, xoshiro128starstar.c),
// compiled with gcc -O2 on x86-64.
test('splitmix64 matches the reference C output (seed 0 and seed 1234567)', () => {
  const a = splitmix64(0n);
  assert.deepEqual([a(), a(), a()], [0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn]);
  const b = splitmix64(1234567n);
  assert.deepEqual([b(), b(), b()], [0x599ed017fb08fc85n, 0x2c73f08458540fa5n, 0x883ebce5a3f27c77n]);
});

test('xoshiro128** matches the reference C output from state (1, 2, 3, 4)', () => {
  const g = Prng.fromState(1, 2, 3, 4);
  assert.deepEqual(
    Array.from({ length: 6 }, () => g.nextUint32()),
    [11520, 0, 5927040, 70819200, 2031721883, 1637235492],
  );
});

test('fromSeed(42) equals the reference C code seeded by two splitmix64(42) words split low/high', () => {
  const g = Prng.fromSeed(42);
  assert.deepEqual(Array.from({ length: 4 }, () => g.nextUint32()), [1776835114, 4165204688, 17111135, 2317295270]);
});

test('streams of one seed are unrelated and each is reproducible', () => {
  const first = (stream: number) => Array.from({ length: 8 }, ((g) => () => g.nextUint32())(Prng.fromSeed(7, stream)));
  assert.deepEqual(first(3), first(3));
  assert.notDeepEqual(first(3), first(4));
  assert.notDeepEqual(first(0), first(1));
});

test('fromSeed rejects negative and ≥ 2^64 seeds, quoting the value', () => {
  assert.throws(() => Prng.fromSeed(-1), /seed was -1/);
  assert.throws(() => Prng.fromSeed(1n << 64n), /seed was 18446744073709551616/);
});

test('int(lo, hi) stays inside its inclusive bounds (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }),
    (seed, lo, width) => {
      const g = Prng.fromSeed(seed);
      for (let i = 0; i < 50; i++) {
        const v = g.int(lo, lo + width);
        if (v < lo || v > lo + width || !Number.isInteger(v)) return false;
      }
      return true;
    }));
});

test('uniform and normal moments match their textbook values within sampling error (n = 200,000)', () => {
  const g = Prng.fromSeed(2024);
  const n = 200_000;
  let su = 0, sn = 0, sn2 = 0;
  for (let i = 0; i < n; i++) {
    su += g.next();
    const z = g.normal();
    sn += z;
    sn2 += z * z;
  }
  // Standard errors: uniform mean 0.289/√n ≈ 0.00065; normal mean 1/√n ≈ 0.0022; variance √(2/n) ≈ 0.0032.
  assert.ok(Math.abs(su / n - 0.5) < 0.003, `uniform mean ${su / n}`);
  assert.ok(Math.abs(sn / n) < 0.01, `normal mean ${sn / n}`);
  assert.ok(Math.abs(sn2 / n - 1) < 0.015, `normal variance ${sn2 / n}`);
});
