import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeSignals, encodeSignals } from './day-signals-codec.ts';
import type { FlowSignal } from '../core/options-flow/flow-signal.ts';
import { flowSignalArbitrary } from './flow-signal-arbitrary.ts';

test('property: any signals round-trip through the text exactly (deepStrictEqual compares numbers with Object.is: -0, NaN, ±Infinity, every double)', () => {
  fc.assert(fc.property(fc.array(flowSignalArbitrary, { maxLength: 8 }), (signals) => {
    assert.deepStrictEqual(decodeSignals(encodeSignals(signals)), signals);
  }), { numRuns: 500 });
});

test('a list whose numbers JSON can write is stored as JSON.stringify writes it; a -0 (or NaN, ±Infinity) switches to the tagged form', () => {
  fc.assert(fc.property(fc.array(flowSignalArbitrary, { maxLength: 4 }), (signals) => {
    const text = encodeSignals(signals);
    const special = JSON.stringify(signals, (_k, v: unknown) => (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? 'special' : v)) !== JSON.stringify(signals);
    assert.equal(text.startsWith('{"tagged":['), special);
    if (!special) assert.equal(text, JSON.stringify(signals));
  }), { numRuns: 200 });
  const [signal] = fc.sample(flowSignalArbitrary, { numRuns: 1, seed: 7 });
  const text = encodeSignals([{ ...(signal as FlowSignal), contractNetOiDelta: -0 }]);
  assert.match(text, /"contractNetOiDelta":\{"\$number":"-0"\}/);
  assert.ok(Object.is(decodeSignals(text)[0]?.contractNetOiDelta, -0));
});

test('text that is neither form is refused with what it starts with', () => {
  assert.throws(() => decodeSignals('"oops"'), /start with "\\"oops\\""; expected a JSON array/);
});
