import {
  createSeriesMarkers, type IChartApi, LineSeries, LineStyle, type SeriesMarker, type Time, type UTCTimestamp, type WhitespaceData, type LineData,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { FlowSignal } from '../api-types.ts';
import { cssColor, useCurrentTheme } from '../theme.ts';
import { nyClock, useChart } from './use-chart.ts';

export interface PricePoint {
  /** Epoch seconds. */
  readonly time: number;
  readonly price: number;
}

export interface ChartLevel {
  readonly label: string;
  readonly price: number | null;
  readonly color: string;
}

const toSec = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * The symbol's price with its dealer levels (call wall, put wall, gamma flip, max pain) as horizontal lines and
 * the signals as dots at (time, strike), coloured by intent and sized by score. The price points are the
 * underlying prices the server reported (summary snapshots seen while the page was open); the server has no
 * bar endpoint, so between them the price is not known and not drawn.
 */
export function PriceLevelsChart({ prices, levels, signals }: {
  prices: readonly PricePoint[]; levels: readonly ChartLevel[]; signals: readonly FlowSignal[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useCurrentTheme();
  const chart = useChart<Time>(ref, 'time', theme);
  useEffect(() => {
    if (chart === null) return;
    (chart as unknown as IChartApi).applyOptions({
      localization: { timeFormatter: (t: Time) => nyClock(t as number) },
      timeScale: { timeVisible: true, secondsVisible: false, tickMarkFormatter: (t: Time) => nyClock(t as number) },
    });
    const times = new Set<number>();
    for (const s of signals) times.add(toSec(s.ts));
    const priceAt = new Map<number, number>();
    for (const p of prices) priceAt.set(p.time, p.price);
    for (const t of priceAt.keys()) times.add(t);
    const data: (LineData<Time> | WhitespaceData<Time>)[] = [...times].sort((a, b) => a - b).map((t) => {
      const p = priceAt.get(t);
      return p === undefined ? { time: t as UTCTimestamp } : { time: t as UTCTimestamp, value: p };
    });
    const values: number[] = [];
    for (const p of prices) values.push(p.price);
    for (const l of levels) if (l.price !== null) values.push(l.price);
    for (const s of signals) values.push(s.strike);
    const lo = values.length === 0 ? 0 : Math.min(...values);
    const hi = values.length === 0 ? 1 : Math.max(...values);
    const series = chart.addSeries(LineSeries, {
      color: cssColor('--accent'), lineWidth: 2, pointMarkersVisible: true, title: 'price',
      autoscaleInfoProvider: () => ({ priceRange: { minValue: lo, maxValue: hi }, margins: { above: 10, below: 10 } }),
    });
    series.setData(data);
    for (const l of levels) {
      if (l.price === null) continue;
      series.createPriceLine({ price: l.price, color: l.color, lineWidth: 1, lineStyle: LineStyle.Dashed, axisLabelVisible: true, title: l.label });
    }
    const colour = { bullish: cssColor('--bull'), bearish: cssColor('--bear'), neutral: cssColor('--neutral') };
    const markers: SeriesMarker<Time>[] = [...signals].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts)).map((s) => ({
      time: toSec(s.ts) as UTCTimestamp, position: 'atPriceMiddle', price: s.strike, shape: 'circle',
      color: colour[s.intent], size: 0.6 + s.score / 80,
    }));
    const plugin = createSeriesMarkers(series, markers);
    chart.timeScale().fitContent();
    return () => {
      plugin.detach();
      chart.removeSeries(series);
    };
  }, [chart, prices, levels, signals, theme]);
  return <div className="chart" ref={ref} data-testid="price-chart" role="img" aria-label="price, dealer levels and signals by strike" />;
}
