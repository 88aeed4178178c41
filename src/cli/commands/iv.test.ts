import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureIo } from '../capture-io.ts';
import { UsageError } from '../command.ts';
import { ivCommand } from './iv.ts';

interface Body { inputs: Record<string, unknown>; implied_volatility: number | null; implied_volatility_pct: number | null; reason?: string; message?: string }

async function iv(argv: string[]): Promise<Body> {
  const io = captureIo();
  assert.equal(await ivCommand.run(argv, io), 0);
  return JSON.parse(io.out()) as Body;
}

test('iv on FlashAlpha\'s documented example (price 12.69) prints implied_volatility 0.180042', async () => {
  const body = await iv(['--spot', '580', '--strike', '580', '--dte', '30', '--price', '12.69', '--type', 'call']);
  assert.deepEqual(body.inputs, { spot: 580, strike: 580, dte: 30, price: 12.69, type: 'call', risk_free_rate: 0.045, dividend_yield: 0.013 });
  assert.equal(Math.round((body.implied_volatility as number) * 1e6) / 1e6, 0.180042);
});

test('iv of Hull Example 15.6\'s call (S 42, K 40, r 10 %, T 0.5 y, price 4.76) is 20 % to the quote\'s rounding', async () => {
  const body = await iv(['--spot', '42', '--strike', '40', '--dte', '182.5', '--price', '4.76', '--type', 'call', '--rate', '0.1', '--dividend', '0']);
  assert.ok(Math.abs((body.implied_volatility as number) - 0.2) < 5e-4, String(body.implied_volatility));
});

test('iv outside the no-arbitrage bounds or at expiry: implied_volatility null with the reason, exit 0', async () => {
  const below = await iv(['--spot', '580', '--strike', '500', '--dte', '30', '--price', '12.69', '--type', 'call']);
  assert.equal(below.implied_volatility, null);
  assert.equal(below.reason, 'below_intrinsic');
  assert.match(below.message as string, /below the discounted intrinsic value/);
  assert.equal((await iv(['--spot', '100', '--strike', '100', '--dte', '30', '--price', '101', '--type', 'call'])).reason, 'above_max_price');
  assert.equal((await iv(['--spot', '100', '--strike', '100', '--dte', '0', '--price', '1', '--type', 'put'])).reason, 'expired');
});

test('iv: a bad or missing value is a usage error naming the option and quoting the value', async () => {
  const base = ['--spot', '580', '--strike', '580', '--dte', '30', '--type', 'call'];
  await assert.rejects(ivCommand.run([...base, '--price=-1'], captureIo()), (e: unknown) => e instanceof UsageError && /--price was "-1"/.test(e.message));
  await assert.rejects(ivCommand.run([...base, '--price', '1e'], captureIo()), /--price was "1e"/);
  await assert.rejects(ivCommand.run(base, captureIo()), /--price is required/);
  await assert.rejects(ivCommand.run([...base, '--price', '1', '--sigma', '0.2'], captureIo()), UsageError);
});
