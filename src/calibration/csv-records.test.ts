import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finiteNumber } from '../ingest/fields.ts';
import { IngestReport, InputFormatError, RowRejectedError } from '../ingest/ingest-report.ts';
import { exclude, readCsvRecords } from './csv-records.ts';

const dir = mkdtempSync(join(tmpdir(), 'csv-records-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const parse = (get: (c: string) => string | undefined) => {
  const x = finiteNumber(get('x'), 'x');
  return x === 0 ? exclude('zero') : { x };
};

test('every row is accounted for: accepted + excluded + rejected = rows read, the rejection names line, field, value', async () => {
  const p = file('a.csv', 'x,y\n1,a\n0,b\nabc,c\n\n2,d\n');
  const report = new IngestReport();
  const rows = await readCsvRecords(p, ['x'], { report, strict: false }, parse);
  assert.deepEqual(rows, [{ x: 1 }, { x: 2 }]);
  assert.equal(report.rowsRead, 4);
  assert.equal(report.accepted + report.excluded + report.rejected, report.rowsRead);
  assert.deepEqual(Object.fromEntries(report.excludedReasons), { zero: 1 });
  assert.deepEqual(report.rejections[0], { file: p, line: 4, field: 'x', value: 'abc', reason: 'expected a finite number' });
});

test('strict mode stops at the first bad row; a header without a required column is a format error', async () => {
  const p = file('b.csv', 'x\nabc\n');
  await assert.rejects(readCsvRecords(p, ['x'], { report: new IngestReport(), strict: true }, parse), RowRejectedError);
  const q = file('c.csv', 'y\n1\n');
  await assert.rejects(readCsvRecords(q, ['x'], { report: new IngestReport(), strict: false }, parse), (e: unknown) =>
    e instanceof InputFormatError && /lacks column\(s\) x/.test(e.message));
  const empty = file('d.csv', '');
  await assert.rejects(readCsvRecords(empty, ['x'], { report: new IngestReport(), strict: false }, parse), InputFormatError);
});
