import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readLines } from './line-reader.ts';

const dir = mkdtempSync(join(tmpdir(), 'sm-lines-'));

async function collect(file: string): Promise<{ lines: string[]; firsts: number[] }> {
  const lines: string[] = [];
  const firsts: number[] = [];
  for await (const b of readLines(file)) {
    firsts.push(b.firstLine);
    lines.push(...b.lines);
  }
  return { lines, firsts };
}

test('CRLF, a byte-order mark and a missing final newline are all read as the same lines', async () => {
  const f = join(dir, 'crlf.csv');
  writeFileSync(f, '\ufeffa,b\r\n1,2\r\n3,4');
  assert.deepEqual((await collect(f)).lines, ['a,b', '1,2', '3,4']);
});

test('gzip is read transparently by its magic bytes, whatever the file name', async () => {
  const f = join(dir, 'plain-name.csv');
  writeFileSync(f, gzipSync('x\ny\n'));
  assert.deepEqual((await collect(f)).lines, ['x', 'y']);
});

test('line numbers stay exact across 1 MiB chunk boundaries (200,000 lines)', async () => {
  const f = join(dir, 'big.csv');
  const rows = Array.from({ length: 200_000 }, (_, i) => `row-${i + 1},${'x'.repeat(i % 13)}`);
  writeFileSync(f, `${rows.join('\n')}\n`);
  let expectNext = 1;
  let n = 0;
  for await (const b of readLines(f)) {
    assert.equal(b.firstLine, expectNext);
    for (let k = 0; k < b.lines.length; k++) assert.ok((b.lines[k] as string).startsWith(`row-${b.firstLine + k},`));
    expectNext += b.lines.length;
    n += b.lines.length;
  }
  assert.equal(n, 200_000);
});

test('a truncated .gz is an input error naming the file, not a crash', async () => {
  const f = join(dir, 'cut.csv.gz');
  const gz = gzipSync('a,b\n'.repeat(10_000));
  writeFileSync(f, gz.subarray(0, gz.length - 40));
  await assert.rejects(collect(f), (e: Error) => e.name === 'InputFormatError' && e.message.includes('cut.csv.gz'));
});
