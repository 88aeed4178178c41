import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TextFileSink } from './text-file-sink.ts';

test('plain and gzip sinks write the text, and report the on-disk size and SHA-256 (checked with node:crypto)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sink-'));
  try {
    const text = Array.from({ length: 50_000 }, (_, i) => `row,${i},${(i * 7919) % 1000}\n`);
    for (const gzip of [false, true]) {
      const path = join(dir, gzip ? 'a.csv.gz' : 'a.csv');
      const sink = new TextFileSink(path, gzip);
      for (let i = 0; i < text.length; i += 1000) await sink.write(text.slice(i, i + 1000).join(''));
      const info = await sink.close();
      const disk = readFileSync(path);
      assert.equal(info.bytes, disk.length);
      assert.equal(info.sha256, createHash('sha256').update(disk).digest('hex'));
      assert.equal((gzip ? gunzipSync(disk) : disk).toString('utf8'), text.join(''));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unwritable path fails with the file system error instead of hanging', async () => {
  const sink = new TextFileSink('/nonexistent-dir/x.csv', false);
  await assert.rejects(async () => {
    await sink.write('a\n');
    await sink.close();
  }, /ENOENT/);
});
