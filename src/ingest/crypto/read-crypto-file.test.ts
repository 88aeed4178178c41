import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { IngestReport, InputFormatError, RowRejectedError } from '../ingest-report.ts';
import { assetInFileName, readCryptoFile } from './read-crypto-file.ts';

const DATA = resolve(import.meta.dirname, '../../../../shared/data');
const dir = mkdtempSync(join(tmpdir(), 'sm-crypto-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const opts = (asset = 'BTC', strict = false) => ({ report: new IngestReport(), strict, asset });

test('canonical funding: rate per interval_hours → per 8 h, venue and weight kept, other assets excluded, bad fields rejected with file, line and field', async () => {
  const f = write('funding.csv', 'ts,asset,venue,funding_rate,interval_hours,weight\n'
    + '2024-01-01T00:00:00Z,BTC,dydx,0.00001,1,5e9\n2024-01-01,BTC,binance,0.0001,,\n2024-01-01,ETH,binance,0.0001,8,\n'
    + '2024-01-02T00:00:00Z,BTC,binance,abc,8,\n2024-01-02T00:00:00,BTC,binance,0.0001,8,\n');
  const o = opts();
  const r = await readCryptoFile(f, 'funding', o);
  assert.equal(r.format, 'canonical');
  assert.deepEqual(r.series.funding?.map((x) => [x.venue, x.value, x.weight]), [['dydx', 0.00008, 5e9], ['binance', 0.0001, null]]);
  assert.deepEqual([o.report.accepted, o.report.rejected, o.report.excluded], [2, 2, 1]);
  assert.deepEqual(o.report.rejections.map((x) => [x.line, x.field]), [[5, 'funding_rate'], [6, 'ts']]);
  await assert.rejects(readCryptoFile(f, 'funding', opts('BTC', true)), (e: Error) => e instanceof RowRejectedError && /funding\.csv:5: field funding_rate was "abc"/.test(e.message));
});

test('format errors name the file: unknown header, a family the layout lacks, ETF flows, a file naming another asset', async () => {
  await assert.rejects(readCryptoFile(write('x.csv', 'a,b\n1,2\n'), 'funding', opts()), (e: Error) => e instanceof InputFormatError && /x\.csv: line 1: not a crypto format/.test(e.message));
  await assert.rejects(readCryptoFile(write('ls.csv', 'ts,ratio,dt\n1780239600000,3.44,x\n'), 'funding', opts()), /okx-long-short .* not funding/);
  await assert.rejects(readCryptoFile(write('etf.csv', 'date,btc_etf_net_flow_usd_mn,eth_etf_net_flow_usd_mn\n'), 'stablecoin', opts()), /no ETF pillar/);
  await assert.rejects(readCryptoFile(write('binance_spot_ETHUSDT_1d.csv', 'timestamp,open,high,low,close,volume\n2024-01-01,1,1,1,1,1\n'), 'price', opts()), /names ETH; asked for BTC/);
  await assert.rejects(readCryptoFile(write('empty.csv', ''), 'price', opts()), /empty file/);
  assert.equal(assetInFileName('coingecko_btc-usd-max.csv'), 'BTC');
  assert.equal(assetInFileName('BTC-USDT_dydx_2022-01-01_2024-01-01_funding_history.csv.gz'), 'BTC');
  assert.equal(assetInFileName('yahoo_BTC-USD_close_volume_2015-2026.csv'), 'BTC');
});

test('Fear & Greed out of 0–100 and CryptoQuant blank days: rejected vs excluded, counted', async () => {
  const o = opts();
  const r = await readCryptoFile(write('fg.csv', 'date,fng\n2024-01-01,30\n2024-01-02,101\n'), 'fear_greed', o);
  assert.equal(r.series.fear_greed?.length, 1);
  assert.equal(o.report.rejections[0]?.reason, 'expected a Fear & Greed value from 0 to 100');
  const q = opts();
  const cq = await readCryptoFile(write('funding_fee.csv', '\ufeffDate,Data\n2024.1.2,0.0134\n2024.1.3,\n2024.13.1,1\n'), 'funding', q);
  assert.deepEqual(cq.series.funding?.map((x) => [new Date(x.ts).toISOString().slice(0, 10), x.value]), [['2024-01-02', 0.000134]]);
  assert.deepEqual([q.report.accepted, q.report.excluded, q.report.rejected], [1, 1, 1]);
});

const real = (p: string) => join(DATA, p);
const skip = existsSync(DATA) ? false : 'no ../shared/data';

test('real file, SOURCE.md check: supervik Binance 2020-01-01 03:00 (UTC+3) row is 2020-01-01T00:00Z −0.00012359; dYdX hourly ×8', { skip }, async () => {
  const b = await readCryptoFile(real('crypto-funding-rates/multi-exchange-2020-2023/BTC-USDT_binance_2020-01-01_2024-01-01_funding_history.csv.gz'), 'funding', opts());
  assert.equal(b.fundingIntervalHours, 8);
  assert.deepEqual([new Date(b.series.funding?.[0]?.ts as number).toISOString(), b.series.funding?.[0]?.value, b.series.funding?.length], ['2020-01-01T00:00:00.000Z', -0.00012359, 4383]);
  const d = await readCryptoFile(real('crypto-funding-rates/multi-exchange-2020-2023/BTC-USDT_dydx_2022-01-01_2024-01-01_funding_history.csv.gz'), 'funding', opts());
  assert.equal(d.fundingIntervalHours, 1);
  assert.ok(Math.abs((d.series.funding?.[0]?.value as number) - 0.0000058615 * 8) < 1e-15);
  assert.equal(d.series.funding?.[0]?.venue, 'dydx');
});

test('real files: row counts of SOURCE.md (OKX 625 hourly, 78 funding; CryptoQuant ratio 1,000; F&G 2,931; funding_fee 2 blanks)', { skip }, async () => {
  const count = async (p: string, fam: Parameters<typeof readCryptoFile>[1], asset = 'BTC') => {
    const o = opts(asset);
    const r = await readCryptoFile(real(p), fam, o);
    return [r.format, ...Object.values(r.series).map((v) => v.length), o.report.excluded];
  };
  assert.deepEqual(await count('okx-sol-perp-positioning/open_interest.csv', 'open_interest', 'SOL'), ['okx-open-interest', 625, 0]);
  assert.deepEqual(await count('okx-sol-perp-positioning/long_short_ratio.csv', 'long_short', 'SOL'), ['okx-long-short', 625, 0]);
  assert.deepEqual(await count('okx-sol-perp-positioning/funding_rate.csv', 'funding', 'SOL'), ['okx-funding', 78, 0]);
  assert.deepEqual(await count('cryptoquant-btc-exchange-flows-2012-2024/exchange_stablecoin_ratio.csv', 'stablecoin'), ['cryptoquant-daily', 1000, 0]);
  assert.deepEqual(await count('cryptoquant-btc-exchange-flows-2012-2024/funding_fee.csv', 'funding'), ['cryptoquant-daily', 3110, 2]);
  assert.deepEqual(await count('crypto-fear-greed-alternative-me/fear_greed_lukmol_2018-2026.csv', 'fear_greed'), ['fear-greed-daily', 2931, 0]);
  assert.deepEqual(await count('binance-futures-positioning-format-samples/binance_vision_metrics_BTCUSDT_2023-11-14_first-hour.csv', 'long_short'), ['binance-vision-metrics', 13, 0]);
  assert.deepEqual(await count('binance-futures-positioning-format-samples/binance_api_positioning_BTCUSDT_2024-05-09_first-hour.csv', 'open_interest'), ['binance-api-positioning', 12, 0]);
  assert.deepEqual(await count('stablecoin-supply-and-etf-flows/defillama_total_stablecoins_all_chains_2020-12_2023-07.csv', 'stablecoin'), ['defillama-total-stablecoins', 943, 0]);
});

test('real files: the two Fear & Greed copies agree on 2018-02-02 (15) and alternative.me DD/MM/YYYY reads as that UTC day', { skip }, async () => {
  const a = await readCryptoFile(real('crypto-fear-greed-alternative-me/fear_greed_index.csv'), 'fear_greed', opts());
  const b = await readCryptoFile(real('crypto-fear-greed-alternative-me/fear_greed_lukmol_2018-2026.csv'), 'fear_greed', opts());
  assert.deepEqual([a.series.fear_greed?.[1]?.ts, a.series.fear_greed?.[1]?.value], [Date.UTC(2018, 1, 2), 15]);
  assert.deepEqual([b.series.fear_greed?.[1]?.ts, b.series.fear_greed?.[1]?.value], [Date.UTC(2018, 1, 2), 15]);
});
