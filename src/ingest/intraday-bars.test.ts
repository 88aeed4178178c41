import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestReport, InputFormatError } from './ingest-report.ts';
import { readIntradayBars } from './intraday-bars.ts';
import { smartMoneyIndex } from '../core/smart-money-index/smart-money-index.ts';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const LEAN = join(DATA, 'lean-spy-hourly-1998-2021/SPY_hourly_1998-2021.csv.gz');
const SPY5 = join(DATA, 'spy-qqq-intraday-bars-2025-2026/SPY_5min.csv.gz');
const opts = () => ({ report: new IngestReport(), strict: false });
const tmp = (name: string, text: string): string => {
  const f = join(mkdtempSync(join(tmpdir(), 'bars-')), name);
  writeFileSync(f, text);
  return f;
};

test('LEAN hourly layout (SOURCE.md): the 09:00 label is 09:30–10:00, other labels whole hours, US/Eastern', async () => {
  const f = tmp('h.csv', 'bar_start_et,open,high,low,close,volume\n2013-10-08 09:00,167.45,167.62,167.05,167.54,15830828\n2013-10-08 15:00,165.91,166.25,165.37,165.48,37217103\n');
  const r = await readIntradayBars(f, opts());
  assert.equal(r.format, 'lean-hourly');
  assert.equal(new Date(r.bars[0]?.start ?? 0).toISOString(), '2013-10-08T13:30:00.000Z'); // EDT = UTC−4
  assert.equal(new Date(r.bars[0]?.end ?? 0).toISOString(), '2013-10-08T14:00:00.000Z');
  assert.equal(new Date(r.bars[1]?.end ?? 0).toISOString(), '2013-10-08T20:00:00.000Z');
});

test('minute layout (SOURCE.md): start time, resolution from the gaps, EST in winter; bad rows rejected naming the field', async () => {
  const f = tmp('m.csv', 'datetime,open,high,low,close,volume\n2025-12-01 09:30:00,1,2,1,2,5\n2025-12-01 09:35:00,2,3,2,3,5\n2025-12-01 09:40:00,3,1,3,3,5\n2025-12-01 9:45,3,3,3,3,5\n');
  const o = opts();
  const r = await readIntradayBars(f, o);
  assert.equal(r.resolutionMinutes, 5);
  assert.equal(new Date(r.bars[0]?.start ?? 0).toISOString(), '2025-12-01T14:30:00.000Z');
  assert.equal(r.bars[1]?.end, (r.bars[1]?.start ?? 0) + 300_000);
  assert.deepEqual(o.report.rejections.map((x) => x.field), ['high', 'datetime']);
  await assert.rejects(readIntradayBars(tmp('x.csv', 'ts,price\n'), opts()), InputFormatError);
});

test('real LEAN SPY hourly file: 5,849 days, SMI values by hand, and the three days it cannot cover', { skip: existsSync(LEAN) ? false : 'needs ../shared/data' }, async () => {
  const o = opts();
  const r = await readIntradayBars(LEAN, o);
  assert.equal(r.bars.length, 40_832);
  assert.equal(o.report.rejected, 0);
  const smi = smartMoneyIndex(r.bars, 0);
  assert.equal(smi.series.length + smi.skipped.length, 5_849);
  assert.deepEqual(smi.skipped.map((s) => s.date), ['1999-12-31', '2002-09-11']);
  const day = (d: string) => smi.series.find((p) => p.date === d);
  // 2013-10-08 (SOURCE.md's verified day): 09:00 bar 167.45 → 167.54; 14:00 bar close 165.92, 15:00 close 165.48.
  assert.equal(day('2013-10-08')?.first_half_hour_change.toFixed(2), '0.09');
  assert.equal(day('2013-10-08')?.last_hour_change.toFixed(2), '-0.44');
  // 2019-11-29 early close: 12:00 bar close 314.31 − 11:00 bar close 314.75.
  assert.equal(day('2019-11-29')?.last_hour_change.toFixed(2), '-0.44');
  // 2003-12-26 early close (13:00): 12:00 bar close 109.81 − 11:00 bar close 109.91.
  assert.equal(day('2003-12-26')?.last_hour_change.toFixed(2), '-0.10');
});

test('real SPY 5-minute file: every complete day computed; the partial last day skipped', { skip: existsSync(SPY5) ? false : 'needs ../shared/data' }, async () => {
  const r = await readIntradayBars(SPY5, opts());
  assert.equal(r.resolutionMinutes, 5);
  const smi = smartMoneyIndex(r.bars, 0);
  assert.equal(smi.series.length, 209);
  assert.deepEqual(smi.skipped, [{ date: '2026-03-12', reason: 'no bar ending at 15:00; no bar ending at the 16:00 close' }]);
});
