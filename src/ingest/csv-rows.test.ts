import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { type CsvRowFormat, fieldsInColumnOrder, readCsvRows, readNdjsonRows } from './csv-rows.ts';
import { finiteNumber } from './fields.ts';
import { IngestReport, InputFormatError, type ParseOptions, RowExcluded, RowRejectedError } from './ingest-report.ts';

const dir = mkdtempSync(join(tmpdir(), 'csv-rows-'));
let n = 0;
const file = (text: string | Buffer, ext = '.csv'): string => {
  const p = join(dir, `f${n++}${ext}`);
  writeFileSync(p, text);
  return p;
};

/** Header must name column x; x = 0 is excluded, a non-number rejected. */
const xFormat: CsvRowFormat<number, number> = {
  header: (line) => {
    const i = line.split(',').indexOf('x');
    if (i < 0) throw new InputFormatError('f', 'line 1: header lacks column(s) x');
    return i;
  },
  row: (fields, i) => {
    const x = finiteNumber(fields[i], 'x');
    if (x === 0) throw new RowExcluded('zero');
    return x;
  },
  exclude: true,
};

async function readAll<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const b of batches) out.push(...b);
  return out;
}

const lenient = (): ParseOptions => ({ report: new IngestReport(), strict: false });

test('CSV rows: line numbers are the text editor\'s (BOM, CRLF, quoted commas, blank lines uncounted), x = 0 excluded', async () => {
  const p = file('\ufeffy,x\r\n"a,b",1\r\n\r\nc,0\r\nd,abc\r\ne,2\r\n');
  const opts = lenient();
  assert.deepEqual(await readAll(readCsvRows(p, opts, xFormat)), [1, 2]);
  assert.deepEqual([opts.report.rowsRead, opts.report.accepted, opts.report.excluded, opts.report.rejected], [4, 2, 1, 1]);
  assert.deepEqual(opts.report.rejections, [{ file: p, line: 5, field: 'x', value: 'abc', reason: 'expected a finite number' }]);
  assert.deepEqual(Object.fromEntries(opts.report.excludedReasons), { zero: 1 });
});

test('CSV rows: strict mode throws at the first bad row naming its line; exclusions do not stop it', async () => {
  const p = file('x\n0\n1\nbad\n2\n');
  await assert.rejects(readAll(readCsvRows(p, { report: new IngestReport(), strict: true }, xFormat)), (e: unknown) =>
    e instanceof RowRejectedError && e.rejection.line === 4 && e.rejection.value === 'bad');
});

test('CSV rows: without `exclude`, a RowExcluded escapes (parseRow) instead of being counted', async () => {
  const p = file('x\n1\n0\n');
  await assert.rejects(readAll(readCsvRows(p, lenient(), { ...xFormat, exclude: false })), RowExcluded);
});

test('CSV rows: `skip` consumes a metadata row uncounted and sees its line number; header errors escape', async () => {
  const seen: number[] = [];
  const format: CsvRowFormat<number, number> = {
    ...xFormat,
    skip: (fields, i, lineNo) => {
      if (fields[i] !== 'meta') return false;
      seen.push(lineNo);
      return true;
    },
  };
  const opts = lenient();
  assert.deepEqual(await readAll(readCsvRows(file('x\n\nmeta\n3\n'), opts, format)), [3]);
  assert.deepEqual(seen, [3]);
  assert.equal(opts.report.rowsRead, 1);
  await assert.rejects(readAll(readCsvRows(file('y\n1\n'), lenient(), xFormat)), InputFormatError);
  assert.deepEqual(await readAll(readCsvRows(file(''), lenient(), xFormat)), []);
});

test('CSV rows: a 1.6 MB (unzipped) gzip file comes in several batches with line numbers continuous across them', async () => {
  const lines = ['x'];
  for (let i = 2; i <= 200_000; i++) lines.push(i % 50_000 === 0 ? 'bad' : '1234567');
  const opts = lenient();
  let batches = 0;
  let rows = 0;
  for await (const b of readCsvRows(file(gzipSync(`${lines.join('\n')}\n`), '.csv.gz'), opts, xFormat)) {
    batches++;
    rows += b.length;
  }
  assert.ok(batches > 1, `${batches} batch(es)`);
  assert.equal(rows, 199_995);
  assert.deepEqual(opts.report.rejections.map((r) => r.line), [50_000, 100_000, 150_000, 200_000]);
});

test('property: every CSV line after the header is blank, accepted, excluded or rejected at its own line number', async () => {
  const kind = fc.constantFrom('', '7', '0', 'no');
  await fc.assert(fc.asyncProperty(fc.array(kind, { maxLength: 40 }), async (rows) => {
    const opts = lenient();
    const got = await readAll(readCsvRows(file(['x', ...rows].join('\n')), opts, xFormat));
    assert.deepEqual(got, rows.filter((r) => r === '7').map(Number));
    assert.equal(opts.report.excluded, rows.filter((r) => r === '0').length);
    assert.deepEqual(opts.report.rejections.map((r) => r.line),
      rows.flatMap((r, i) => (r === 'no' ? [i + 2] : [])));
    assert.equal(opts.report.rowsRead, rows.filter((r) => r !== '').length);
  }), { numRuns: 50 });
});

test('NDJSON rows: whitespace-only lines skipped uncounted; non-JSON and non-objects rejected on (line) at their line', async () => {
  const p = file('{"x":1}\n  \n[1]\nnope\n{"x":"2"}\n', '.ndjson');
  const opts = lenient();
  const got = await readAll(readNdjsonRows(p, opts, (obj) => finiteNumber(String(obj.x), 'x')));
  assert.deepEqual(got, [1, 2]);
  assert.deepEqual(opts.report.rejections.map((r) => [r.line, r.field, r.reason]),
    [[3, '(line)', 'expected a JSON object'], [4, '(line)', 'not valid JSON']]);
});

test('fields in column order: header positions pick the fields, −1 gives undefined', () => {
  assert.deepEqual(fieldsInColumnOrder(['a', 'b', 'c'], [2, -1, 0]), ['c', undefined, 'a']);
});
