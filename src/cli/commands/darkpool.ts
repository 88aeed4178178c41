import { darkPoolBody } from '../../api/dark-pool-body.ts';
import { newYorkDate } from '../../core/calendar/new-york-date.ts';
import { DEFAULT_DARK_POOL_SETTINGS, type DarkPoolSettings } from '../../core/dark-pool/dark-pool-settings.ts';
import { DarkPoolTape } from '../../core/dark-pool/dark-pool-tape.ts';
import type { IsoDate } from '../../core/units.ts';
import { detectEquityFormat, readEquityPrints, readEquityQuotes } from '../../ingest/equity-sources.ts';
import { calendarDate } from '../../ingest/fields.ts';
import { IngestReport } from '../../ingest/ingest-report.ts';
import { leanTickFileIdentity } from '../../ingest/lean-equity-ticks.ts';
import { StoreEquityData } from '../../server/store-equity-data.ts';
import { openDuckDbStore } from '../../store/duckdb-store.ts';
import type { DarkPoolDay } from '../../core/dark-pool/dark-pool-book.ts';
import { choiceOption, intOption, numberOption, optionValue, parseCommandArgs } from '../args.ts';
import { UsageError, type Command, type CommandIo } from '../command.ts';
import { writeReport } from '../flow-inputs.ts';

const DATA = '../shared/data/lean-us-equity-ticks-2013-10';
const D = DEFAULT_DARK_POOL_SETTINGS;

export const darkpoolCommand: Command = {
  name: 'darkpool',
  summary: 'Dark-pool (off-exchange) prints of one symbol per day: share of volume, premium, inferred side, blocks, levels',
  help: `Usage: smartmoney darkpool SYMBOL (--trades FILE... [--quotes FILE...] | --data DIR) [--date YYYY-MM-DD] [--levels N]
       [--block-shares N] [--block-dollars N] [--block-rule either|both] [--venues D,...] [--strict]

Trades: canonical equity prints (CSV header ts,symbol,price,size,exchange[,conditions,bid,ask], or NDJSON) or
LEAN tick files (SYM_YYYY-MM-DD_trades.csv[.gz]); quotes: LEAN quote files (consolidated best bid/offer
updates). gzip or plain; the format is read from the first line. Prints of other symbols are skipped.
--data DIR reads the symbol's equity prints and quotes from the store instead (loaded with \`smartmoney ingest\`).

Definitions (docs/methodology.md "Dark pool (seed 000)"):
  off-exchange   venue in --venues (default D: FINRA ADF/TRF on the consolidated tape)
  block          size >= --block-shares (default ${D.blockShares}) or notional >= --block-dollars (default $${D.blockDollars}),
                 Reg NMS Rule 600(b)(9); --block-rule both asks for both
  ISO / sweep    intermarket-sweep condition / a burst of >= ${D.sweepMinPrints} ISO prints on >= ${D.sweepMinVenues} venues, gaps <= ${D.sweepGapMs} ms
  after-hours    outside 09:30-16:00 New York (13:00 on early closes; holidays wholly outside)
  non-informative average price, prior reference, late/out of sequence, derivatively priced, ... (settings in the body)
  informative    regular session and no non-informative condition: only these infer side and build levels
  side           quote rule against the NBBO (at/above ask buy, at/below bid sell, inside: nearer side), at the
                 midpoint or without a usable NBBO the tick test; always inferred (side_source quote|tick)
  levels         informative off-exchange volume at price in buckets of 5 bp of price (1-2-5 rounded), the
                 strongest --levels N (default ${D.levelCount}), support below / resistance above the last price
  unusual block  informative off-exchange block with size >= ${D.unusualMedianMultiple} x the day's median off-exchange print size
Prints {symbol, settings, days:[{date, total_volume, off_exchange_volume, off_exchange_share, dp_premium,
dp_buy_premium, dp_sell_premium, dp_net_premium, blocks, block_premium, unusual_blocks, levels, last_price,
excluded, ...}]}; ingest counts per file and a line per day on stderr.

Example (real LEAN tape, IBM 2013-10-08 with its quotes):
  smartmoney darkpool IBM --trades ${DATA}/IBM_2013-10-08_trades.csv.gz --quotes ${DATA}/IBM_2013-10-08_quotes.csv.gz`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      trades: { type: 'string', multiple: true }, quotes: { type: 'string', multiple: true },
      date: { type: 'string' }, levels: { type: 'string' }, 'block-shares': { type: 'string' },
      'block-dollars': { type: 'string' }, 'block-rule': { type: 'string' }, venues: { type: 'string' },
      strict: { type: 'boolean' }, data: { type: 'string' },
    });
    if (values.help === true) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const [rawSymbol, ...extra] = positionals;
    if (rawSymbol === undefined) throw new UsageError('missing SYMBOL');
    const trades = [...(values.trades ?? []), ...extra];
    if (trades.length === 0 && values.data === undefined) throw new UsageError('missing --trades FILE or --data DIR');
    if (trades.length > 0 && values.data !== undefined) throw new UsageError('give --trades FILE... or --data DIR, not both');
    if (values.quotes !== undefined && values.data !== undefined) throw new UsageError('--quotes goes with --trades; a store holds its quotes');
    const symbol = rawSymbol.toUpperCase();
    const date = values.date === undefined ? undefined : optionValue(() => calendarDate(values.date, 'date'));
    const settings: DarkPoolSettings = {
      ...D,
      levelCount: intOption(values.levels, 'levels', D.levelCount, 1, 1000),
      blockShares: numberOption(values['block-shares'], 'block-shares', D.blockShares, 1, 1e12),
      blockDollars: numberOption(values['block-dollars'], 'block-dollars', D.blockDollars, 1, 1e15),
      blockRule: choiceOption(values['block-rule'], 'block-rule', ['either', 'both'] as const) ?? D.blockRule,
      offExchangeVenues: values.venues === undefined ? D.offExchangeVenues : values.venues.split(',').map((v) => v.trim()).filter((v) => v !== ''),
    };
    const days = values.data === undefined
      ? (await loadDarkPoolTape(symbol, trades, values.quotes ?? [], date, settings, io, values.strict === true)).summaries().filter((d) => date === undefined || d.date === date)
      : await storedDays(values.data, symbol, date, settings);
    for (const d of days) {
      io.stderr.write(`darkpool ${d.symbol} ${d.date}: ${d.prints} prints, off-exchange ${d.off_exchange_volume} of ${d.total_volume} shares `
        + `(${(100 * d.off_exchange_share).toFixed(1)}%); excluded off-exchange: ${d.excluded.after_hours} after-hours, `
        + `${d.excluded.non_informative} non-informative\n`);
    }
    io.stdout.write(`${JSON.stringify(darkPoolBody(symbol, days, settings), null, 2)}\n`);
    return 0;
  },
};

/**
 * Reads quote files, then trade files, of one symbol into a DarkPoolTape, with each file's ingest counts on
 * stderr. LEAN files whose name says another symbol or date (with `date`) are not read at all.
 */
export async function loadDarkPoolTape(
  symbol: string, trades: readonly string[], quotes: readonly string[], date: IsoDate | undefined,
  settings: DarkPoolSettings, io: CommandIo, strict: boolean,
): Promise<DarkPoolTape> {
  const tape = new DarkPoolTape(settings);
  for (const file of quotes) {
    if (!(await wanted(file, symbol, date))) continue;
    const report = new IngestReport();
    try {
      for await (const batch of readEquityQuotes(file, { report, strict })) {
        for (const q of batch) if (q.symbol === symbol && (date === undefined || newYorkDate(q.ts) === date)) tape.addQuote(q);
      }
    } finally {
      writeReport(io, 'quotes', file, report);
    }
  }
  for (const file of trades) {
    if (!(await wanted(file, symbol, date))) continue;
    const report = new IngestReport();
    let other = 0;
    try {
      for await (const batch of readEquityPrints(file, { report, strict })) {
        for (const p of batch) {
          if (p.symbol === symbol && (date === undefined || newYorkDate(p.ts) === date)) tape.addPrint(p);
          else other++;
        }
      }
    } finally {
      writeReport(io, 'trades', file, report);
      if (other > 0) io.stderr.write(`  ${other} accepted prints of another symbol or date skipped\n`);
    }
  }
  return tape;
}

/** The symbol's days (only `date` when given) summarised from the store's equity prints and quotes. */
async function storedDays(dataDir: string, symbol: string, date: IsoDate | undefined, settings: DarkPoolSettings): Promise<DarkPoolDay[]> {
  const store = await openDuckDbStore({ dataDir });
  try {
    const equity = await StoreEquityData.open(store, settings);
    const out: DarkPoolDay[] = [];
    for (const day of equity.printDays(symbol)) {
      if (date !== undefined && day !== date) continue;
      const d = await equity.day(symbol, day);
      if (d !== null) out.push(d);
    }
    return out;
  } finally {
    await store.close();
  }
}

/** False for a LEAN tick file whose name says another symbol, or another date than `date`. */
async function wanted(file: string, symbol: string, date: IsoDate | undefined): Promise<boolean> {
  const format = await detectEquityFormat(file);
  if (format !== 'lean-trades' && format !== 'lean-quotes') return true;
  const id = leanTickFileIdentity(file);
  return id.symbol === symbol && (date === undefined || id.date === date);
}
