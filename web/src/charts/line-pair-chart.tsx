import { createSeriesMarkers, LineSeries, type SeriesMarker, type Time } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { useCurrentTheme } from '../theme.ts';
import { useChart } from './use-chart.ts';

export interface LinePoint {
  readonly time: Time;
  readonly value: number;
}

export interface LineSpec {
  readonly title: string;
  readonly color: string;
  readonly points: readonly LinePoint[];
  /** 'left' or 'right' price scale: two scales when the lines have different units. */
  readonly scale: 'left' | 'right';
  readonly fixedRange?: { readonly min: number; readonly max: number };
}

export interface ChartMark {
  readonly time: Time;
  readonly text: string;
  readonly color: string;
  readonly position: 'aboveBar' | 'belowBar';
  readonly shape: 'arrowUp' | 'arrowDown' | 'circle' | 'square';
}

function compareTime(a: Time, b: Time): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * One or two lines over time (lightweight-charts), each on its own price scale when asked (the SMI against the
 * close, a score against Fear & Greed), with event marks (divergences) on the first line.
 */
export function LinePairChart({ lines, marks = [], testId, label }: {
  lines: readonly LineSpec[]; marks?: readonly ChartMark[]; testId: string; label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useCurrentTheme();
  const chart = useChart<Time>(ref, 'time', theme);
  useEffect(() => {
    if (chart === null) return;
    const usesLeft = lines.some((l) => l.scale === 'left');
    chart.applyOptions({ leftPriceScale: { visible: usesLeft }, rightPriceScale: { visible: lines.some((l) => l.scale === 'right') } });
    const made = lines.map((l) => {
      const s = chart.addSeries(LineSeries, {
        color: l.color, lineWidth: 2, title: l.title, priceScaleId: l.scale,
        ...(l.fixedRange === undefined ? {} : { autoscaleInfoProvider: () => ({ priceRange: { minValue: l.fixedRange?.min ?? 0, maxValue: l.fixedRange?.max ?? 100 } }) }),
      });
      const seen = new Set<string>();
      const data = [...l.points].sort((a, b) => compareTime(a.time, b.time)).filter((p) => {
        const k = String(p.time);
        if (seen.has(k)) return false;
        seen.add(k);
        return Number.isFinite(p.value);
      });
      s.setData(data.map((p) => ({ time: p.time, value: p.value })));
      return s;
    });
    const first = made[0];
    const plugin = first === undefined ? null : createSeriesMarkers(first, [...marks].sort((a, b) => compareTime(a.time, b.time)).map((m): SeriesMarker<Time> => ({
      time: m.time, position: m.position, shape: m.shape, color: m.color, text: m.text,
    })));
    chart.timeScale().fitContent();
    return () => {
      plugin?.detach();
      for (const s of made) chart.removeSeries(s);
    };
  }, [chart, lines, marks, theme]);
  return <div className="chart" ref={ref} data-testid={testId} role="img" aria-label={label} />;
}
