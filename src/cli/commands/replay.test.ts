import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../../synthetic/tape-generator.ts';
import { buildServer } from '../../server/build-server.ts';
import { InMemoryMarketData, loadMarketData } from '../../server/in-memory-market-data.ts';
import { replayCommand, replayTape, replayTogether } from './replay.ts';

let dir = '';
let tape = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-replay-'));
  await generateSyntheticTape({ symbols: 3, prints: 1500, seed: 31, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  tape = join(dir, 'trades.csv');
});

after(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  return { stream, text: () => text };
}

test('replayed through HTTP at high speed, the server answers every symbol\'s signals and summary byte for byte as when it loads the file directly', async () => {
  const live = await buildServer(new InMemoryMarketData());
  const base = await live.listen({ port: 0, host: '127.0.0.1' });
  const out = sink(), err = sink();
  const code = await replayCommand.run([tape, '--speed', '20000', '--batch-ms', '40', '--url', base], { stdout: out.stream, stderr: err.stream });
  assert.equal(code, 0, err.text());
  assert.match(err.text(), /replay: done, 1500 prints in \d+ batches; the server accepted 1500 and rejected 0/);
  const direct = await buildServer((await loadMarketData({ trades: [tape], chains: [] })).data);
  const symbols = await (await loadMarketData({ trades: [tape], chains: [] })).data.symbols();
  assert.equal(symbols.length, 3);
  for (const s of symbols) {
    for (const url of [`/v1/flow/signals/${s}/summary`, `/v1/flow/signals/${s}?limit=500`]) {
      const a = await live.inject({ method: 'GET', url });
      const b = await direct.inject({ method: 'GET', url });
      assert.equal(a.statusCode, 200);
      assert.equal(a.body, b.body);
    }
  }
  await Promise.all([live.close(), direct.close()]);
});

test('rhythm: on a virtual clock each batch leaves when its latest print is due at (ts − ts₀) / speed, never earlier, and spans at most batch-ms × speed of tape', async () => {
  let clock = 0;
  const sends: { at: number; ts: number[] }[] = [];
  const speed = 500, batchMs = 100;
  const r = await replayTape({
    file: tape, url: 'http://unused', speed, batchMs,
    now: () => clock,
    sleep: async (ms) => { clock += ms; },
    post: async (_url, body) => {
      const ts = body.trimEnd().split('\n').map((l) => Date.parse((JSON.parse(l) as { ts: string }).ts));
      sends.push({ at: clock, ts });
      return { status: 200, text: JSON.stringify({ accepted: ts.length, rejected: 0, excluded: 0, rejections: [] }) };
    },
  });
  assert.equal(r.sent, 1500);
  const t0 = sends[0]?.ts[0] as number;
  for (const s of sends) {
    const last = Math.max(...s.ts), first = Math.min(...s.ts);
    assert.ok(Math.abs(s.at - (last - t0) / speed) < 1e-6, `batch sent at ${s.at}, due at ${(last - t0) / speed}`);
    assert.ok(last - first < batchMs * speed);
  }
  assert.ok(sends.length > 10);
  // Speed 0: no sleeping at all.
  let slept = 0;
  await replayTape({ file: tape, url: 'http://unused', speed: 0, batchMs, now: () => 0, sleep: async () => { slept++; }, post: async (_u, body) => ({ status: 200, text: JSON.stringify({ accepted: body.trimEnd().split('\n').length, rejected: 0 }) }) });
  assert.equal(slept, 0);
});

test('options and equity tapes replayed together share one clock: each batch leaves at (ts − the earlier tape\'s first print) / speed', async () => {
  const both = mkdtempSync(join(tmpdir(), 'sm-replay-eq-'));
  await generateSyntheticTape({ symbols: 3, prints: 1500, seed: 31, date: DEFAULT_TAPE_DATE, outDir: both, gzip: false, equityPrints: 3000 });
  let clock = 0;
  const sends: { url: string; at: number; ts: number[] }[] = [];
  const speed = 2000;
  const [options, equity] = await replayTogether({
    file: join(both, 'trades.csv'), equityFile: join(both, 'equity.csv'), url: 'http://x', speed, batchMs: 100,
    now: () => clock,
    sleep: async (ms) => { clock += ms; },
    post: async (url, body) => {
      const ts = body.trimEnd().split('\n').map((l) => Date.parse((JSON.parse(l) as { ts: string }).ts));
      sends.push({ url, at: clock, ts });
      return { status: 200, text: JSON.stringify({ accepted: ts.length, rejected: 0 }) };
    },
  });
  assert.equal(options?.sent, 1500);
  assert.ok((equity?.sent ?? 0) >= 3000);
  assert.ok(sends.some((s) => s.url.endsWith('/v1/ingest/equity-trades')));
  assert.ok(sends.some((s) => s.url.endsWith('/v1/ingest/options-trades')));
  const t0 = Math.min(...sends.flatMap((s) => s.ts));
  // The equity tape opens at 08:00, the options at 09:30: the first option batch waits 90 minutes / speed.
  const firstOption = sends.find((s) => s.url.endsWith('options-trades'));
  assert.ok(firstOption !== undefined && firstOption.at >= (Math.max(...firstOption.ts) - t0) / speed - 1e-6);
  assert.ok((firstOption?.at ?? 0) > 90 * 60_000 / speed * 0.99);
  rmSync(both, { recursive: true, force: true });
});

test('usage and an unreachable server are reported, not thrown', async () => {
  const err = sink();
  const io = { stdout: sink().stream, stderr: err.stream };
  await assert.rejects(replayCommand.run([tape], io), /--speed is required/);
  await assert.rejects(replayCommand.run([tape, '--speed=-1'], io), /--speed was "-1"/);
  assert.equal(await replayCommand.run([tape, '--speed', '0', '--url', 'http://127.0.0.1:1'], io), 1);
  assert.match(err.text(), /cannot reach http:\/\/127\.0\.0\.1:1/);
});
