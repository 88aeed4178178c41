import fc from 'fast-check';
import type { AggressorLabel } from '../core/options-flow/aggressor.ts';
import type { OpenCloseBias, ScoreComponents, Structure } from '../core/options-flow/flow-score.ts';
import { COMPONENTS } from '../core/options-flow/flow-settings.ts';
import type { FlowSignal, Tag } from '../core/options-flow/flow-signal.ts';
import type { Conviction, Intent } from '../core/options-flow/intent.ts';
import type { Right, Side } from '../core/options-flow/option-trade.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';

/**
 * Any double, with the ones JSON cannot write as they are weighted in: -0, NaN, ±Infinity, the smallest
 * subnormal, the largest finite, 2^53 + 2, and values whose shortest decimal is long (0.1 + 0.2).
 */
export const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(-0, 0, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2, 0.1 + 0.2, 1 / 3),
);

const components: fc.Arbitrary<ScoreComponents> = fc.tuple(...COMPONENTS.map(() => anyDouble))
  .map((xs) => Object.fromEntries(COMPONENTS.map((c, i) => [c, xs[i] as number])) as ScoreComponents);

/** A FlowSignal of the core's shape with any values (for round trips through a store: no field is undefined). */
export const flowSignalArbitrary: fc.Arbitrary<FlowSignal> = fc.record({
  ts: anyDouble.map((x) => x as EpochMs),
  firstTs: anyDouble.map((x) => x as EpochMs),
  underlying: fc.string(),
  contract: fc.string(),
  expiry: fc.string().map((x) => x as IsoDate),
  strike: anyDouble,
  right: fc.constantFrom<Right>('C', 'P'),
  side: fc.constantFrom<Side>('buy', 'sell', 'mid'),
  price: anyDouble,
  size: anyDouble,
  printCount: anyDouble,
  exchanges: fc.array(fc.string(), { maxLength: 3 }),
  premium: anyDouble,
  dte: anyDouble,
  structure: fc.constantFrom<Structure>('sweep', 'block', 'single'),
  aggressor: fc.constantFrom<AggressorLabel>('above_ask', 'at_ask', 'mid', 'at_bid', 'below_bid'),
  bid: anyDouble,
  ask: anyDouble,
  crossedOrLocked: fc.boolean(),
  openCloseBias: fc.constantFrom<OpenCloseBias>('opening', 'closing', 'unknown'),
  openCloseConfidence: anyDouble,
  contractNetOiDelta: anyDouble,
  settledOi: fc.option(anyDouble, { nil: null }),
  intent: fc.constantFrom<Intent>('bullish', 'bearish', 'neutral'),
  score: anyDouble,
  conviction: fc.constantFrom<Conviction>('high', 'medium', 'low', 'minimal'),
  breakdown: components,
  components,
  tags: fc.uniqueArray(fc.constantFrom<Tag>('sweep', 'block', 'opening', 'closing', '0dte', 'whale'), { maxLength: 6 }),
}).map((s) => ({ ...s })); // fc.record builds null-prototype objects; signals are plain ones.
