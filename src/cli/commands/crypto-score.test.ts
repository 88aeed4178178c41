import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CryptoScoreBody } from '../../api/crypto-score-body.ts';
import { UsageError } from '../command.ts';
import { cryptoScoreCommand } from './crypto-score.ts';

const DATA = resolve(import.meta.dirname, '../../../../shared/data');
const skip = existsSync(DATA) ? false : 'no ../shared/data';

async function run(argv: string[]): Promise<{ code: number; body: CryptoScoreBody | null; err: string }> {
  let out = '', err = '';
  const io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; } } } as never;
  const code = await cryptoScoreCommand.run(argv, io);
  return { code, body: out === '' ? null : JSON.parse(out) as CryptoScoreBody, err };
}

const count = <T>(xs: readonly T[], key: (x: T) => string) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[key(x)] = (m[key(x)] ?? 0) + 1;
  return m;
};

test('usage errors: no asset, no --funding, bad --weights (negative, four numbers, all zero), --from after --to', async () => {
  await assert.rejects(run([]), (e: Error) => e instanceof UsageError && /missing ASSET/.test(e.message));
  await assert.rejects(run(['BTC']), /--funding FILE is required/);
  await assert.rejects(run(['BTC', '--funding', 'x.csv', '--weights', '35,-30,15,10,10']), /--weights was "35,-30,15,10,10"; weight of stablecoin was -30/);
  await assert.rejects(run(['BTC', '--funding', 'x.csv', '--weights', '1,1,1,1']), /4 weights given; expected 5/);
  await assert.rejects(run(['BTC', '--funding', 'x.csv', '--weights', '0,0,0,0,0']), /every weight was 0/);
  await assert.rejects(run(['BTC', '--funding', 'x.csv', '--from', '2024-02-01', '--to', '2024-01-01']), /--from 2024-02-01 is after --to/);
  let help = '';
  assert.equal(await cryptoScoreCommand.run(['--help'], { stdout: { write: (x: string) => { help += x; return true; } }, stderr: { write: () => true } } as never), 0);
  assert.match(help, /^Usage: smartmoney crypto-score ASSET --funding FILE/);
});

const d = (p: string) => join(DATA, p);
const multiExchange = () => readdirSync(d('crypto-funding-rates/multi-exchange-2020-2023')).filter((f) => f.startsWith('BTC-USDT_'))
  .flatMap((f) => ['--funding', d(`crypto-funding-rates/multi-exchange-2020-2023/${f}`)]);

test('real data, BTC 2019-04-06 → 2026-02-12 with every pillar the files support (methodology numbers)', { skip }, async () => {
  const r = await run(['BTC', '--funding', d('crypto-funding-rates/binance_btcusdt_funding_daily_mean_2019-2026.csv'), ...multiExchange(),
    '--stablecoin', d('cryptoquant-btc-exchange-flows-2012-2024/exchange_stablecoin_ratio.csv'),
    '--open-interest', d('cryptoquant-btc-exchange-flows-2012-2024/open_interest.csv'),
    '--price', d('cryptoquant-btc-exchange-flows-2012-2024/BTC_price.csv'),
    '--fear-greed', d('crypto-fear-greed-alternative-me/fear_greed_lukmol_2018-2026.csv')]);
  assert.equal(r.code, 0);
  const b = r.body as CryptoScoreBody;
  assert.match(r.err, /rows 53199, rejected 0, excluded 0/);
  assert.equal(b.history.length, 2505);
  assert.deepEqual([b.history[0]?.ts, b.as_of], ['2019-04-06T00:00:00.000Z', '2026-02-12T00:00:00.000Z']);
  assert.deepEqual(count(b.history, (h) => h.band), { neutral: 1716, bullish: 319, bearish: 260, very_bullish: 193, very_bearish: 17 });
  assert.deepEqual(count(b.alerts, (a) => `${a.kind} ${a.direction}`), {
    'divergence smart_money_more_bullish': 135, 'divergence smart_money_more_bearish': 88, 'rapid_change down': 58, 'rapid_change up': 53,
  });
  // Where funding, the exchange stablecoin ratio and OI with price are all present (2022-03-02 → 2024-11-20).
  const full = b.history.filter((h) => h.pillars.funding !== null && h.pillars.stablecoin !== null && h.pillars.open_interest !== null);
  assert.deepEqual([full.length, full[0]?.ts, full.at(-1)?.ts], [995, '2022-03-02T00:00:00.000Z', '2024-11-20T00:00:00.000Z']);
  assert.deepEqual(count(full, (h) => h.band), { neutral: 712, bearish: 128, bullish: 127, very_bullish: 24, very_bearish: 4 });
  const alert = (day: string) => b.alerts.find((a) => a.ts.startsWith(day) && a.kind === 'rapid_change');
  assert.deepEqual(alert('2022-11-09'), { ts: '2022-11-09T00:00:00.000Z', kind: 'rapid_change', score: 21.3, change: -22.8, direction: 'down', from_ts: '2022-11-08T00:00:00.000Z', from_score: 44.1 });
  assert.deepEqual(alert('2024-11-06'), { ts: '2024-11-06T00:00:00.000Z', kind: 'rapid_change', score: 70.6, change: 17.8, direction: 'up', from_ts: '2024-11-05T00:00:00.000Z', from_score: 52.8 });
  assert.deepEqual(b.alerts.find((a) => a.ts.startsWith('2024-10-23')), { ts: '2024-10-23T00:00:00.000Z', kind: 'divergence', score: 43.6, fear_greed: 71, difference: -27.4, direction: 'smart_money_more_bearish' });
  // After 2024-11-20 only funding remains: re-weighted, coverage 0.35, never a zero for the missing pillars.
  assert.deepEqual([b.coverage, b.pillars_missing], [0.35, ['stablecoin', 'open_interest', 'volume', 'long_short']]);
});

test('real data, SOL on OKX 2026-05-31 → 06-26, hourly: funding, OI with price, long/short (no spot volume, no F&G in that window)', { skip }, async () => {
  const o = (f: string) => d(`okx-sol-perp-positioning/${f}`);
  const r = await run(['SOL', '--funding', o('funding_rate.csv'), '--open-interest', o('open_interest.csv'), '--price', o('ohlcv_1h.csv'),
    '--long-short', o('long_short_ratio.csv'), '--volume', o('taker_volume.csv'),
    '--fear-greed', d('crypto-fear-greed-alternative-me/fear_greed_lukmol_2018-2026.csv')]);
  const b = r.body as CryptoScoreBody;
  assert.equal(b.history.length, 625);
  assert.deepEqual([b.history[0]?.ts, b.as_of], ['2026-05-31T15:00:00.000Z', '2026-06-26T15:00:00.000Z']);
  assert.deepEqual(count(b.history, (h) => h.band), { bearish: 306, neutral: 254, very_bearish: 65 });
  assert.equal(b.history.filter((h) => h.pillars.open_interest !== null).length, 457);
  assert.equal(b.history.filter((h) => h.pillars.volume !== null).length, 0);
  // First hour: OKX long/short ratio 3.44 (77.5 % of accounts long) → 20.06, reported 20.1: the long/short pillar, contrarian very bearish.
  assert.equal(b.history[0]?.pillars.long_short, 20.1);
  assert.deepEqual(count(b.alerts, (a) => `${a.kind} ${a.direction}`), { 'rapid_change up': 4, 'rapid_change down': 4 });
  assert.deepEqual(b.alerts[1], { ts: '2026-06-03T00:00:00.000Z', kind: 'rapid_change', score: 22.8, change: -20.6, direction: 'down', from_ts: '2026-06-02T02:00:00.000Z', from_score: 43.4 });
  assert.equal(b.fear_greed, null);
});
