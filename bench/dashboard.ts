// Dashboard benchmark (issue 7): time to the first usable page on localhost with a full demo day loaded, and the
// production bundle's size. Not a test: it measures and prints, it asserts nothing.
//
//   npm run build:web && node --import tsx bench/dashboard.ts [--runs 5] [--prints 300000] [--symbols 40]
//
// The day is `smartmoney demo`'s (same generator, seed and size: SYNTHETIC), posted into an in-memory server
// through the live ingest endpoint, which also serves web/dist (registerDashboard). Each run opens a fresh
// browser context (empty HTTP cache) and measures, with the page's own clock (performance.now(), 0 = the
// navigation's start), when the leaderboard's first row and then a symbol page's first signal row are on screen.
// The first run also pays the server's first computation of the board; later runs read its caches.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { buildServer } from '../src/server/build-server.ts';
import { registerDashboard } from '../src/server/dashboard-routes.ts';
import { InMemoryMarketData } from '../src/server/in-memory-market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from '../src/server/server-settings.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../src/synthetic/tape-generator.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'web', 'dist');
const CHROMIUM = '/usr/bin/chromium';
const { values } = parseArgs({ options: { runs: { type: 'string' }, prints: { type: 'string' }, symbols: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const prints = Number(values.prints ?? 300_000);
const symbols = Number(values.symbols ?? 40);

function bundleSizes(): void {
  const assets = join(DIST, 'assets');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  let raw = 0, gz = 0, firstRaw = 0, firstGz = 0;
  const rows: string[] = [];
  for (const f of readdirSync(assets).sort()) {
    const bytes = readFileSync(join(assets, f));
    const g = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += g;
    // What the first page (the leaderboard) loads: the files index.html names.
    const first = html.includes(`/assets/${f}`);
    if (first) {
      firstRaw += bytes.length;
      firstGz += g;
    }
    rows.push(`  ${f.padEnd(36)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  gzip ${(g / 1024).toFixed(1).padStart(6)} KB${first ? '  (first page)' : ''}`);
  }
  console.log('bundle (web/dist/assets):');
  console.log(rows.join('\n'));
  console.log(`  total ${(raw / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB; first page ${(firstRaw / 1024).toFixed(1)} KB, gzip ${(firstGz / 1024).toFixed(1)} KB`);
}

async function post(base: string, path: string, body: string): Promise<void> {
  const r = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${(await r.text()).slice(0, 300)}`);
}

/** performance.now() in the page when `selector` first matches (checked every animation frame). */
async function renderedAt(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(`document.querySelector(${JSON.stringify(selector)}) ? performance.now() : 0`, undefined, { timeout: 120_000 });
  return await handle.jsonValue() as number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist is missing: run npm run build:web first');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  bundleSizes();

  const dir = join(ROOT, '.bench-tmp', `dashboard-demo-${symbols}-${prints}`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    mkdirSync(dir, { recursive: true });
    await generateSyntheticTape({ symbols, prints, seed: 20250314, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  }
  const app = await buildServer(new InMemoryMarketData(), DEFAULT_SERVER_SETTINGS);
  await registerDashboard(app, DIST);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const t0 = performance.now();
  await post(base, '/v1/ingest/chains', readFileSync(join(dir, 'chains.csv'), 'utf8'));
  await post(base, '/v1/ingest/options-trades', readFileSync(join(dir, 'trades.csv'), 'utf8'));
  const tradesMb = statSync(join(dir, 'trades.csv')).size / 1e6;
  console.log(`\nSYNTHETIC demo day: ${prints.toLocaleString('en-US')} prints (${tradesMb.toFixed(1)} MB), ${symbols} underlyings, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const board = await (await fetch(`${base}/v1/smart-money/leaderboard?limit=1`)).json() as { rows?: { symbol: string }[] };
  const symbol = board.rows?.[0]?.symbol ?? 'SPY';

  const profile = mkdtempSync(join(tmpdir(), 'sm-bench-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const lb: number[] = [], sym: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${base}/`, { waitUntil: 'commit' });
      lb.push(await renderedAt(page, '[data-testid="leaderboard-table"] tbody tr'));
      await page.goto(`${base}/symbol/${symbol}`, { waitUntil: 'commit' });
      sym.push(await renderedAt(page, '[data-testid="signals-table"] tbody tr'));
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const fmt = (xs: number[]) => `first ${xs[0]?.toFixed(0)} ms, then median ${median(xs.slice(1)).toFixed(0)} ms (${xs.slice(1).map((x) => x.toFixed(0)).join(', ')})`;
  console.log(`\ntime to first usable page (navigation start → first row rendered; headless chromium, 1366×768, localhost):`);
  console.log(`  leaderboard /            ${fmt(lb)}`);
  console.log(`  symbol /symbol/${symbol.padEnd(8)} ${fmt(sym)}  (loads the chart chunk too)`);
}

await main();
