import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestReport } from '../ingest/ingest-report.ts';
import { readYahooChainDay } from './yahoo-chain-day.ts';

const yahoo = fileURLToPath(new URL('../../test-fixtures/calibration/data/yahoo-option-chains-10-tickers/', import.meta.url));
const HEADER = 'contractSymbol,type,expiration,strike,lastTradeDate,lastTradeDateEDT,lastPrice,bid,ask,change,percentChange,volume,openInterest,impliedVolatility,inTheMoney,contractSize,currency';

test('Yahoo chain: the SOURCE.md sample row reads back (New York trade date from lastTradeDateEDT)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yahoo-'));
  const p = join(dir, '2025-12-04_NVDA.csv');
  writeFileSync(p, `${HEADER}\nNVDA251205C00050000,call,2025-12-05,50.0,2025-12-04 17:20:33+00:00,2025-12-04 12:20:33 EST,131.71,130.5,132.65,-2.219986,-1.6575719,1.0,132.0,13.960938774414062,True,REGULAR,USD\n`);
  const rows = await readYahooChainDay(p, { report: new IngestReport(), strict: true });
  assert.deepEqual(rows, [{
    contractSymbol: 'NVDA251205C00050000', expiry: '2025-12-05', lastTradeDay: '2025-12-04',
    lastPrice: 131.71, bid: 130.5, ask: 132.65, volume: 1, openInterest: 132,
  }]);
});

test('Yahoo chain: fixture rows all accepted; blank volume reads 0; fractional OI is rejected by name', async () => {
  const report = new IngestReport();
  const rows = await readYahooChainDay(join(yahoo, '2025-12-01_NVDA.csv'), { report, strict: true });
  assert.equal(rows.length, 18);
  assert.ok(rows.every((r) => r.expiry === '2025-12-05'));
  const dir = mkdtempSync(join(tmpdir(), 'yahoo-'));
  const p = join(dir, '2025-12-04_NVDA.csv');
  writeFileSync(p, [
    HEADER,
    'NVDA251205C00050000,call,2025-12-05,50.0,x,2025-12-04 12:20:33 EST,131.71,130.5,132.65,0,0,,132.0,1,True,REGULAR,USD',
    'NVDA251205C00055000,call,2025-12-05,55.0,x,2025-12-04 12:20:33 EST,131.71,130.5,132.65,0,0,3,13.5,1,True,REGULAR,USD',
  ].join('\n'));
  const bad = new IngestReport();
  const got = await readYahooChainDay(p, { report: bad, strict: false });
  assert.equal(got.length, 1);
  assert.equal(got[0]?.volume, 0);
  assert.equal(bad.rejections[0]?.field, 'openInterest');
  assert.equal(bad.rejections[0]?.value, '13.5');
});
