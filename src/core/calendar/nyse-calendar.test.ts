import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNyseEarlyClose, isNyseTradingDay, nyseCloseMinutes, nyseDateOfDayNumber, nyseDayNumber } from './nyse-calendar.ts';

test('NYSE published holidays are closed (NYSE holiday lists 2019, 2021, 2024)', () => {
  for (const d of ['2019-01-01', '2019-01-21', '2019-02-18', '2019-04-19', '2019-05-27', '2019-07-04', '2019-09-02',
    '2019-11-28', '2019-12-25', '2021-12-24', '2024-06-19', '2024-03-29', '2018-12-05', '2001-09-11', '2012-10-29']) {
    assert.equal(isNyseTradingDay(d), false, d);
  }
  assert.equal(isNyseTradingDay('2022-12-30'), true);
  assert.equal(isNyseTradingDay('2021-12-31'), true); // Saturday New Year 2022 is not observed on Friday
});

test('NYSE early closes at 13:00 (NYSE published early closes)', () => {
  for (const d of ['2019-11-29', '2024-11-29', '2019-12-24', '2019-07-03', '2024-07-03', '2002-07-05', '2003-12-26', '1998-12-24']) {
    assert.equal(isNyseEarlyClose(d), true, d);
    assert.equal(nyseCloseMinutes(d), 780, d);
  }
  assert.equal(nyseCloseMinutes('2019-11-27'), 960);
  assert.equal(isNyseEarlyClose('2021-12-24'), false); // a holiday, not an early close
  assert.equal(isNyseEarlyClose('2020-07-03'), false); // July 4 2020 a Saturday: July 3 observed holiday
});

test('day numbers round-trip and match the Unix epoch', () => {
  assert.equal(nyseDayNumber('1970-01-01'), 0);
  for (let n = 9000; n < 21000; n += 37) assert.equal(nyseDayNumber(nyseDateOfDayNumber(n)), n);
});
