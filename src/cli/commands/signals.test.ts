import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../main.ts';
import { captureIo } from '../capture-io.ts';

const CBOE = fileURLToPath(new URL('../../../../shared/data/cboe-vix-option-trades-sample/UnderlyingOptionsTrades_2016-06-01.csv', import.meta.url));
const hasData = existsSync(CBOE);

const HEADER = 'ts,underlying,expiry,strike,right,price,size,bid,ask,exchange,condition,side';
function tapeFile(lines: string[], name = 'tape.csv'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sm-cli-'));
  const file = join(dir, name);
  writeFileSync(file, `${[HEADER, ...lines].join('\n')}\n`);
  return file;
}

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const GOOD = [
  '2024-01-10T10:00:00.000-05:00,SPY,2024-02-01,470,C,2.60,60,2.15,2.60,C,,',
  '2024-01-10T10:00:00.120-05:00,SPY,2024-02-01,470,C,2.60,60,2.15,2.60,X,,',
  '2024-01-10T10:05:00.000-05:00,SPY,2024-02-01,460,P,1.10,300,1.10,1.20,A,,sell',
];

test('signals: a hand-checked two-signal tape gives the seed 004 numbers, JSON on stdout and counts on stderr', async () => {
  const { code, out, err } = await run(['signals', 'SPY', '--trades', tapeFile(GOOD)]);
  assert.equal(code, 0, err);
  const body = JSON.parse(out);
  assert.equal(body.symbol, 'SPY');
  assert.equal(body.as_of, '2024-01-10T15:05:00.000Z', 'default --at = the last print');
  assert.equal(body.window_minutes, 240);
  assert.equal(body.count, 2);
  const sweep = body.signals.find((s: { structure: string }) => s.structure === 'sweep');
  // 120 contracts × $2.60 × 100 = $31,200; n = log10(31201)/log10(10000001) = 0.6421 → round(100·0.6421/5.6) = 11
  assert.equal(sweep.premium, 31200);
  assert.equal(sweep.score_breakdown.premium, 11);
  assert.equal(sweep.dte, 22);
  assert.equal(sweep.score_breakdown.tenor, 5); // 0.6 × 0.5111 / 5.6 × 100 = 5.48
  assert.equal(sweep.aggressor, 'at_ask');
  assert.match(err, /3 rows read, 3 accepted, 0 rejected/);
});

test('bad rows are reported with file, line, field and value; the run goes on; accepted + rejected = rows read', async () => {
  const file = tapeFile([
    ...GOOD,
    '2024-01-10T10:06:00-05:00,SPY,2024-02-01,470,C,NaN,10,2.15,2.60,C,,',
    '2024-01-10T10:07:00-05:00,SPY,2024-02-01,470,X,2.6,10,2.15,2.60,C,,',
    '2024-01-10T10:08:00-05:00,SPY,2024-02-01,470,C,2.6,0,2.15,2.60,C,,',
    'yesterday,SPY,2024-02-01,470,C,2.6,10,2.15,2.60,C,,',
    '2024-01-10T10:09:00-05:00,SPY,2024-02-01,470,C,-1,10,2.15,2.60,C,,',
    '2024-01-10T10:09:00-05:00,SPY,2024-02-01',
  ]);
  const { code, err } = await run(['signals', 'SPY', '--trades', file]);
  assert.equal(code, 0);
  assert.match(err, /9 rows read, 3 accepted, 6 rejected/);
  assert.match(err, new RegExp(`${file}:5: field price was "NaN"`));
  assert.match(err, new RegExp(`${file}:6: field right was "X"; expected C or P`));
  assert.match(err, new RegExp(`${file}:7: field size was "0"`));
  assert.match(err, new RegExp(`${file}:8: field ts was "yesterday"`));
  assert.match(err, new RegExp(`${file}:9: field price was "-1"`));
  assert.match(err, new RegExp(`${file}:10: field strike was ""|${file}:10: field .* missing`));
});

test('--strict stops at the first bad row with exit code 2 and names it', async () => {
  const file = tapeFile([GOOD[0] as string, '2024-01-10T10:06:00-05:00,SPY,2024-02-01,470,C,2.6,1.5,2.15,2.60,C,,']);
  const { code, err } = await run(['signals', 'SPY', '--strict', '--trades', file]);
  assert.equal(code, 2);
  assert.match(err, new RegExp(`${file}:3: field size was "1.5"`));
});

test('usage errors exit 2 with a message: bounds from the seed table, unknown symbol, missing file', async () => {
  const file = tapeFile(GOOD);
  assert.equal((await run(['signals', 'SPY', '--trades', file, '--window-minutes', '10081'])).code, 2);
  assert.equal((await run(['signals', 'SPY', '--trades', file, '--limit', '0'])).code, 2);
  const r = await run(['signals', 'QQQ', '--trades', file]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no prints for QQQ .*symbols present: SPY/);
  const m = await run(['signals', 'SPY', '--trades', '/nonexistent/tape.csv']);
  assert.equal(m.code, 2);
  assert.match(m.err, /no such file/);
  assert.equal((await run(['signals', '--help'])).code, 0);
});

test('summary: premium roll-up and tilt on the same inputs', async () => {
  const { code, out } = await run(['summary', 'SPY', '--trades', tapeFile(GOOD)]);
  assert.equal(code, 0);
  const body = JSON.parse(out);
  assert.equal(body.signal_count, 2);
  assert.equal(body.bullish_premium + body.bearish_premium >= 0, true);
  assert.equal(body.net_directional_premium, body.bullish_premium - body.bearish_premium);
  assert.equal(body.tilt, 'noise', 'under $250K net is noise (seed 003)');
  assert.equal(body.top_signals.length, 2);
});

test('real data: the Cboe DataShop VIX sample of 2016-06-01 (2,295 rows) runs end to end', { skip: hasData ? false : 'needs ../shared/data' }, async () => {
  const { code, out, err } = await run(['signals', 'VIX', '--trades', CBOE, '--window-minutes', '10080', '--limit', '500']);
  assert.equal(code, 0, err);
  const body = JSON.parse(out);
  assert.match(err, /2295 rows read/);
  assert.ok(body.count > 100, `count ${body.count}`);
  for (const s of body.signals) {
    assert.ok(s.size >= 100);
    assert.equal(Object.values(s.score_breakdown as Record<string, number>).reduce((a, b) => a + b, 0), s.score);
    assert.ok(s.ts >= '2016-06-01T13:30:00.000Z' && s.ts <= '2016-06-01T20:15:00.000Z');
  }
  const sizes = body.signals.reduce((a: number, s: { size: number }) => a + s.size, 0);
  assert.ok(sizes <= 306_679, 'signals never hold more contracts than the file');
});

const LEAN_GOOG = fileURLToPath(new URL('../../../../shared/data/lean-option-chains-oi/universes/GOOG_2015-12-23.csv.gz', import.meta.url));

test('real data: a LEAN end-of-day chain renamed YYYYMMDD with --chain-underlying gives next-session settled OI (GOOG 2016-01-15 C 750: 889)',
  { skip: existsSync(LEAN_GOOG) ? false : 'needs ../shared/data' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-lean-'));
    const chain = join(dir, '20151223.csv.gz');
    writeFileSync(chain, readFileSync(LEAN_GOOG));
    const trades = tapeFile(['2015-12-24T10:00:00-05:00,GOOG,2016-01-15,750,C,13.70,200,13.50,13.90,C,,buy']);
    const { code, out, err } = await run(['signals', 'GOOG', '--trades', trades, '--chain', chain, '--chain-underlying', 'goog']);
    assert.equal(code, 0, err);
    const s = JSON.parse(out).signals[0];
    assert.equal(s.settled_oi, 889);
    assert.equal(s.score_components.size_vs_oi, 200 / 889);
    const missing = await run(['signals', 'GOOG', '--trades', trades, '--chain', chain]);
    assert.equal(missing.code, 2, 'without the underlying the renamed file cannot be read');
    assert.match(missing.err, /20151223\.csv\.gz/);
  });

test('with a chain: seed 004 enrichment from our BSM greeks at the chain IV (checked against an independent textbook delta)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-enrich-'));
  const chain = join(dir, 'chain.csv');
  // Snapshot at the previous close; 2024-02-09 16:00 ET expiry; spot 470; IV 20 %; r 4 %, q 0 (chain defaults).
  writeFileSync(chain, [
    'as_of,underlying,underlying_price,expiry,strike,right,open_interest,bid,ask,volume,iv',
    '2024-01-09T16:00:00-05:00,SPY,470,2024-02-09,470,C,5000,,,,0.20',
    '2024-01-09T16:00:00-05:00,SPY,470,2024-02-09,470,P,4000,,,,0.22',
    '2024-01-09T16:00:00-05:00,SPY,470,2024-02-09,480,C,3000,,,,0.18',
  ].join('\n'));
  const trades = tapeFile(['2024-01-10T10:00:00-05:00,SPY,2024-02-09,480,C,3.00,300,2.90,3.00,C,,']);
  const { code, out, err } = await run(['signals', 'SPY', '--trades', trades, '--chain', chain]);
  assert.equal(code, 0, err);
  const body = JSON.parse(out);
  assert.equal(body.underlying_price, 470);
  const e = body.signals[0].enrichment;
  // Independent check: Hull's N(d1). The greeks are the settled snapshot's (seed 004), so T runs from the
  // snapshot (01-09 16:00 ET) to expiry (02-09 16:00 ET): 31 days exactly.
  const T = 31 / 365, S = 470, K = 480, r = 0.04, v = 0.18;
  const d1 = (Math.log(S / K) + (r + v * v / 2) * T) / (v * Math.sqrt(T));
  const N = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
  assert.ok(Math.abs(e.delta - N(d1)) < 1e-6, `delta ${e.delta} vs ${N(d1)}`);
  assert.equal(e.iv, 0.18);
  assert.ok(Math.abs(e.iv_vs_atm - (0.18 - 0.21)) < 1e-12, 'ATM IV = the 470 strike nearest spot, call and put averaged');
  assert.equal(e.moneyness, 'ATM', 'δ ≈ 0.378 is between 0.35 and 0.65');
  assert.ok(Math.abs(e.estimated_delta_notional - 300 * 100 * e.delta * S) < 0.01);
  assert.ok(Math.abs(e.hypothetical_gex_impact_if_opening - 300 * 100 * e.gamma * S * S * 0.01) < 0.01);
  assert.equal(body.signals[0].settled_oi, 3000);
});

/** Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7): an outside, textbook approximation for the check above. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
