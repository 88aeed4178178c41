import { cryptoScoreBody } from '../../api/crypto-score-body.ts';
import { cryptoScoreSeries, type CryptoScoreSettings, DEFAULT_CRYPTO_SCORE_SETTINGS } from '../../core/crypto-score/crypto-score-series.ts';
import { SEED_WEIGHTS, weightsFromList, WeightsError } from '../../core/crypto-score/score-weights.ts';
import type { EpochMs } from '../../core/units.ts';
import type { CryptoFamily } from '../../ingest/crypto/crypto-layouts.ts';
import { type CryptoFiles, describeReads, loadCryptoInputs } from '../../ingest/crypto/load-crypto-inputs.ts';
import { calendarDate } from '../../ingest/fields.ts';
import { timestampMs } from '../../ingest/timestamp.ts';
import { choiceOption, numberOption, optionValue, parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';

const D = '../shared/data';

/** Flag → family of the files it takes. */
const FILE_FLAGS: Readonly<Record<string, CryptoFamily>> = {
  funding: 'funding', stablecoin: 'stablecoin', 'open-interest': 'open_interest', price: 'price',
  'long-short': 'long_short', volume: 'volume', 'fear-greed': 'fear_greed',
};

/** `--weights a,b,c,d,e` → normalised weights (WeightsError → UsageError). */
export function weightsOption(value: string | undefined) {
  if (value === undefined) return SEED_WEIGHTS;
  try {
    return weightsFromList(value.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s))));
  } catch (e) {
    if (e instanceof WeightsError) throw new UsageError(`--weights was ${JSON.stringify(value)}; ${e.message}`);
    throw e;
  }
}

export const cryptoScoreCommand: Command = {
  name: 'crypto-score',
  summary: 'Crypto Smart Money Score (seed 001): five pillars, bands, Fear & Greed divergence, rapid-change alerts, as JSON',
  help: `Usage: smartmoney crypto-score ASSET --funding FILE… [--stablecoin FILE…] [--open-interest FILE… --price FILE…]
         [--volume FILE…] [--long-short FILE…] [--fear-greed FILE…] [--from D] [--to D] [--at ISO]
         [--weights F,S,OI,V,LS] [--resolution auto|day|hour] [--max-staleness-hours H] [--change-window-days N] [--strict]

Score = 0.35·funding + 0.30·stablecoin + 0.15·open_interest + 0.10·volume + 0.10·long_short (seed 001's formula;
its FAQ's "40 %" for funding would sum to 105 %: the formula wins). Each pillar is 0–100 by a piecewise-linear map:
  funding      rate per 8 h (venues averaged, OI-weighted when weights are given): −0.03 %→0, 0→40, 0.01 %→50, 0.03 %→75, 0.1 %→100
  stablecoin   growth of stablecoin buying power over the change window (exchange reserve up, CryptoQuant ratio down,
               or supply up): −10 %→0, −3 %→25, 0→50, +3 %→75, +10 %→100
  open_interest  OI rising: its log change × clamp(price change / 5 %, −1, 1): −20 %→0, 0→50, +20 %→100;
               OI falling (de-leveraging): 50 − 15 × min(1, fall / 20 %)
  volume       futures dominance = futures / (futures + spot): 20 %→0, 40 %→40, 60 %→60, 80 %→100
  long_short   share of accounts long = r / (1 + r), contrarian: 25 %→100, 40 %→60, 70 %→40, 85 %→0
A pillar without data (or whose last value is older than the staleness limit) is null and the composite is
re-weighted over the others: pillars_missing and coverage (Σ present weights) say so. Bands on the score rounded
to a whole number: 0–24 very_bearish, 25–39 bearish, 40–59 neutral, 60–74 bullish, 75–100 very_bullish.
divergence = score − Fear & Greed, flagged at ≥ 20 points; alerts: rapid changes of ≥ 15 points within 24 h and
divergence onsets. Grid: UTC days, or hours when every pillar input is sub-daily (--resolution auto).
--from/--to: UTC days (inclusive) of the history; --at ISO: the state as of that instant (periods ended by then).
--weights: five numbers ≥ 0 in the order above, re-normalised (35,30,15,10,10 = the default).
Defaults: --max-staleness-hours ${DEFAULT_CRYPTO_SCORE_SETTINGS.maxStalenessMs / 3_600_000}, --change-window-days ${DEFAULT_CRYPTO_SCORE_SETTINGS.changeWindowMs / 86_400_000}.
Files: the canonical CSV of each metric or the real layouts of docs/formats.md ("Crypto"), detected from the header.
Prints {asset, as_of, score, band, pillars, weights, pillars_missing, coverage, fear_greed, divergence, alerts,
history:[{ts, score, band, pillars}]}; ingest counts go to stderr.

Examples:
  smartmoney crypto-score BTC --funding ${D}/crypto-funding-rates/binance_btcusdt_funding_daily_mean_2019-2026.csv \\
    --stablecoin ${D}/cryptoquant-btc-exchange-flows-2012-2024/exchange_stablecoin_ratio.csv \\
    --open-interest ${D}/cryptoquant-btc-exchange-flows-2012-2024/open_interest.csv \\
    --price ${D}/cryptoquant-btc-exchange-flows-2012-2024/BTC_price.csv \\
    --fear-greed ${D}/crypto-fear-greed-alternative-me/fear_greed_lukmol_2018-2026.csv --from 2024-01-01 --to 2024-11-18
  smartmoney crypto-score SOL --funding ${D}/okx-sol-perp-positioning/funding_rate.csv \\
    --open-interest ${D}/okx-sol-perp-positioning/open_interest.csv --price ${D}/okx-sol-perp-positioning/ohlcv_1h.csv \\
    --long-short ${D}/okx-sol-perp-positioning/long_short_ratio.csv`,
  async run(argv, io) {
    const fileOptions = Object.fromEntries(Object.keys(FILE_FLAGS).map((k) => [k, { type: 'string' as const, multiple: true as const }]));
    const { values, positionals } = parseCommandArgs(argv, {
      ...fileOptions,
      from: { type: 'string' }, to: { type: 'string' }, at: { type: 'string' }, weights: { type: 'string' },
      resolution: { type: 'string' }, 'max-staleness-hours': { type: 'string' }, 'change-window-days': { type: 'string' },
      strict: { type: 'boolean' },
    });
    if (values.help === true) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const [rawAsset, ...extra] = positionals;
    if (rawAsset === undefined) throw new UsageError('missing ASSET (e.g. BTC)');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}; files go after a flag (--funding FILE)`);
    if (!/^[A-Za-z0-9]{1,20}$/.test(rawAsset)) throw new UsageError(`ASSET was ${JSON.stringify(rawAsset)}; expected 1–20 letters or digits`);
    const asset = rawAsset.toUpperCase();
    const files: CryptoFiles = {};
    const v = values as Record<string, unknown>;
    for (const [flag, family] of Object.entries(FILE_FLAGS)) {
      const list = v[flag] as string[] | undefined;
      if (list !== undefined && list.length > 0) files[family] = list;
    }
    if (files.funding === undefined) throw new UsageError('--funding FILE is required');
    const from = values.from === undefined ? null : optionValue(() => calendarDate(values.from, 'from'));
    const to = values.to === undefined ? null : optionValue(() => calendarDate(values.to, 'to'));
    if (from !== null && to !== null && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const at = values.at === undefined ? null : optionValue(() => timestampMs(values.at, 'at')) as EpochMs;
    const settings: CryptoScoreSettings = {
      weights: weightsOption(values.weights),
      resolution: choiceOption(values.resolution, 'resolution', ['auto', 'day', 'hour'] as const) ?? 'auto',
      maxStalenessMs: numberOption(values['max-staleness-hours'], 'max-staleness-hours', 48, 0, 24 * 3650) * 3_600_000,
      changeWindowMs: numberOption(values['change-window-days'], 'change-window-days', 7, 1 / 24, 3650) * 86_400_000,
    };
    const loaded = await loadCryptoInputs(asset, files, values.strict === true);
    for (const line of describeReads(loaded.reads)) io.stderr.write(`crypto-score: ${line}\n`);
    const series = cryptoScoreSeries(loaded.inputs, settings);
    const body = cryptoScoreBody(asset, series, settings.weights, { from, to, at });
    io.stderr.write(`crypto-score: ${asset}: ${series.points.length} ${series.resolution} points in all, `
      + `${body?.history.length ?? 0} in the window; rows ${loaded.report.rowsRead}, rejected ${loaded.report.rejected}, excluded ${loaded.report.excluded}\n`);
    if (body === null) {
      io.stderr.write(`crypto-score: no score for ${asset} in the window asked (no pillar has data there)\n`);
      return 1;
    }
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  },
};
