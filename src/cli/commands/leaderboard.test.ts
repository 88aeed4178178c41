import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../server/build-server.ts';
import { loadMarketData } from '../../server/in-memory-market-data.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../../synthetic/tape-generator.ts';
import { captureIo } from '../capture-io.ts';
import { UsageError } from '../command.ts';
import { ingestCommand } from './ingest.ts';
import { leaderboardCommand } from './leaderboard.ts';

let dir = '';
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-leaderboard-'));
  await generateSyntheticTape({ symbols: 5, prints: 8_000, seed: 9, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('leaderboard CLI prints the body GET /v1/smart-money/leaderboard sends for the same files and filter (SYNTHETIC day)', async () => {
  const files = ['--trades', join(dir, 'trades.csv'), '--chain', join(dir, 'chains.csv')];
  const io = captureIo();
  assert.equal(await leaderboardCommand.run([...files, '--limit', '3', '--direction', 'bullish'], io), 0);
  const { data } = await loadMarketData({ trades: [join(dir, 'trades.csv')], chains: [join(dir, 'chains.csv')] });
  const app = await buildServer(data);
  const r = await app.inject({ method: 'GET', url: '/v1/smart-money/leaderboard?limit=3&direction=bullish' });
  assert.equal(r.body, JSON.stringify(JSON.parse(io.out())));
  await app.close();
  assert.match(io.err(), /trades .*8000 accepted, 0 rejected/);
});

test('leaderboard CLI: weights change the composite; bad options are usage errors naming the option; an empty day is a clear failure', async () => {
  const files = ['--trades', join(dir, 'trades.csv')];
  const a = captureIo(), b = captureIo();
  assert.equal(await leaderboardCommand.run(files, a), 0);
  assert.equal(await leaderboardCommand.run([...files, '--weights', '1,0,0,0'], b), 0);
  const rowsA = (JSON.parse(a.out()) as { rows: { symbol: string; score: number; options_flow: number }[] }).rows;
  const rowsB = (JSON.parse(b.out()) as { rows: { symbol: string; score: number; options_flow: number }[] }).rows;
  for (const r of rowsB) assert.equal(r.score, r.options_flow, 'flow weight alone: score = options flow sub-score');
  assert.notDeepEqual(rowsA.map((r) => r.score), rowsB.map((r) => r.score));
  await assert.rejects(leaderboardCommand.run([...files, '--weights', '1,2'], captureIo()), (e: Error) => e instanceof UsageError && /--weights/.test(e.message));
  await assert.rejects(leaderboardCommand.run([...files, '--direction', 'up'], captureIo()), UsageError);
  await assert.rejects(leaderboardCommand.run([...files, '--date', '2025-02-30'], captureIo()), UsageError);
  await assert.rejects(leaderboardCommand.run([], captureIo()), UsageError);
  const io = captureIo();
  assert.equal(await leaderboardCommand.run([...files, '--date', '2025-03-13'], io), 1);
  assert.match(io.err(), /no options or equity prints on 2025-03-13/);
});

const LEAN = join(import.meta.dirname, '../../../../shared/data/lean-us-equity-ticks-2013-10');

test('leaderboard --data: equity prints and quotes ingested into the store (real LEAN IBM + AIG 2013-10-08) give the board the same files give with --equity',
  existsSync(LEAN) ? {} : { skip: 'needs ../shared/data/lean-us-equity-ticks-2013-10' }, async () => {
    const store = mkdtempSync(join(tmpdir(), 'sm-leaderboard-store-'));
    try {
      const [ibmT, ibmQ, aigT] = ['IBM_2013-10-08_trades.csv.gz', 'IBM_2013-10-08_quotes.csv.gz', 'AIG_2013-10-08_trades.csv.gz'].map((f) => join(LEAN, f)) as [string, string, string];
      assert.equal(await ingestCommand.run([ibmT, ibmQ, aigT, '--data', store, '--no-signals'], captureIo()), 0);
      for (const extra of [['--date', '2013-10-08'], ['--date', '2013-10-08', '--at', '2013-10-08T11:00:00-04:00']]) {
        const files = captureIo(), stored = captureIo();
        assert.equal(await leaderboardCommand.run(['--equity', ibmT, '--equity', aigT, '--equity-quotes', ibmQ, ...extra], files), 0);
        assert.equal(await leaderboardCommand.run(['--data', store, ...extra], stored), 0);
        assert.equal(stored.out(), files.out(), extra.join(' '));
        const body = JSON.parse(stored.out()) as { rows: { symbol: string; dark_pool: number | null }[] };
        assert.deepEqual(body.rows.map((r) => [r.symbol, r.dark_pool !== null]).sort(), [['AIG', true], ['IBM', true]]);
      }
    } finally {
      rmSync(store, { recursive: true, force: true });
    }
  });
