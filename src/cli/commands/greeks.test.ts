import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureIo } from '../capture-io.ts';
import { UsageError } from '../command.ts';
import { greeksCommand } from './greeks.ts';

const FLASHALPHA_EXAMPLE = ['--spot', '580', '--strike', '580', '--dte', '30', '--sigma', '0.18', '--type', 'call'];

test('greeks on FlashAlpha\'s documented example prints their body: price 12.687211, delta 0.53003, theta −0.223599/day', async () => {
  const io = captureIo();
  assert.equal(await greeksCommand.run(FLASHALPHA_EXAMPLE, io), 0);
  const body = JSON.parse(io.out()) as { inputs: Record<string, unknown>; theoretical_price: number; first_order: Record<string, number> };
  assert.deepEqual(Object.keys(body), ['inputs', 'theoretical_price', 'first_order', 'second_order', 'third_order', 'additional']);
  assert.deepEqual(body.inputs, { spot: 580, strike: 580, dte: 30, sigma: 0.18, type: 'call', risk_free_rate: 0.045, dividend_yield: 0.013 });
  assert.equal(Math.round(body.theoretical_price * 1e6) / 1e6, 12.687211);
  assert.equal(Math.round((body.first_order.delta as number) * 1e6) / 1e6, 0.53003);
  assert.equal(Math.round((body.first_order.theta as number) * 1e6) / 1e6, -0.223599);
});

test('greeks --rate and --dividend override the defaults and are echoed; a put has negative delta', async () => {
  const io = captureIo();
  await greeksCommand.run(['--spot', '49', '--strike', '50', '--dte', '140.379', '--sigma', '0.2', '--type', 'PUT', '--rate', '0.05', '--dividend', '0'], io);
  const body = JSON.parse(io.out()) as { inputs: Record<string, unknown>; first_order: { delta: number } };
  assert.equal(body.inputs.risk_free_rate, 0.05);
  assert.equal(body.inputs.dividend_yield, 0);
  assert.equal(body.inputs.type, 'put');
  // Hull ch. 19: the call's delta is 0.522 at S 49, K 50, r 5 %, σ 20 %, T 0.3846 y; the put's is 0.522 − 1.
  assert.equal(Math.round(body.first_order.delta * 1000) / 1000, -0.478);
});

test('greeks: a bad or missing value is a usage error (exit 2) naming the option and quoting the value', async () => {
  const bad: [string[], RegExp][] = [
    [['--spot', 'abc'], /--spot was "abc"/],
    [['--sigma', '18'], /--sigma was "18"; expected the volatility as an annualised fraction/],
    [['--dte', '0'], /--dte was "0"/],
    [['--type', 'straddle'], /--type was "straddle"; expected call or put/],
    [['--rate', '4.5'], /--rate was "4.5"/],
    [['--dividend', ''], /--dividend was ""/],
  ];
  for (const [override, message] of bad) {
    const argv = [...FLASHALPHA_EXAMPLE];
    const at = argv.indexOf(override[0] as string);
    if (at >= 0) argv[at + 1] = override[1] as string;
    else argv.push(...override);
    await assert.rejects(greeksCommand.run(argv, captureIo()), (e: unknown) => e instanceof UsageError && message.test(e.message), override.join(' '));
  }
  await assert.rejects(greeksCommand.run(['--spot', '580', '--strike', '580', '--dte', '30', '--type', 'call'], captureIo()), /--sigma is required/);
  await assert.rejects(greeksCommand.run([...FLASHALPHA_EXAMPLE, 'extra'], captureIo()), /unexpected argument "extra"/);
  await assert.rejects(greeksCommand.run([...FLASHALPHA_EXAMPLE, '--price', '1'], captureIo()), UsageError);
});
