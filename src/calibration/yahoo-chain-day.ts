import type { IsoDate } from '../core/units.ts';
import { calendarDate, nonNegativeNumber, optionalNonNegativeNumber, requireText } from '../ingest/fields.ts';
import { FieldError, type ParseOptions } from '../ingest/ingest-report.ts';
import { readCsvRecords } from './csv-records.ts';

/**
 * One contract of a Yahoo Finance chain snapshot (../shared/data/yahoo-option-chains-10-tickers, SOURCE.md
 * there), with what the calibration needs. Snapshots were taken ~15:45 New York, so `openInterest` is the
 * settled OI of the previous session and `volume` is the day's volume up to the snapshot — but only when the
 * last trade is dated that day: Yahoo keeps showing the last session's volume on a contract that has not traded
 * yet (checked: OI(d+1) − OI(d) fits volume(d) on 92–100% of traded contracts per ticker and day).
 */
export interface YahooChainContract {
  readonly contractSymbol: string;
  readonly expiry: IsoDate;
  /** New York date of the last trade (from `lastTradeDateEDT`). */
  readonly lastTradeDay: IsoDate;
  readonly lastPrice: number;
  readonly bid: number | null;
  readonly ask: number | null;
  /** Volume as shown; 0 when the column is blank. */
  readonly volume: number;
  readonly openInterest: number;
}

const COLUMNS = ['contractsymbol', 'expiration', 'lasttradedateedt', 'lastprice', 'bid', 'ask', 'volume', 'openinterest'] as const;

/** The contracts of one `<YYYY-MM-DD>_<TICKER>.csv.gz` snapshot. */
export async function readYahooChainDay(file: string, opts: ParseOptions): Promise<YahooChainContract[]> {
  return readCsvRecords(file, COLUMNS, opts, (get) => {
    const last = requireText(get('lasttradedateedt'), 'lastTradeDateEDT');
    const oi = nonNegativeNumber(get('openinterest'), 'openInterest');
    if (!Number.isInteger(oi)) throw new FieldError('openInterest', String(get('openinterest')), 'expected a whole number of contracts');
    return {
      contractSymbol: requireText(get('contractsymbol'), 'contractSymbol'),
      expiry: calendarDate(get('expiration'), 'expiration'),
      lastTradeDay: calendarDate(last.slice(0, 10), 'lastTradeDateEDT'),
      lastPrice: nonNegativeNumber(get('lastprice'), 'lastPrice'),
      bid: optionalNonNegativeNumber(get('bid'), 'bid'),
      ask: optionalNonNegativeNumber(get('ask'), 'ask'),
      volume: optionalNonNegativeNumber(get('volume'), 'volume') ?? 0,
      openInterest: oi,
    };
  });
}
