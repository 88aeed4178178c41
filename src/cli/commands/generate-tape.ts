import { isoDate, type IsoDate } from '../../core/units.ts';
import { MAX_SYMBOLS } from '../../synthetic/underlying-universe.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape, MAX_PRINTS } from '../../synthetic/tape-generator.ts';
import { isTradingDay } from '../../synthetic/us-market-calendar.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import { type Command, UsageError } from '../command.ts';

const DEFAULT_SYMBOLS = 50;
const DEFAULT_PRINTS = 100_000;
const DEFAULT_SEED = 1;

export const generateTapeCommand: Command = {
  name: 'generate-tape',
  summary: 'writes a seeded SYNTHETIC option tape (trades.csv) and matching chain snapshot (chains.csv)',
  help: `Usage: smartmoney generate-tape --out DIR [--symbols N] [--prints M] [--seed S] [--date YYYY-MM-DD] [--gzip]
                              [--equity [--equity-prints E]]

Generates one synthetic regular session (09:30–16:00 New York) of option prints in the canonical trade
format, plus the previous close's chain snapshot of every listed contract, and a manifest.json that labels
everything synthetic. Retail noise, multi-exchange sweeps, blocks, locked/crossed quotes and opening flow
are mixed in; docs/synthetic-tape.md documents every modelling choice. Same options → byte-identical files.
Prints the manifest (JSON) on stdout.

Options:
  --out DIR          folder to write trades.csv, chains.csv and manifest.json into (created if missing)
  --symbols N        underlyings, 1–${MAX_SYMBOLS} (default ${DEFAULT_SYMBOLS}; the first 50 are real tickers with synthetic numbers)
  --prints M         trade rows, 1–${MAX_PRINTS} (default ${DEFAULT_PRINTS})
  --seed S           PRNG seed, a whole number ≥ 0 (default ${DEFAULT_SEED})
  --date YYYY-MM-DD  the session, a US options trading day (default ${DEFAULT_TAPE_DATE})
  --gzip             write trades.csv.gz and chains.csv.gz instead
  --equity           also write equity.csv (.csv.gz): a SYNTHETIC equity print tape (ts,symbol,price,size,
                     exchange,conditions,bid,ask) of every underlying following the same intraday spot paths, with
                     lit and off-exchange (D) prints, ISO sweeps, blocks, auctions, 08:00–18:00 extended hours and
                     a seeded handful of names accumulating or distributing off-exchange (listed in the manifest)
  --equity-prints E  continuous regular-session equity prints, 1–${MAX_PRINTS} (default 2 × --prints)

Example:
  smartmoney generate-tape --symbols 3000 --prints 5000000 --seed 42 --out data/synthetic --gzip`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string' },
      symbols: { type: 'string' },
      prints: { type: 'string' },
      seed: { type: 'string' },
      date: { type: 'string' },
      gzip: { type: 'boolean' },
      equity: { type: 'boolean' },
      'equity-prints': { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required');
    const symbols = intOption(values.symbols, 'symbols', DEFAULT_SYMBOLS, 1, MAX_SYMBOLS);
    const prints = intOption(values.prints, 'prints', DEFAULT_PRINTS, 1, MAX_PRINTS);
    const seed = intOption(values.seed, 'seed', DEFAULT_SEED, 0, Number.MAX_SAFE_INTEGER);
    const date = sessionDate(values.date);
    if (values['equity-prints'] !== undefined && values.equity !== true) throw new UsageError('--equity-prints goes with --equity');
    const equityPrints = values.equity === true
      ? intOption(values['equity-prints'], 'equity-prints', Math.min(MAX_PRINTS, 2 * prints), 1, MAX_PRINTS) : undefined;
    const started = performance.now();
    const manifest = await generateSyntheticTape({
      symbols, prints, seed, date, outDir: values.out, gzip: values.gzip === true, ...(equityPrints === undefined ? {} : { equityPrints }),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr.write(`generate-tape: SYNTHETIC ${prints} prints over ${symbols} underlyings, ${manifest.files[1]?.rows ?? 0} chain rows, `
      + `${manifest.files[2] === undefined ? '' : `${manifest.files[2].rows} equity prints, `}session ${date}, written to ${values.out} in ${seconds} s\n`);
    io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    return 0;
  },
};

function sessionDate(value: string | undefined): IsoDate {
  if (value === undefined) return DEFAULT_TAPE_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T12:00:00Z`))
    || new Date(`${value}T12:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--date was ${JSON.stringify(value)}; expected a real date YYYY-MM-DD`);
  }
  if (!isTradingDay(value)) throw new UsageError(`--date was ${JSON.stringify(value)}; expected a US options trading day (not a weekend or market holiday)`);
  return isoDate(value);
}
