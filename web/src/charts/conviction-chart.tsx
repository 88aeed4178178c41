import { useMemo } from 'react';
import type { ConvictionHistoryBody } from '../api-types.ts';
import { cssColor } from '../theme.ts';
import { type ChartMark, LinePairChart } from './line-pair-chart.tsx';

/** A symbol's daily conviction score, with each day's direction as a mark. */
export function ConvictionChart({ history }: { history: ConvictionHistoryBody['rows'] }) {
  const lines = useMemo(() => [{
    title: 'conviction', color: cssColor('--accent'), scale: 'right' as const, fixedRange: { min: 0, max: 100 },
    points: history.map((p) => ({ time: p.date, value: p.score })),
  }], [history]);
  const marks = useMemo((): ChartMark[] => history.filter((p) => p.direction !== 'neutral').map((p) => ({
    time: p.date, text: '', color: cssColor(p.direction === 'bullish' ? '--bull' : '--bear'),
    position: p.direction === 'bullish' ? 'belowBar' : 'aboveBar', shape: p.direction === 'bullish' ? 'arrowUp' : 'arrowDown',
  })), [history]);
  return <LinePairChart lines={lines} marks={marks} testId="conviction-chart" label="daily conviction score" />;
}
