import type { FlowSignal } from '../core/options-flow/flow-signal.ts';

/**
 * Day signals as text for a store's column, losslessly: decodeSignals(encodeSignals(x)) is deep-equal to x,
 * every number the same double (docs/store.md "Day signals").
 *
 * JSON writes a finite double as the shortest decimal that parses back to the same double, so finite numbers
 * round-trip as they are. JSON has no -0, NaN or ±Infinity: when a list holds one of those, each is written as
 * `{"$number":"-0"}` (the text Number() reads back) and the list is wrapped as `{"tagged":[…]}`, which the decoder
 * reads with a reviver. Lists without them (the usual case) stay plain JSON arrays and parse without a reviver,
 * which is ~2× faster.
 */
export function encodeSignals(signals: readonly FlowSignal[]): string {
  let tagged = false;
  const plain = JSON.stringify(signals, (_key, value: unknown) => {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) tagged = true;
    return value;
  });
  if (!tagged) return plain;
  return JSON.stringify({ tagged: signals }, (_key, value: unknown) => (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))
    ? { $number: Object.is(value, -0) ? '-0' : String(value) } : value));
}

/** The signals of encodeSignals' text. A text that is neither form is an Error naming what it starts with. */
export function decodeSignals(text: string): FlowSignal[] {
  if (text.startsWith('[')) return JSON.parse(text) as FlowSignal[];
  if (!text.startsWith('{"tagged":')) throw new Error(`stored day signals start with ${JSON.stringify(text.slice(0, 20))}; expected a JSON array or {"tagged":…}`);
  return (JSON.parse(text, (_key, value: unknown) => (isTaggedNumber(value) ? Number(value.$number) : value)) as { tagged: FlowSignal[] }).tagged;
}

function isTaggedNumber(value: unknown): value is { $number: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$number' && typeof (value as { $number: unknown }).$number === 'string';
}
