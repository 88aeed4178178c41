import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { UsageError } from '../command.ts';
import { generateTapeCommand } from './generate-tape.ts';

function io() {
  const stdout = new PassThrough(), stderr = new PassThrough();
  const out: Buffer[] = [], err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  return { io: { stdout, stderr }, out: () => Buffer.concat(out).toString(), err: () => Buffer.concat(err).toString() };
}

test('generate-tape writes trades, chains and a manifest labelled synthetic, and prints the manifest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-tape-'));
  try {
    const s = io();
    const code = await generateTapeCommand.run(['--symbols', '12', '--prints', '300', '--seed', '3', '--out', dir], s.io);
    assert.equal(code, 0);
    const printed = JSON.parse(s.out()) as { synthetic: boolean; prints: number };
    assert.deepEqual(printed, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    assert.equal(printed.synthetic, true);
    assert.equal(readFileSync(join(dir, 'trades.csv'), 'utf8').trimEnd().split('\n').length, 301);
    assert.ok(existsSync(join(dir, 'chains.csv')));
    assert.match(s.err(), /SYNTHETIC 300 prints over 12 underlyings/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad usage is a UsageError quoting the value: missing --out, weekend or impossible dates, zero prints', async () => {
  const s = io();
  await assert.rejects(generateTapeCommand.run([], s.io), (e) => e instanceof UsageError && /--out DIR is required/.test(e.message));
  await assert.rejects(generateTapeCommand.run(['--out', '/tmp/x', '--date', '2025-03-15'], s.io), /--date was "2025-03-15"; expected a US options trading day/);
  await assert.rejects(generateTapeCommand.run(['--out', '/tmp/x', '--date', '2025-02-30'], s.io), /--date was "2025-02-30"; expected a real date/);
  await assert.rejects(generateTapeCommand.run(['--out', '/tmp/x', '--prints', '0'], s.io), /--prints was "0"/);
});

test('--equity adds equity.csv (canonical equity prints, listed in the manifest as synthetic); --equity-prints alone is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-tape-'));
  try {
    const s = io();
    assert.equal(await generateTapeCommand.run(['--symbols', '6', '--prints', '300', '--seed', '3', '--out', dir, '--equity', '--equity-prints', '2000'], s.io), 0);
    const m = JSON.parse(s.out()) as { files: { name: string; format: string; rows: number }[]; equity: { synthetic: boolean; continuous_prints: number } };
    assert.deepEqual(m.files.map((f) => [f.name, f.format]), [['trades.csv', 'canonical-trades-csv'], ['chains.csv', 'canonical-chain-csv'], ['equity.csv', 'canonical-equity-prints-csv']]);
    assert.equal(m.equity.synthetic, true);
    assert.equal(m.equity.continuous_prints, 2000);
    const lines = readFileSync(join(dir, 'equity.csv'), 'utf8').trimEnd().split('\n');
    assert.equal(lines[0], 'ts,symbol,price,size,exchange,conditions,bid,ask');
    assert.equal(lines.length - 1, m.files[2]?.rows);
    assert.match(s.err(), /\d+ equity prints/);
    await assert.rejects(generateTapeCommand.run(['--out', dir, '--equity-prints', '5'], io().io), /--equity-prints goes with --equity/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
