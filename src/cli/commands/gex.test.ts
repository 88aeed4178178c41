import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { RowRejectedError } from '../../ingest/ingest-report.ts';
import { captureIo } from '../capture-io.ts';
import { UsageError } from '../command.ts';
import { gexCommand } from './gex.ts';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const SPX = (date: string) => join(DATA, 'lean-option-chains-oi/universes', `SPX_${date}.csv.gz`);
const SQUEEZE = join(DATA, 'squeezemetrics-dix-gex/DIX.csv');
const hasSpx = existsSync(SPX('2015-12-22')) && existsSync(SQUEEZE);

const HEADER = 'as_of,underlying,underlying_price,expiry,strike,right,open_interest,bid,ask,volume,iv';
function chainFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sm-gex-')), 'chain.csv');
  writeFileSync(file, `${[HEADER, ...lines].join('\n')}\n`);
  return file;
}

async function run(argv: string[]) {
  const io = captureIo();
  const code = await gexCommand.run(argv, io);
  return { code, body: JSON.parse(io.out()), err: io.err() };
}

// 876 hours before the 16:00 EDT expiry of 2024-03-15: T = 0.1 year exactly.
const TWO_STRIKES = [
  '2024-02-08T08:00:00Z,TEST,100,2024-03-15,100,C,1000,,,25,0.2',
  '2024-02-08T08:00:00Z,TEST,100,2024-03-15,95,P,2000,,,40,0.2',
];

test('gex: the 2-strike chain of the hand computation (S 100, σ 20 %, T 0.1, r = q = 0) prints call 630,467.82 and put −884,557.38 $ per 1 %', async () => {
  const { code, body, err } = await run(['TEST', '--chain', chainFile(TWO_STRIKES), '--rate', '0', '--dividend', '0']);
  assert.equal(code, 0);
  assert.deepEqual(Object.keys(body).slice(0, 9), [
    'symbol', 'underlying_price', 'underlying_price_source', 'underlying_price_reason', 'as_of', 'expiration',
    'gamma_flip', 'gamma_flip_reason', 'net_gex',
  ]);
  assert.equal(body.symbol, 'TEST');
  assert.equal(body.underlying_price, 100);
  assert.equal(body.as_of, '2024-02-08T08:00:00.000Z');
  assert.deepEqual(body.strikes, [
    { strike: 95, call_gex: 0, put_gex: -884557.38, net_gex: -884557.38, call_oi: 0, put_oi: 2000, call_volume: null, put_volume: 40 },
    { strike: 100, call_gex: 630467.82, put_gex: 0, net_gex: 630467.82, call_oi: 1000, put_oi: 0, call_volume: 25, put_volume: null },
  ]);
  assert.equal(body.net_gex, -254089.57);
  assert.equal(body.net_gex_label, 'negative_gamma');
  assert.match(err, /2 rows read, 2 accepted/);
  const flipped = await run(['TEST', '--chain', chainFile(TWO_STRIKES), '--rate', '0', '--dividend', '0', '--dealer-convention', 'short-calls-long-puts']);
  assert.equal(flipped.body.net_gex, 254089.57);
  assert.equal(flipped.body.net_gex_label, 'positive_gamma');
});

test('gex: bad input exits 2 with file, line and field (--strict); bad options and unknown symbols are usage errors', async () => {
  const bad = chainFile([...TWO_STRIKES, '2024-02-08T08:00:00Z,TEST,100,2024-03-15,-5,C,10,,,1,0.2']);
  await assert.rejects(gexCommand.run(['TEST', '--chain', bad, '--strict'], captureIo()), (e: unknown) => {
    assert.ok(e instanceof RowRejectedError);
    assert.match(e.message, /chain\.csv:4.*strike.*"-5"/);
    return true;
  });
  const lenient = captureIo();
  assert.equal(await gexCommand.run(['TEST', '--chain', bad], lenient), 0);
  assert.match(lenient.err(), /3 rows read, 2 accepted, 1 rejected/);
  const file = chainFile(TWO_STRIKES);
  await assert.rejects(gexCommand.run(['SPY', '--chain', file], captureIo()), /no chain rows for SPY .*symbols present: TEST/);
  await assert.rejects(gexCommand.run(['TEST', '--chain', file, '--rate', 'abc'], captureIo()), UsageError);
  await assert.rejects(gexCommand.run(['TEST', '--chain', file, '--expiration', '2024-13-01'], captureIo()), UsageError);
  await assert.rejects(gexCommand.run(['TEST', '--chain', file, '--expiration', '2024-03-22'], captureIo()), /expirations: 2024-03-15/);
  await assert.rejects(gexCommand.run(['TEST'], captureIo()), /missing --chain/);
});

/** GEX from LEAN's own per-contract gamma column (the vendor's greeks), same formula and spot: an outside check of ours. */
function vendorGex(file: string, spot: number): { calls: number; puts: number } {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').slice(1);
  let calls = 0, puts = 0;
  for (const line of lines) {
    const f = line.split(',');
    if (f[0] === '' || f[8] === '') continue; // the underlying row; contracts without OI
    const dollars = Number(f[11]) * Number(f[8]) * 100 * spot * spot * 0.01;
    if (f[2] === 'C') calls += dollars;
    else puts -= dollars;
  }
  return { calls, puts };
}

test('real data: SPX 2015-12-22/23 (LEAN, trimmed to 178/183 contracts): our net GEX sign equals the one from LEAN\'s own gammas; SqueezeMetrics\' published GEX is beside it', { skip: hasSpx ? false : 'needs ../shared/data' }, async (t) => {
  // LEAN's index-option files carry neither the index level nor quotes, so spot is given: the S&P 500 close
  // from the SqueezeMetrics file. r 0.25 % (3-month bill, Dec 2015), q 2.1 % (S&P 500 dividend yield, 2015).
  const squeeze = new Map(readFileSync(SQUEEZE, 'utf8').trim().split('\n').slice(1).map((l) => {
    const [date, price, , gex] = l.split(',');
    return [date as string, { price: Number(price), gex: Number(gex) }];
  }));
  for (const date of ['2015-12-22', '2015-12-23']) {
    const published = squeeze.get(date);
    assert.ok(published !== undefined);
    const { body } = await run(['SPX', '--chain', SPX(date), '--spot', String(published.price), '--rate', '0.0025', '--dividend', '0.021']);
    const calls = body.strikes.reduce((s: number, k: { call_gex: number }) => s + k.call_gex, 0);
    const puts = body.strikes.reduce((s: number, k: { put_gex: number }) => s + k.put_gex, 0);
    const vendor = vendorGex(SPX(date), published.price);
    assert.equal(Math.sign(body.net_gex), Math.sign(vendor.calls + vendor.puts), date);
    assert.ok(Math.abs(calls / vendor.calls - 1) < 0.2 && Math.abs(puts / vendor.puts - 1) < 0.2, `${date}: sides ${calls}, ${puts} vs ${vendor.calls}, ${vendor.puts}`);
    t.diagnostic(`${date}: ours ${body.net_gex_label} ${body.net_gex} (calls ${calls.toFixed(0)}, puts ${puts.toFixed(0)}); LEAN gammas ${(vendor.calls + vendor.puts).toFixed(0)}; SqueezeMetrics ${published.gex} (${published.gex > 0 ? 'positive' : 'negative'}); signs ${Math.sign(body.net_gex) === Math.sign(published.gex) ? 'agree' : 'differ'}`);
  }
});
