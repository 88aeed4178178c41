import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { isoDate } from '../core/units.ts';
import { timestampMs } from '../ingest/timestamp.ts';
import { newYorkDayClock } from './new-york-day-clock.ts';

test('offsets follow US daylight saving: EST before 2025-03-09, EDT from it (Energy Policy Act 2005 rules)', () => {
  assert.equal(newYorkDayClock(isoDate('2025-03-07')).offsetMinutes, -300);
  assert.equal(newYorkDayClock(isoDate('2025-03-10')).offsetMinutes, -240);
  assert.equal(newYorkDayClock(isoDate('2025-11-03')).offsetMinutes, -300);
});

test('the brief example 2025-03-14 10:31:07.250 New York formats as 2025-03-14T10:31:07.250-04:00', () => {
  const c = newYorkDayClock(isoDate('2025-03-14'));
  const ts = c.epochAt(10 * 60 + 31, 7250);
  assert.equal(ts, Date.parse('2025-03-14T14:31:07.250Z'));
  assert.equal(c.format(ts), '2025-03-14T10:31:07.250-04:00');
});

test('format agrees with Temporal and round-trips through the ingest timestamp parser (property)', () => {
  const c = newYorkDayClock(isoDate('2024-11-04'));
  const open = c.epochAt(180);
  fc.assert(fc.property(fc.integer({ min: 0, max: 21 * 3_600_000 - 1 }), (dt) => {
    const ts = open + dt;
    const text = c.format(ts);
    const t = Temporal.Instant.fromEpochMilliseconds(ts).toZonedDateTimeISO('America/New_York');
    return timestampMs(text, 'ts') === ts
      && text.slice(0, 23) === t.toPlainDateTime().toString({ fractionalSecondDigits: 3 })
      && text.endsWith(t.offset);
  }));
});

test('format rejects instants outside the fixed-offset part of the day, quoting the value', () => {
  const c = newYorkDayClock(isoDate('2025-03-09'));
  assert.throws(() => c.format(c.epochAt(60)), /ts was \d+; expected/);
  assert.throws(() => c.format(c.epochAt(1440)), /ts was/);
});
