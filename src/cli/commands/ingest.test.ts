import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isoDate } from '../../core/units.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../../synthetic/tape-generator.ts';
import { openDuckDbStore } from '../../store/duckdb-store.ts';
import { captureIo } from '../capture-io.ts';
import { UsageError } from '../command.ts';
import { commands } from './index.ts';
import { ingestCommand } from './ingest.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const ticks = join(repo, '../shared/data/lean-us-equity-ticks-2013-10');
const ibmTrades = join(ticks, 'IBM_2013-10-08_trades.csv.gz');
const ibmQuotes = join(ticks, 'IBM_2013-10-08_quotes.csv.gz');
const needsTicks = existsSync(ibmTrades) && existsSync(ibmQuotes) ? {} : { skip: 'needs ../shared/data/lean-us-equity-ticks-2013-10' };

interface Summary {
  files: { status: string; kind: string; accepted: number; stored: number; duplicates: number; resumed_from: number }[];
  totals: { loaded: number; already_loaded: number; stored: number };
  signals: { days: number; symbol_days: number; computed: number; already_current: number; prints_scored: number } | null;
}

async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-cmd-'));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `bin/smartmoney ingest ARGS` in a child process. Until main's command list registers ingest, the child runs
 * main() with it added: the same code path bar the one line of registration.
 */
function spawnIngest(args: readonly string[]) {
  if (commands.some((c) => c.name === 'ingest')) return spawn(join(repo, 'bin/smartmoney'), ['ingest', ...args]);
  const runner = `import { main } from ${JSON.stringify(join(repo, 'src/cli/main.ts'))};
import { commands } from ${JSON.stringify(join(repo, 'src/cli/commands/index.ts'))};
import { ingestCommand } from ${JSON.stringify(join(repo, 'src/cli/commands/ingest.ts'))};
commands.push(ingestCommand);
process.exitCode = await main(['ingest', ...process.argv.slice(1)], { stdout: process.stdout, stderr: process.stderr });`;
  return spawn(process.execPath, ['--import', join(repo, 'node_modules/tsx/dist/esm/index.mjs'), '--input-type=module', '-e', runner, ...args]);
}

/** Runs the child; SIGKILLs it once a stderr line says at least `killAt` rows are committed. */
function runIngest(args: readonly string[], killAt: number | null): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnIngest(args);
    let stdout = '', stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      const committed = [...stderr.matchAll(/: (\d+) rows committed\n/g)].map((m) => Number(m[1]));
      if (killAt !== null && committed.some((n) => n >= killAt)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

test('ingest loads a generated tape\'s trades and chain, reports them, and a second run changes nothing (sources found by sha256)', () => inTempDir(async (dir) => {
  await generateSyntheticTape({ symbols: 5, prints: 3000, seed: 3, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  const files = [join(dir, 'trades.csv'), join(dir, 'chains.csv')];
  const data = join(dir, 'data');
  const first = captureIo();
  assert.equal(await ingestCommand.run([...files, '--data', data], first), 0);
  const s1 = JSON.parse(first.out()) as Summary;
  assert.deepEqual(s1.files.map((f) => [f.kind, f.status, f.accepted === f.stored + f.duplicates]), [['prints', 'loaded', true], ['chain', 'loaded', true]]);
  assert.equal(s1.files[0]?.accepted, 3000);
  assert.match(first.err(), /trades .*trades\.csv: 3000 rows read, 3000 accepted, 0 rejected/);
  assert.match(first.err(), /chain .*chains\.csv: \d+ rows read/);
  assert.match(first.err(), /signals 2025-03-14: 5 of 5 symbols computed and stored \(3000 prints, /);
  assert.deepEqual(s1.signals, { ...s1.signals, days: 1, symbol_days: 5, computed: 5, already_current: 0, prints_scored: 3000 });
  const second = captureIo();
  assert.equal(await ingestCommand.run([...files, '--data', data], second), 0);
  const s2 = JSON.parse(second.out()) as Summary;
  assert.deepEqual([s2.totals.loaded, s2.totals.already_loaded, s2.totals.stored], [0, 2, 0]);
  assert.match(second.err(), /already loaded .*nothing to do/);
  assert.deepEqual([s2.signals?.computed, s2.signals?.already_current], [0, 5]);
  const skipped = captureIo();
  assert.equal(await ingestCommand.run([...files, '--data', join(dir, 'no-signals'), '--no-signals'], skipped), 0);
  assert.equal((JSON.parse(skipped.out()) as Summary).signals, null);
  assert.doesNotMatch(skipped.err(), /^signals /m);
  const store = await openDuckDbStore({ dataDir: data });
  try {
    const day = isoDate(DEFAULT_TAPE_DATE);
    const symbols = await store.symbols(day);
    assert.equal(symbols.length, 5);
    let prints = 0;
    for (const s of symbols) prints += (await store.prints(s, day)).length;
    assert.equal(prints, 3000);
  } finally {
    await store.close();
  }
}));

test('bad usage is a UsageError: no file, both --format and --chain-format, an unknown format, a zero batch', async () => {
  const io = captureIo();
  await assert.rejects(ingestCommand.run([], io), (e) => e instanceof UsageError && /at least one FILE/.test(e.message));
  await assert.rejects(ingestCommand.run(['f', '--format', 'canonical-csv', '--chain-format', 'yahoo'], io), /not both/);
  await assert.rejects(ingestCommand.run(['f', '--format', 'yahoo'], io), /--format was "yahoo"/);
  await assert.rejects(ingestCommand.run(['f', '--batch-rows', '0'], io), /--batch-rows was "0"/);
});

test('SIGKILL mid-load, twice (while staging, then at the merge): each re-run completes it and the store equals a clean single load, no print twice, with the same stored day signals', (t) => inTempDir(async (dir) => {
  await generateSyntheticTape({ symbols: 50, prints: 100_000, seed: 11, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  const trades = join(dir, 'trades.csv');
  const clean = join(dir, 'clean'), killed = join(dir, 'killed'), atMerge = join(dir, 'at-merge');
  assert.equal(await ingestCommand.run([trades, '--data', clean], captureIo()), 0);

  // Killed while staging: after the third committed batch of 2,000.
  const cut = await runIngest([trades, '--data', killed, '--batch-rows', '2000'], 6000);
  assert.equal(cut.signal, 'SIGKILL', `the load ran to the end before the kill:\n${cut.stderr}`);
  const rerun = await runIngest([trades, '--data', killed, '--batch-rows', '2000'], null);
  assert.equal(rerun.code, 0, rerun.stderr);
  const resumed = (JSON.parse(rerun.stdout) as Summary).files[0];
  assert.equal(resumed?.status, 'resumed');
  assert.ok((resumed?.resumed_from ?? 0) >= 6000, `resumed from ${resumed?.resumed_from}`);

  // Killed once every row is committed: during (or just after) the merge transaction. Either way the re-run finishes.
  const late = await runIngest([trades, '--data', atMerge, '--batch-rows', '50000'], 100_000);
  const finish = await runIngest([trades, '--data', atMerge], null);
  assert.equal(finish.code, 0, finish.stderr);
  const status = (JSON.parse(finish.stdout) as Summary).files[0]?.status;
  t.diagnostic(`staging kill: resumed from ${resumed?.resumed_from} of 100000; merge kill: ${late.signal ?? `exit ${late.code}`}, then ${status}`);
  assert.ok(late.signal === 'SIGKILL' ? status === 'resumed' || status === 'already-loaded' : status === 'already-loaded', `${late.signal} then ${status}`);

  const day = isoDate(DEFAULT_TAPE_DATE);
  const reference = await openDuckDbStore({ dataDir: clean });
  try {
    const symbols = await reference.symbols(day);
    assert.equal(symbols.length, 50);
    for (const data of [killed, atMerge]) {
      const store = await openDuckDbStore({ dataDir: data });
      try {
        assert.deepEqual(await store.symbols(day), symbols);
        for (const s of symbols) assert.deepEqual(await store.prints(s, day), await reference.prints(s, day), `${data} ${s}`);
        for (const s of symbols) assert.deepStrictEqual(await store.daySignals(s, day), await reference.daySignals(s, day), `${data} ${s} signals`);
        assert.equal((await store.daySignalStamps(day)).size, 50);
        const [source] = await store.sources();
        assert.deepEqual([source?.status, source?.rowsStaged, source?.rowsStored, source?.report?.accepted], ['complete', 100_000, 100_000, 100_000]);
      } finally {
        await store.close();
      }
    }
  } finally {
    await reference.close();
  }
}));

test('real LEAN IBM 2013-10-08 equity trades and quotes: ingest reports them as equity files; SIGKILL while staging the quotes, the re-run resumes and the store equals a clean load; a third run changes nothing', needsTicks, () => inTempDir(async (dir) => {
  const clean = join(dir, 'clean'), killed = join(dir, 'killed');
  const io = captureIo();
  assert.equal(await ingestCommand.run([ibmTrades, ibmQuotes, '--data', clean], io), 0);
  assert.match(io.err(), /equity trades .*IBM_2013-10-08_trades\.csv\.gz: 33381 rows read/);
  assert.match(io.err(), /equity quotes .*IBM_2013-10-08_quotes\.csv\.gz: 125750 rows read/);
  const s1 = JSON.parse(io.out()) as Summary;
  assert.deepEqual(s1.files.map((f) => [f.kind, f.status]), [['equity-prints', 'loaded'], ['equity-quotes', 'loaded']]);

  const cut = await runIngest([ibmQuotes, '--data', killed, '--batch-rows', '5000'], 20_000);
  assert.equal(cut.signal, 'SIGKILL', `the load ran to the end before the kill:\n${cut.stderr}`);
  const rerun = await runIngest([ibmTrades, ibmQuotes, '--data', killed, '--batch-rows', '5000'], null);
  assert.equal(rerun.code, 0, rerun.stderr);
  const files = (JSON.parse(rerun.stdout) as Summary).files;
  assert.deepEqual(files.map((f) => f.status), ['loaded', 'resumed']);
  assert.ok((files[1]?.resumed_from ?? 0) >= 20_000, `resumed from ${files[1]?.resumed_from}`);
  const again = captureIo();
  assert.equal(await ingestCommand.run([ibmTrades, ibmQuotes, '--data', killed], again), 0);
  assert.deepEqual((JSON.parse(again.out()) as Summary).files.map((f) => f.status), ['already-loaded', 'already-loaded']);

  const day = isoDate('2013-10-08');
  const reference = await openDuckDbStore({ dataDir: clean });
  const store = await openDuckDbStore({ dataDir: killed });
  try {
    assert.deepStrictEqual(await store.equityPrints('IBM', day), await reference.equityPrints('IBM', day));
    const quotes = await store.equityQuotes('IBM', day);
    assert.equal(quotes.length, s1.files[1]?.stored);
    assert.deepStrictEqual(quotes, await reference.equityQuotes('IBM', day));
  } finally {
    await Promise.all([store.close(), reference.close()]);
  }
}));
