import { basename } from 'node:path';
import { smiBody } from '../../api/smi-body.ts';
import { DEFAULT_SMI_LOOKBACK } from '../../core/smart-money-index/smi-divergences.ts';
import { calendarDate } from '../../ingest/fields.ts';
import { IngestReport } from '../../ingest/ingest-report.ts';
import { readIntradayBars } from '../../ingest/intraday-bars.ts';
import { intOption, numberOption, optionValue, parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';

export const smiCommand: Command = {
  name: 'smi',
  summary: 'Don Hayes Smart Money Index from intraday bars, with divergences and skipped days, as JSON',
  help: `Usage: smartmoney smi --bars FILE [--symbol S] [--from D] [--to D] [--start-value V] [--lookback N] [--strict]

SMI_t = SMI_{t-1} − first_half_hour_change + last_hour_change, in price points, from --start-value (default 0).
first_half_hour_change = price at 10:00 − the 09:30 open; last_hour_change = the close − the price at 15:00
(on an NYSE early-close day, 12:00 and the 13:00 close). Bars: the LEAN hourly layout (bar_start_et,…; the
09:00 bar is 09:30–10:00) or start-stamped minute bars (datetime,…; 1-, 5-, 30-minute), US/Eastern, gzip or
plain. A day whose bars do not meet those instants is listed in skipped with the reason, never guessed.
Divergences (--lookback N trading days, default ${DEFAULT_SMI_LOOKBACK}): a close above every prior-N close with the
SMI not above every prior-N SMI is a bearish_divergence (else bullish_confirmation); a close below every prior-N
close with the SMI not below every prior-N SMI is a bullish_divergence (else bearish_confirmation).
Prints {symbol, start_value, lookback, series:[{date, smi, first_half_hour_change, last_hour_change, close}],
divergences:[{date, kind, close, smi, prior_close_extreme, prior_smi_extreme, lookback}], skipped:[{date, reason}]}.
--symbol defaults to the file name's leading letters (SPY_hourly… → SPY).

Example:
  smartmoney smi --bars ../shared/data/lean-spy-hourly-1998-2021/SPY_hourly_1998-2021.csv.gz --from 2020-01-01`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      bars: { type: 'string' }, symbol: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
      'start-value': { type: 'string' }, lookback: { type: 'string' }, strict: { type: 'boolean' },
    });
    if (values.help === true) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const file = values.bars;
    if (file === undefined) throw new UsageError('--bars FILE is required');
    const from = values.from === undefined ? undefined : optionValue(() => calendarDate(values.from, 'from'));
    const to = values.to === undefined ? undefined : optionValue(() => calendarDate(values.to, 'to'));
    if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const startValue = numberOption(values['start-value'], 'start-value', 0, -1e12, 1e12);
    const lookback = intOption(values.lookback, 'lookback', DEFAULT_SMI_LOOKBACK, 1, 10_000);
    const symbol = values.symbol ?? (/^[A-Za-z.]+/.exec(basename(file))?.[0].toUpperCase() ?? 'UNKNOWN');
    const report = new IngestReport();
    const read = await readIntradayBars(file, { report, strict: values.strict === true });
    const body = smiBody(symbol, read.bars, { from: from ?? null, to: to ?? null, startValue, lookback });
    io.stderr.write(`smi: ${file}: ${read.format}, ${read.resolutionMinutes}-minute bars; rows ${report.rowsRead}, `
      + `rejected ${report.rejected}; days computed ${body.series.length}, skipped ${body.skipped.length}\n`);
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  },
};
