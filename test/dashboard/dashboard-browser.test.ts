import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { generateSyntheticTape } from '../../src/synthetic/tape-generator.ts';
import type { IsoDate } from '../../src/core/units.ts';
import { buildServer } from '../../src/server/build-server.ts';
import { registerDashboard } from '../../src/server/dashboard-routes.ts';
import { InMemoryMarketData } from '../../src/server/in-memory-market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from '../../src/server/server-settings.ts';
import { loadSmiBars } from '../../src/server/smi-bars-data.ts';
import { loadCryptoFileData } from '../../src/server/crypto-file-data.ts';
import { loadEquityDarkPool } from '../../src/server/equity-dark-pool.ts';

/**
 * The dashboard in a real browser (Debian's chromium driven by playwright-core) against a real server over two
 * generated SYNTHETIC days (src/synthetic; the numbers are the server's, this test only checks that the pages
 * show them and react), with their SYNTHETIC equity tapes for the dark pool and the price candles, and the real LEAN
 * SPY hourly bars for the SMI (test-fixtures/smi). Screenshots go to
 * test-results/dashboard/. Skips when /usr/bin/chromium is absent (.ci/run installs it with apt).
 */

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIST = join(ROOT, 'web', 'dist');
const SHOTS = join(ROOT, 'test-results', 'dashboard');
const SMI_BARS = join(ROOT, 'test-fixtures', 'smi', 'SPY_hourly_2019-2021.csv.gz');
const CRYPTO = join(ROOT, 'test-fixtures', 'crypto', 'btc-demo.json');
const DAYS = ['2025-03-13', '2025-03-14'] as IsoDate[];
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium; .ci/run does it)`;

let dir = '';
let profile = '';
let app: FastifyInstance;
let base = '';
let browser: BrowserContext;
let page: Page;
/** The last day's prints held back: posted while the page is open, to see a live update arrive. */
let heldBack = '';
/** The first part of `heldBack` (the leaderboard's live test posts the rest) and the last day's equity prints after 14:30 ET. */
let heldBackFirst = '';
let equityHeldBack = '';
/** Uncaught errors in the page: none expected. */
const pageErrors: string[] = [];

async function post(path: string, body: string): Promise<void> {
  const r = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
  assert.equal(r.status, 200, `${path}: ${await r.text()}`);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

before(async () => {
  if (skip !== false) return;
  if (!existsSync(join(DIST, 'index.html'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'sm-dash-'));
  const { data: smi } = await loadSmiBars([['SPY', SMI_BARS]]);
  const { data: crypto } = await loadCryptoFileData(CRYPTO);
  // The equity tapes (SYNTHETIC, 20,000 continuous prints a day) loaded as `serve --equity` does, the last day's
  // prints from 14:30 ET on held back for the live candle test.
  const equityFiles: string[] = [];
  for (const [i, date] of DAYS.entries()) {
    const out = join(dir, date);
    await generateSyntheticTape({ symbols: 5, prints: 6000, seed: 31 + i, date, outDir: out, gzip: false, equityPrints: 20_000 });
    if (i < DAYS.length - 1) {
      equityFiles.push(join(out, 'equity.csv'));
      continue;
    }
    const cut = Date.parse(`${date}T14:30:00-04:00`);
    const [header, ...rows] = readFileSync(join(out, 'equity.csv'), 'utf8').trimEnd().split('\n');
    const before = (row: string) => Date.parse(row.slice(0, row.indexOf(','))) < cut;
    writeFileSync(join(out, 'equity-morning.csv'), [header, ...rows.filter(before)].join('\n'));
    equityFiles.push(join(out, 'equity-morning.csv'));
    equityHeldBack = [header, ...rows.filter((r) => !before(r))].join('\n');
  }
  const { data: darkPool, loads } = await loadEquityDarkPool({ trades: equityFiles, quotes: [] }, true);
  assert.deepEqual(loads.map((l) => l.report.rejected), [0, 0]);
  app = await buildServer(new InMemoryMarketData(), DEFAULT_SERVER_SETTINGS, undefined, { smi, crypto, darkPool });
  await registerDashboard(app, DIST);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const [i, date] of DAYS.entries()) {
    const out = join(dir, date);
    await post('/v1/ingest/chains', readFileSync(join(out, 'chains.csv'), 'utf8'));
    const lines = readFileSync(join(out, 'trades.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0] as string;
    const rows = lines.slice(1);
    const last = i === DAYS.length - 1;
    const cut = last ? Math.floor(rows.length * 0.85) : rows.length;
    await post('/v1/ingest/options-trades', [header, ...rows.slice(0, cut)].join('\n'));
    if (last) {
      const half = cut + Math.floor((rows.length - cut) / 2);
      heldBackFirst = [header, ...rows.slice(cut, half)].join('\n');
      heldBack = [header, ...rows.slice(half)].join('\n');
    }
  }
  profile = mkdtempSync(join(tmpdir(), 'sm-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 768 },
  });
  page = browser.pages()[0] ?? await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

after(async () => {
  if (skip !== false) return;
  assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  await browser?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const cellTexts = (testId: string, column: number) =>
  page.locator(`[data-testid="${testId}"] tbody tr[data-row] td:nth-child(${column})`).allInnerTexts();

test('leaderboard: rows and tiles of the latest day, another date, sorting by score, following a symbol', { skip }, async () => {
  await page.goto(`${base}/`);
  const table = page.getByTestId('leaderboard-table');
  await table.waitFor();
  assert.match(await page.getByTestId('as-of').innerText(), /^2025-03-14/);
  const board = await (await fetch(`${base}/v1/smart-money/leaderboard?limit=100`)).json() as { rows: { symbol: string }[] };
  assert.deepEqual(await cellTexts('leaderboard-table', 2), board.rows.map((r) => r.symbol), 'rows in the server\'s rank order');
  assert.match(await page.getByTestId('tiles').innerText(), /Total Premium\s+\$[\d.]+[KMB]/);
  await shot('leaderboard');

  await page.locator('select[name="date"]').selectOption('2025-03-13');
  await page.waitForURL(/date=2025-03-13/);
  await page.getByTestId('as-of').filter({ hasText: '2025-03-13' }).waitFor();
  await table.waitFor();
  await shot('leaderboard-2025-03-13');

  // Sort by score: the header button toggles, aria-sort says which way, the column follows.
  const scoreHeader = page.locator('[data-testid="leaderboard-table"] th', { hasText: /^Score/ });
  await scoreHeader.getByRole('button').click();
  const first = await scoreHeader.getAttribute('aria-sort');
  assert.ok(first === 'ascending' || first === 'descending', `aria-sort ${first}`);
  const scores = (await cellTexts('leaderboard-table', 4)).map(Number);
  const sorted = [...scores].sort((a, b) => (first === 'ascending' ? a - b : b - a));
  assert.deepEqual(scores, sorted);
  // From the keyboard too: focus the header button, press Enter, the order flips.
  await scoreHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  assert.notEqual(await scoreHeader.getAttribute('aria-sort'), first);

  // A row opens the numbers behind it: the four sub-scores' inputs, the weights used, the signed evidence.
  await page.locator('[data-testid="leaderboard-table"] tbody tr[data-row]').first().locator('td').nth(3).click();
  const detail = page.getByTestId('conviction-breakdown');
  await detail.waitFor();
  for (const section of ['Options flow', 'Dark pool', 'Alert cluster', 'Greek positioning']) {
    assert.ok(await detail.getByRole('region', { name: section }).isVisible(), section);
  }
  assert.match(await detail.innerText(), /signed evidence -?\d\.\d{3}/);
  await shot('leaderboard-breakdown');

  const symbol = (await cellTexts('leaderboard-table', 2))[0] as string;
  await page.locator('[data-testid="leaderboard-table"] a', { hasText: symbol }).first().click();
  await page.waitForURL(new RegExp(`/symbol/${symbol}$`));
  await page.getByTestId('signals-table').waitFor();
  assert.match(await page.locator('h1').innerText(), new RegExp(symbol));
});

test('symbol page: filters narrow the signals, a row opens its six-component breakdown, charts and tilt render', { skip }, async () => {
  await page.goto(`${base}/symbol/SPY`);
  await page.getByTestId('signals-table').waitFor();
  await page.getByTestId('summary').waitFor();
  await page.getByTestId('price-chart').locator('canvas').first().waitFor();
  await page.getByTestId('gex-chart').locator('canvas').first().waitFor();
  // The day's 5-minute candles from the equity tape (the prints up to 14:30 ET): as many as the server's bars.
  const bars = await (await fetch(`${base}/v1/bars/SPY?date=2025-03-14&interval=5`)).json() as { bars: { t: string; close: number | null }[] };
  const priced = bars.bars.filter((b) => b.close !== null).length;
  assert.ok(priced >= 50 && priced <= 60, `09:30–14:30 is 60 five-minute bars; the server has ${priced} priced`);
  await page.locator(`[data-testid="price-chart"][data-drawn="candles"][data-bars="${priced}"]`).waitFor();
  assert.match(await page.getByTestId('price-source').innerText(), /5-minute bars of the 2025-03-14 equity tape/);
  assert.equal(await page.locator('[data-testid="price-chart"] a#tv-attr-logo, [data-testid="price-chart"] a[href*="tradingview"]').count(), 1, 'TradingView attribution');
  await shot('symbol-SPY');

  await page.locator('input[name="minScore"]').fill('60');
  await page.locator('select[name="intent"]').selectOption('bearish');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/minScore=60/);
  await page.waitForURL(/intent=bearish/);
  const expected = await (await fetch(`${base}/v1/flow/signals/SPY?minScore=60&intent=bearish`)).json() as { count: number; signals: { score: number }[] };
  assert.ok(expected.count > 0, 'the synthetic day has bearish signals scored 60 or more');
  try {
    await page.waitForFunction(`document.querySelectorAll('[data-testid="signals-table"] tbody tr[data-row]').length === ${expected.count}`);
  } catch (e) {
    const n = await page.evaluate(`document.querySelectorAll('[data-testid="signals-table"] tbody tr[data-row]').length`);
    const again = await (await fetch(`${base}/v1/flow/signals/SPY?minScore=60&intent=bearish`)).json() as { count: number; as_of: string };
    // Say what differed: the table's rows, the count expected, and the API's answer now.
    console.error('signals table rows', n, 'expected', expected.count, 'API now', again.count, again.as_of, page.url());
    throw e;
  }
  for (const intent of await cellTexts('signals-table', 8)) assert.equal(intent, 'bearish');
  for (const score of await cellTexts('signals-table', 10)) assert.ok(Number(score) >= 60, score);

  // The first row's breakdown, opened from the keyboard: six components that add up to the score.
  const row = page.locator('[data-testid="signals-table"] tbody tr[data-row]').first();
  await row.focus();
  await page.keyboard.press('Space');
  const detail = page.getByTestId('breakdown-detail').first();
  await detail.waitFor();
  const values = (await detail.locator('dd').allInnerTexts()).map(Number);
  assert.equal(values.length, 7, 'six components and the score');
  const score = values.pop() as number;
  assert.equal(values.reduce((a, b) => a + b, 0), score, 'the breakdown sums to the score (seed 004)');
  assert.equal(score, expected.signals.map((s) => s.score).sort((a, b) => b - a)[0]);
  await shot('symbol-SPY-filtered-breakdown');
});

test('symbol page live: equity prints posted while it is open add candles (re-read on the next stream event); without bars it falls back to snapshots', { skip }, async () => {
  await page.goto(`${base}/symbol/SPY`);
  const chart = page.getByTestId('price-chart');
  await page.locator('[data-testid="price-chart"][data-drawn="candles"]').waitFor();
  const before = Number(await chart.getAttribute('data-bars'));
  await post('/v1/ingest/equity-trades', equityHeldBack);
  await post('/v1/ingest/options-trades', heldBackFirst);
  const after = await (await fetch(`${base}/v1/bars/SPY?date=2025-03-14`)).json() as { bars: { close: number | null }[] };
  const priced = after.bars.filter((b) => b.close !== null).length;
  assert.equal(priced, 78, 'the whole session now: 09:30–16:00 in 5-minute bars');
  assert.ok(before < priced);
  await page.locator(`[data-testid="price-chart"][data-bars="${priced}"]`).waitFor({ timeout: 20_000 });
  await shot('symbol-SPY-candles-live');
  await chart.screenshot({ path: join(SHOTS, 'price-chart-SPY-candles.png') });

  // A server without bars for the day (404): the chart is today's line of reported prices.
  await page.route('**/v1/bars/**', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: 'no_data', message: 'no bars' }) }));
  await page.reload();
  await page.locator('[data-testid="price-chart"][data-drawn="snapshots"]').waitFor();
  await page.getByTestId('price-chart').locator('canvas').first().waitFor();
  assert.match(await page.getByTestId('price-source').innerText(), /reported by the server/);
  await page.unroute('**/v1/bars/**');
});

test('live: prints posted while the leaderboard is open update it and the last-update time', { skip }, async () => {
  await page.goto(`${base}/`);
  await page.getByTestId('leaderboard-table').waitFor();
  await page.getByTestId('live-status').filter({ hasText: /^live$/ }).waitFor();
  // The board's as-of is its latest option or equity print (the equity tape runs to 18:00 ET, so it may not move);
  // the options premium tile does: the held-back prints add premium.
  const premiumTile = page.getByTestId('tiles').locator('.tile', { hasText: 'Total Premium' }).locator('.tile-value');
  const premium = await premiumTile.innerText();
  const updated = await page.getByTestId('last-update').getAttribute('datetime');
  await post('/v1/ingest/options-trades', heldBack);
  const moved = `(() => { const t = [...document.querySelectorAll('[data-testid="tiles"] .tile')].find((x) => x.textContent.includes('Total Premium')); `
    + `return t !== undefined && t.querySelector('.tile-value').textContent !== ${JSON.stringify(premium)}; })()`;
  await page.waitForFunction(moved, undefined, { timeout: 20_000 });
  assert.notEqual(await page.getByTestId('last-update').getAttribute('datetime'), updated);
  const latest = await (await fetch(`${base}/v1/smart-money/leaderboard`)).json() as { tiles: { total_premium: number } };
  assert.notEqual(await premiumTile.innerText(), premium, `the tile follows the board (now ${latest.tiles.total_premium})`);
  await shot('leaderboard-live');

  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByTestId('live-status').filter({ hasText: 'paused' }).waitFor();
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByTestId('live-status').filter({ hasText: /^live$/ }).waitFor();
});

test('SMI page: the index against the close on two scales with divergences, from the real SPY bars', { skip }, async () => {
  await page.goto(`${base}/smi/SPY?from=2020-01-01&to=2020-12-31`);
  await page.getByTestId('smi-chart').locator('canvas').first().waitFor();
  const body = await (await fetch(`${base}/v1/smi/SPY?from=2020-01-01&to=2020-12-31`)).json() as { divergences: unknown[] };
  assert.ok(body.divergences.length > 0);
  await page.getByRole('heading', { name: `Divergences and confirmations (${body.divergences.length})` }).waitFor();
  await shot('smi-SPY-2020');
});

test('crypto page: the score gauge in its band, the pillars, the history chart and the alerts from the real BTC fixture', { skip }, async () => {
  const body = await (await fetch(`${base}/v1/crypto/smart-money-score/BTC`)).json() as { score: number; band: string; alerts: unknown[] };
  await page.goto(`${base}/crypto/BTC`);
  await page.getByTestId('gauge').waitFor();
  assert.equal(await page.getByTestId('band').textContent(), body.band.replace(/_/g, ' '));
  await page.getByTestId('crypto-chart').locator('canvas').first().waitFor();
  await page.getByRole('heading', { name: `Alerts (${body.alerts.length})` }).waitFor();
  await shot('crypto-BTC');
});

test('a page whose endpoint this server lacks says so instead of failing', { skip }, async () => {
  await page.goto(`${base}/symbol/SPY`);
  await page.getByTestId('signals-table').waitFor();
  const probe = await fetch(`${base}/v1/darkpool/SPY/levels`);
  if (probe.status === 404 && (await probe.json() as { error: string }).error === 'not_found') {
    await page.getByText('Dark pool levels: not available on this server.').waitFor();
  }
  await page.goto(`${base}/no/such/page`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
});

test('phone (390×844) and dark theme: pages fit the width; the theme is remembered across a reload', { skip }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/`);
  await page.getByTestId('leaderboard-table').waitFor();
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as number;
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px (only tables may)`);
  await page.getByTestId('theme-toggle').click();
  const theme = await page.evaluate('document.documentElement.dataset.theme') as string;
  await page.reload();
  await page.getByTestId('leaderboard-table').waitFor();
  assert.equal(await page.evaluate('document.documentElement.dataset.theme'), theme);
  await shot(`leaderboard-phone-${theme}`);
  await page.goto(`${base}/symbol/QQQ`);
  await page.getByTestId('signals-table').waitFor();
  await shot(`symbol-QQQ-phone-${theme}`);
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('a server started with --api-key: the pages ask for the key, a wrong one is refused, the right one is kept and used by reads and the stream', { skip }, async () => {
  const key = 'dashboard-key-0001';
  const keyed = await buildServer(new InMemoryMarketData(), { ...DEFAULT_SERVER_SETTINGS, apiKeys: [key] });
  await registerDashboard(keyed, DIST);
  const keyedBase = await keyed.listen({ port: 0, host: '127.0.0.1' });
  const out = join(dir, DAYS[0] as string);
  for (const [path, file] of [['/v1/ingest/chains', 'chains.csv'], ['/v1/ingest/options-trades', 'trades.csv']] as const) {
    const r = await fetch(`${keyedBase}${path}`, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-api-key': key }, body: readFileSync(join(out, file), 'utf8') });
    assert.equal(r.status, 200);
  }
  try {
    await page.goto(`${keyedBase}/`);
    const form = page.getByTestId('api-key-form').first();
    await form.waitFor();
    await form.locator('input[name="apiKey"]').fill('not-the-key-000');
    await form.getByRole('button', { name: 'Use key' }).click();
    await page.getByText('That key was refused').first().waitFor();
    await shot('api-key-refused');
    const again = page.getByTestId('api-key-form').first();
    await again.locator('input[name="apiKey"]').fill(key);
    await again.getByRole('button', { name: 'Use key' }).click();
    await page.getByTestId('leaderboard-table').waitFor();
    // The stream carries the key as a query parameter: the badge goes live.
    await page.getByText('live', { exact: true }).first().waitFor();
    assert.equal(await page.evaluate('localStorage.getItem("smartmoney.apiKey")'), key);
    await shot('api-key-accepted');
  } finally {
    await keyed.close();
  }
});
