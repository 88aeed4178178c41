import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './build-server.ts';
import { registerDashboard } from './dashboard-routes.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';

// A stand-in for web/dist with the layout Vite writes: index.html, hashed files under assets/, a root file.
const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-Ab12.js"></script></body></html>';
const BUNDLE = 'console.log("dashboard")';
let dist = '';
let app: FastifyInstance;

before(async () => {
  dist = mkdtempSync(join(tmpdir(), 'sm-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-Ab12.js'), BUNDLE);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // Registered after buildServer has returned, as serve/demo will do it.
  app = await buildServer(new InMemoryMarketData());
  await registerDashboard(app, dist);
});

after(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

test('the dashboard: / and every page path answer index.html (SPA fallback), revalidated on each load', async () => {
  for (const url of ['/', '/symbol/SPY', '/symbol/BRK.B', '/crypto/BTC?from=2025-01-01', '/smi/SPY', '/watchlist', '/no/such/page']) {
    const r = await app.inject({ url });
    assert.equal(r.statusCode, 200, url);
    assert.match(r.headers['content-type'] as string, /^text\/html/, url);
    assert.equal(r.body, INDEX, url);
    assert.equal(r.headers['cache-control'], 'no-cache', url);
  }
  const head = await app.inject({ method: 'HEAD', url: '/symbol/SPY' });
  assert.equal(head.statusCode, 200);
});

test('the dashboard: hashed bundle files are served with a year of immutable caching; root files as they are', async () => {
  const js = await app.inject({ url: '/assets/index-Ab12.js' });
  assert.equal(js.statusCode, 200);
  assert.match(js.headers['content-type'] as string, /javascript/);
  assert.equal(js.body, BUNDLE);
  assert.match(js.headers['cache-control'] as string, /max-age=31536000.*immutable/);
  const svg = await app.inject({ url: '/favicon.svg' });
  assert.equal(svg.statusCode, 200);
  assert.match(svg.headers['content-type'] as string, /svg/);
});

test('the dashboard: a missing bundle file or a path escaping dist is not answered with a page or a file', async () => {
  const missing = await app.inject({ url: '/assets/index-Zz99.js' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error, 'not_found');
  for (const url of ['/assets/../../../etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
    const r = await app.inject({ url });
    // Either refused, or (the URL normalised to /etc/passwd) a page path: never a file outside dist.
    assert.ok(r.statusCode !== 200 || r.body === INDEX, `${url}: ${r.statusCode}`);
    assert.doesNotMatch(r.body, /root:/, url);
  }
});

test('the dashboard never shadows the API: /health, /openapi.json, /docs and /v1 answer as before; an unknown /v1 path is the JSON 404', async () => {
  const health = await app.inject({ url: '/health' });
  assert.equal(health.statusCode, 200);
  assert.equal(health.json().status, 'ok');
  const openapi = await app.inject({ url: '/openapi.json' });
  assert.equal(openapi.statusCode, 200);
  assert.ok(openapi.json().openapi.startsWith('3'));
  const docs = await app.inject({ url: '/docs' });
  assert.notEqual(docs.body, INDEX);
  const unknownSymbol = await app.inject({ url: '/v1/flow/signals/SPY' });
  assert.equal(unknownSymbol.statusCode, 404);
  assert.equal(unknownSymbol.json().error, 'unknown_symbol');
  for (const url of ['/v1/no/such/endpoint', '/v1', '/v1/flow/no-such-endpoint?x=1', '/health/x', '/docs-not']) {
    const r = await app.inject({ url });
    if (url === '/docs-not') {
      // Not an API path: a page path like any other.
      assert.equal(r.body, INDEX);
      continue;
    }
    assert.equal(r.statusCode, 404, url);
    assert.deepEqual(Object.keys(r.json()), ['error', 'message'], url);
    assert.equal(r.json().error, 'not_found', url);
  }
  const post = await app.inject({ method: 'POST', url: '/symbol/SPY' });
  assert.equal(post.statusCode, 404);
  assert.equal(post.json().error, 'not_found');
});

test('registerDashboard refuses a folder without index.html, naming it and the build command', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'sm-dist-empty-'));
  const other = await buildServer(new InMemoryMarketData());
  try {
    await assert.rejects(registerDashboard(other, empty), (e: Error) => e.message.includes(join(empty, 'index.html')) && e.message.includes('npm run build:web'));
  } finally {
    await other.close();
    rmSync(empty, { recursive: true, force: true });
  }
});
