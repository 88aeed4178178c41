import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from './build-server.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from './server-settings.ts';

const GREEKS = '/v1/pricing/greeks?spot=580&strike=580&dte=30&sigma=0.18&type=call';

test('keys off (the default): every request is served, whatever key it carries', async () => {
  const app = await buildServer(new InMemoryMarketData());
  try {
    assert.equal((await app.inject({ method: 'GET', url: GREEKS })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: GREEKS, headers: { 'x-api-key': 'anything' } })).statusCode, 200);
  } finally {
    await app.close();
  }
});

test('keys on: 401 missing_api_key without one, 403 invalid_api_key with another, 200 with a right one in X-Api-Key or ?apiKey; health and docs stay public', async () => {
  const app = await buildServer(new InMemoryMarketData(), { ...DEFAULT_SERVER_SETTINGS, apiKeys: ['k-one', 'k-two'] });
  try {
    const missing = await app.inject({ method: 'GET', url: GREEKS });
    assert.equal(missing.statusCode, 401);
    assert.equal(JSON.parse(missing.body).error, 'missing_api_key');
    const wrong = await app.inject({ method: 'GET', url: GREEKS, headers: { 'x-api-key': 'k-on' } });
    assert.equal(wrong.statusCode, 403);
    assert.deepEqual(Object.keys(JSON.parse(wrong.body)), ['error', 'message']);
    assert.equal(JSON.parse(wrong.body).error, 'invalid_api_key');
    assert.equal((await app.inject({ method: 'GET', url: GREEKS, headers: { 'x-api-key': 'k-two' } })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: `${GREEKS}&apiKey=k-one` })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: `${GREEKS}&apiKey=nope` })).statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url: '/v1/flow/signals/SPY' })).statusCode, 401, 'data endpoints too, before any lookup');
    for (const url of ['/health', '/v1/health', '/openapi.json', '/docs/']) {
      assert.equal((await app.inject({ method: 'GET', url })).statusCode, 200, url);
    }
  } finally {
    await app.close();
  }
});
