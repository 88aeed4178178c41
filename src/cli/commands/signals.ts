import { signalsBody } from '../../api/flow-signals-body.ts';
import { withGoldenTags } from '../../core/options-flow/signal-query.ts';
import type { Command } from '../command.ts';
import { FLOW_QUERY_OPTIONS_HELP, runFlowQuery } from '../flow-query.ts';

export const signalsCommand: Command = {
  name: 'signals',
  summary: 'scored unusual-options-flow signals for a symbol (seed 004), as JSON',
  help: `Usage: smartmoney signals SYMBOL --trades FILE... [--chain FILE] [--at ISO] [--window-minutes N]
                 [--min-score N] [--intent I] [--structure S] [--limit N] [--expiry D]

Coalesces same-side prints of each contract within 500 ms into sweeps, scores every group of at least
100 contracts on six components (premium, size vs OI, aggressor, sweep, opening bias, tenor) and prints
{symbol, as_of, window_minutes, expiry, underlying_price, chain, count, signals[]} on stdout, best first,
each with score_breakdown and score_components. Counts go to stderr.
${FLOW_QUERY_OPTIONS_HELP}
  --limit N            signals to return, 1–500 (default 50)

Example:
  smartmoney signals VIX --trades ../shared/data/cboe-vix-option-trades-sample/UnderlyingOptionsTrades_2016-06-01.csv --min-score 60`,
  async run(argv, io) {
    const { report, settings } = await runFlowQuery(argv, io);
    const body = signalsBody(report, withGoldenTags(report.ranked.slice(0, report.query.limit), settings));
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  },
};
