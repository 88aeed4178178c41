import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPRA_VENUES } from './opra-venues.ts';

test('sixteen distinct one-letter OPRA participant codes whose shares sum to 100%', () => {
  assert.equal(OPRA_VENUES.length, 16);
  assert.equal(new Set(OPRA_VENUES.map((v) => v.code)).size, 16);
  assert.ok(OPRA_VENUES.every((v) => /^[A-Z]$/.test(v.code) && v.share > 0));
  assert.equal(OPRA_VENUES.reduce((s, v) => s + v.share, 0), 100);
});

test('the codes agree with the OPRA letters a vendor publishes (Alpaca options exchange map: C = CBOE, X = PHLX, Z = BATS)', () => {
  const byCode = new Map(OPRA_VENUES.map((v) => [v.code, v.name]));
  assert.match(byCode.get('C') ?? '', /Cboe Options/);
  assert.match(byCode.get('X') ?? '', /PHLX/);
  assert.match(byCode.get('Z') ?? '', /BZX/);
  assert.match(byCode.get('W') ?? '', /C2/);
  assert.match(byCode.get('H') ?? '', /Gemini/);
});
