import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { levelsBody } from '../../api/exposure-bodies.ts';
import { analyzeChain } from '../../core/gamma-exposure/chain-analysis.ts';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from '../../core/gamma-exposure/chain-analytics-settings.ts';
import { readAllChains } from '../../ingest/chain-sources.ts';
import { IngestReport } from '../../ingest/ingest-report.ts';
import { captureIo } from '../capture-io.ts';
import { levelsCommand } from './levels.ts';

const YAHOO = fileURLToPath(new URL('../../../../shared/data/yahoo-option-chains-10-tickers/', import.meta.url));
const hasYahoo = existsSync(YAHOO);

/**
 * An outside bracket for the spot, independent of our estimator and of our parser: from the raw Yahoo file, the
 * `count` most-traded calls and puts among the contracts that traded within 4 days before the snapshot (a holiday
 * and a weekend; the stale rows of adjusted pre-split contracts last traded weeks earlier). An American call is worth at least S − K (exercise now),
 * so S ≤ K + C_ask; a put at least K − S, so S ≥ K − P_ask.
 */
function noArbitrageBracket(file: string, count: number): { low: number; high: number } {
  const until = Date.parse(`${basename(file).slice(0, 10)}T23:59:59Z`);
  const [header, ...lines] = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
  const col = new Map((header as string).split(',').map((name, i) => [name, i]));
  const at = (f: string[], name: string) => f[col.get(name) as number] as string;
  const fresh = lines.map((l) => l.split(',')).filter((f) => until - Date.parse(at(f, 'lastTradeDate').replace(' ', 'T')) < 4 * 86_400_000 && Number(at(f, 'bid')) > 0)
    .sort((a, b) => Number(at(b, 'volume')) - Number(at(a, 'volume')));
  const bound = (type: string, sign: number) => fresh.filter((f) => at(f, 'type') === type).slice(0, count)
    .map((f) => Number(at(f, 'strike')) + sign * Number(at(f, 'ask')));
  return { high: Math.min(...bound('call', 1)), low: Math.max(...bound('put', -1)) };
}

test('real data: levels for every Yahoo chain (10 tickers × 10 days) without an error, with a parity spot inside the no-arbitrage bracket of the day\'s most-traded contracts', { skip: hasYahoo ? false : 'needs ../shared/data' }, async (t) => {
  const files = readdirSync(YAHOO).filter((f) => /^\d{4}-\d{2}-\d{2}_[A-Z]+\.csv\.gz$/.test(f)).sort();
  assert.equal(files.length, 100);
  let worst = 0;
  let worstFile = '';
  let outsideCount = 0;
  for (const f of files) {
    const symbol = f.slice(11, -7);
    const rows = await readAllChains([join(YAHOO, f)], { report: new IngestReport(), strict: false });
    const a = analyzeChain(rows, { symbol, at: null, expiration: null, minOi: 0, spot: null }, DEFAULT_CHAIN_ANALYTICS_SETTINGS);
    assert.ok(a !== null, f);
    const body = levelsBody(a);
    assert.equal(body.underlying_price_source, 'implied', f);
    const spot = body.underlying_price as number;
    const { low, high } = noArbitrageBracket(join(YAHOO, f), 20);
    assert.ok(high - low < 0.05 * spot, `${f}: bracket ${low}–${high} too wide to judge`);
    // within 1 % of the bracket: the sparse half-day PLTR 2025-11-28 file has only in-the-money-put pairs (−0.75 %)
    assert.ok(spot >= low * 0.99 && spot <= high * 1.01, `${f}: implied spot ${spot} outside ${low}–${high}`);
    const outside = Math.max(0, low - spot, spot - high) / spot;
    if (outside > 0) outsideCount++;
    if (outside > worst) { worst = outside; worstFile = f; }
    for (const k of ['call_wall', 'put_wall', 'highest_oi_strike', 'max_pain'] as const) assert.equal(typeof body.levels[k], 'number', `${f} ${k}`);
    assert.equal(body.wall_basis, 'gex', f);
    assert.ok(body.levels.gamma_flip !== null || body.level_reasons.gamma_flip === 'no_crossing_in_range', f);
    assert.ok(body.levels.zero_dte_magnet !== null || body.level_reasons.zero_dte_magnet === 'no_0dte_expiry', f);
  }
  t.diagnostic(`largest distance of an implied spot outside its bracket: ${(worst * 100).toFixed(2)} % (${worstFile}); ${outsideCount} of 100 outside`);
});

test('levels command: prints the issue\'s body for a canonical chain file; an unknown symbol is a usage error naming the symbols present', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-levels-'));
  const file = join(dir, 'chain.csv');
  writeFileSync(file, [
    'as_of,underlying,underlying_price,expiry,strike,right,open_interest,bid,ask,volume,iv',
    '2024-01-10T16:00:00-05:00,SPY,471,2024-01-19,460,P,9000,,,100,0.16',
    '2024-01-10T16:00:00-05:00,SPY,471,2024-01-19,470,C,4000,,,100,0.12',
    '2024-01-10T16:00:00-05:00,SPY,471,2024-01-19,480,C,8000,,,100,0.11',
  ].join('\n'));
  const io = captureIo();
  assert.equal(await levelsCommand.run(['SPY', '--chain', file], io), 0);
  const body = JSON.parse(io.out());
  assert.deepEqual(Object.keys(body).slice(0, 7), ['symbol', 'underlying_price', 'underlying_price_source', 'underlying_price_reason', 'as_of', 'expiration', 'levels']);
  assert.deepEqual(Object.keys(body.levels), ['gamma_flip', 'max_positive_gamma', 'max_negative_gamma', 'call_wall', 'put_wall', 'highest_oi_strike', 'zero_dte_magnet', 'max_pain']);
  assert.equal(body.underlying_price, 471);
  assert.equal(body.as_of, '2024-01-10T21:00:00.000Z');
  assert.equal(body.levels.highest_oi_strike, 460);
  assert.match(io.err(), /3 rows read, 3 accepted, 0 rejected/);
  await assert.rejects(levelsCommand.run(['QQQ', '--chain', file], captureIo()), /no chain rows for QQQ .*symbols present: SPY/);
});
