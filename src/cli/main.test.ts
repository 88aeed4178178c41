import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import { captureIo } from './capture-io.ts';
import { commands } from './commands/index.ts';

test('every command answers --help with its usage and exit 0', async () => {
  assert.ok(commands.length >= 5);
  for (const c of commands) {
    const io = captureIo();
    assert.equal(await main([c.name, '--help'], io), 0, c.name);
    assert.match(io.out(), new RegExp(`^Usage: smartmoney ${c.name}`), c.name);
  }
});

test('unknown commands and options are usage errors (exit 2) with the command list or usage', async () => {
  const io = captureIo();
  assert.equal(await main(['frobnicate'], io), 2);
  assert.match(io.err(), /unknown command "frobnicate"/);
  const io2 = captureIo();
  assert.equal(await main(['signals', 'SPY', '--trades', 'x.csv', '--bogus'], io2), 2);
  assert.match(io2.err(), /Unknown option '--bogus'/);
});

test('bin/smartmoney runs as an executable from the repository root', () => {
  const bin = fileURLToPath(new URL('../../bin/smartmoney', import.meta.url));
  const out = execFileSync(bin, ['--help'], { encoding: 'utf8' });
  assert.match(out, /Commands:/);
  const bad = spawnSync(bin, ['signals', 'SPY'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /missing --trades FILE/);
});
