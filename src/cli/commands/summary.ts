import { summaryBody } from '../../api/flow-signals-body.ts';
import { summarize } from '../../core/options-flow/flow-summary.ts';
import type { Command } from '../command.ts';
import { FLOW_QUERY_OPTIONS_HELP, runFlowQuery } from '../flow-query.ts';

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'bullish/bearish and opening/closing premium roll-up with the smart-money tilt (seeds 004, 003)',
  help: `Usage: smartmoney summary SYMBOL --trades FILE... [--chain FILE] [--at ISO] [--window-minutes N] [...]

Runs the same pipeline as \`signals\` and rolls every matching signal up: signal_count, bullish_premium,
bearish_premium, net_directional_premium, opening_premium, closing_premium, the tilt read of seed 003
(bullish / bearish / mixed / noise, with opening_share; |net| under $250K is noise, $5M and over strong)
and the 10 best signals.
${FLOW_QUERY_OPTIONS_HELP}

Example:
  smartmoney summary VIX --trades ../shared/data/cboe-vix-option-trades-sample/UnderlyingOptionsTrades_2016-06-01.csv`,
  async run(argv, io) {
    const { report, settings } = await runFlowQuery(argv, io);
    const body = summaryBody(report, summarize(report.ranked, settings));
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  },
};
