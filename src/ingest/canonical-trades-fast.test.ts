import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { readCanonicalTradesCsv } from './canonical-trades-fast.ts';
import { readCanonicalTradesCsvGeneric, TRADE_COLUMNS } from './canonical-trades.ts';
import { IngestReport } from './ingest-report.ts';
import { isoInstant, plainDecimal } from './byte-fields.ts';

const dir = mkdtempSync(join(tmpdir(), 'sm-fast-'));
let seq = 0;

async function readWith(reader: typeof readCanonicalTradesCsv, file: string) {
  const report = new IngestReport();
  const trades = [];
  for await (const b of reader(file, { report, strict: false })) trades.push(...b);
  return { trades, report: report.toJSON() };
}

const good = ['2024-01-10T10:00:00.250-05:00', 'SPY', '2024-02-01', '470', 'C', '2.60', '60', '2.15', '2.60', 'C', '', ''];
/** Field variants: the plain shape, and shapes the fast path must hand to the general parser. */
const variants: string[][] = [
  ['2024-01-10T10:00:00.250-05:00', '2024-01-10T15:00:00Z', '1704898800000', '2024-01-10T10:00:00.1234-05:00', '2024-01-10 10:00:00-05:00', '2024-01-10T10:00:00', 'yesterday', '', '2024-02-30T10:00:00Z', '2024-01-10T10:00:00+0530'],
  ['SPY', 'spy', 'BRK.B', '', ' SPY', 'ÅB'],
  ['2024-02-01', '2024-1-5', '2024-02-30', '2023-12-31', ''],
  ['470', '470.50', '.5', '5.', '0', '-1', '1e3', '470.123456789012345', ' 470', 'NaN'],
  ['C', 'P', 'c', 'put', 'X', ''],
  ['2.60', '0', '2.6e0', '-0.01', '', 'Infinity'],
  ['60', '0', '10.0', '1.5', '-3', '007', ''],
  ['2.15', '0', '', '2.150000000000000001'],
  ['2.60', '3', 'abc'],
  ['C', '', 'XPHO'],
  ['', 'I', '"quoted, comma"'],
  ['', 'buy', 'SELL', 'm', 'sideways'],
];

const lineArb = fc.tuple(...variants.map((v) => fc.constantFrom(...v))).map((f) => f.map((x) => (x.includes(',') ? x : x)).join(','));

test('property: the byte fast path and the general parser give identical trades and identical rejections', async () => {
  await fc.assert(fc.asyncProperty(fc.array(fc.oneof(lineArb, fc.constant(good.join(','))), { minLength: 1, maxLength: 40 }), fc.boolean(), fc.boolean(),
    async (lines, crlf, gz) => {
      const text = [TRADE_COLUMNS.join(','), ...lines].join(crlf ? '\r\n' : '\n');
      const file = join(dir, `t${seq++}.csv${gz ? '.gz' : ''}`);
      writeFileSync(file, gz ? gzipSync(text) : text);
      const fast = await readWith(readCanonicalTradesCsv, file);
      const slow = await readWith(readCanonicalTradesCsvGeneric, file);
      assert.deepEqual(fast, slow);
    }), { numRuns: 150 });
});

test('another column order goes through the general reader with the same results', async () => {
  const cols = [...TRADE_COLUMNS].reverse();
  const row = [...good].reverse();
  const file = join(dir, 'reordered.csv');
  writeFileSync(file, `${cols.join(',')}\n${row.join(',')}\n`);
  const fast = await readWith(readCanonicalTradesCsv, file);
  assert.equal(fast.trades.length, 1);
  assert.equal(fast.trades[0]?.strike, 470);
});

test('byte readers agree with Number() and Date.parse on their plain shapes (fast-check)', () => {
  const enc = (s: string) => Buffer.from(s, 'latin1');
  fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 6 }), (m, k) => {
    const s = k === 0 ? String(m) : (m / 10 ** k).toFixed(k);
    return plainDecimal(enc(s), 0, s.length) === Number(s);
  }));
  fc.assert(fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
    fc.integer({ min: -12 * 60, max: 14 * 60 }), (d, off) => {
      const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 23);
      const sign = off < 0 ? '-' : '+';
      const a = Math.abs(off);
      const s = `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
      return isoInstant(enc(s), 0, s.length) === Date.parse(s);
    }));
});
