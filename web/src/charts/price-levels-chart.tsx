import {
  CandlestickSeries, createSeriesMarkers, type IChartApi, type ISeriesApi, LineSeries, LineStyle, type SeriesMarker, type SeriesType, type Time,
  type UTCTimestamp, type WhitespaceData, type LineData,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { FlowSignal, PriceBar } from '../api-types.ts';
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

/** Fewer priced bars than this are drawn as a line of closes (a handful of candles reads as noise). */
export const MIN_CANDLES = 5;

type PricedBar = PriceBar & { readonly open: number; readonly high: number; readonly low: number; readonly close: number };
const isPriced = (b: PriceBar): b is PricedBar => b.open !== null && b.high !== null && b.low !== null && b.close !== null;

/** The start (epoch s) of the last bar at or before `t`, else the first bar's: where a signal's dot goes on a bar axis. */
function snapToBar(starts: readonly number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (t <= (starts[0] as number)) return starts[0] as number;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo] as number;
}

/** The snapshot line's price range: every price, level and strike (few points, so nothing is squeezed). */
function snapshotRange(prices: readonly PricePoint[], levels: readonly ChartLevel[], signals: readonly FlowSignal[]): { lo: number; hi: number } {
  const values: number[] = [];
  for (const p of prices) values.push(p.price);
  for (const l of levels) if (l.price !== null) values.push(l.price);
  for (const s of signals) values.push(s.strike);
  return values.length === 0 ? { lo: 0, hi: 1 } : { lo: Math.min(...values), hi: Math.max(...values) };
}

/**
 * The candles' price range: the bars and the dealer levels, widened to the signals' strikes that lie within one
 * such span of it (far out-of-the-money strikes would flatten the candles; drag the price axis to see them).
 */
function barRange(bars: readonly PricedBar[], levels: readonly ChartLevel[], signals: readonly FlowSignal[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of bars) {
    lo = Math.min(lo, b.low);
    hi = Math.max(hi, b.high);
  }
  for (const l of levels) {
    if (l.price === null) continue;
    lo = Math.min(lo, l.price);
    hi = Math.max(hi, l.price);
  }
  const reach = Math.max(hi - lo, hi * 0.005);
  const [inLo, inHi] = [lo - reach, hi + reach];
  for (const s of signals) {
    if (s.strike < inLo || s.strike > inHi) continue;
    lo = Math.min(lo, s.strike);
    hi = Math.max(hi, s.strike);
  }
  return { lo, hi };
}

/** The series: candles (or a line of closes) from the bars, else the snapshot line; and the times signals sit at. */
function addPriceSeries(chart: IChartApi, bars: readonly PricedBar[], prices: readonly PricePoint[], signals: readonly FlowSignal[],
  autoscale: () => { priceRange: { minValue: number; maxValue: number }; margins: { above: number; below: number } }): {
  series: ISeriesApi<SeriesType, Time>; signalTime: (s: FlowSignal) => number;
} {
  if (bars.length > 0) {
    const starts = bars.map((b) => toSec(b.t));
    const signalTime = (s: FlowSignal) => snapToBar(starts, toSec(s.ts));
    if (bars.length >= MIN_CANDLES) {
      const series = chart.addSeries(CandlestickSeries, {
        upColor: cssColor('--bull'), downColor: cssColor('--bear'), wickUpColor: cssColor('--bull'), wickDownColor: cssColor('--bear'),
        borderVisible: false, title: 'price', autoscaleInfoProvider: autoscale,
      });
      series.setData(bars.map((b, i) => ({ time: starts[i] as UTCTimestamp, open: b.open, high: b.high, low: b.low, close: b.close })));
      return { series, signalTime };
    }
    const series = chart.addSeries(LineSeries, { color: cssColor('--accent'), lineWidth: 2, pointMarkersVisible: true, title: 'price', autoscaleInfoProvider: autoscale });
    series.setData(bars.map((b, i) => ({ time: starts[i] as UTCTimestamp, value: b.close })));
    return { series, signalTime };
  }
  const times = new Set<number>();
  for (const s of signals) times.add(toSec(s.ts));
  const priceAt = new Map<number, number>();
  for (const p of prices) priceAt.set(p.time, p.price);
  for (const t of priceAt.keys()) times.add(t);
  const data: (LineData<Time> | WhitespaceData<Time>)[] = [...times].sort((a, b) => a - b).map((t) => {
    const p = priceAt.get(t);
    return p === undefined ? { time: t as UTCTimestamp } : { time: t as UTCTimestamp, value: p };
  });
  const series = chart.addSeries(LineSeries, { color: cssColor('--accent'), lineWidth: 2, pointMarkersVisible: true, title: 'price', autoscaleInfoProvider: autoscale });
  series.setData(data);
  return { series, signalTime: (s: FlowSignal) => toSec(s.ts) };
}

/**
 * The symbol's price with its dealer levels (call wall, put wall, gamma flip, max pain) as horizontal lines and
 * the signals as dots at (time, strike), coloured by intent and sized by score. The price is the day's bars from
 * `GET /v1/bars/{symbol}` when the server has equity prints (candles; a line of closes under MIN_CANDLES bars;
 * each signal sits on the bar it fell in); `bars` null (no bars endpoint or no prints) falls back to the
 * underlying prices the server reported (summary snapshots seen while the page was open), not drawn between them.
 * Over candles the price axis fits the bars, the levels and the nearby strikes (barRange).
 */
export function PriceLevelsChart({ prices, bars, levels, signals }: {
  prices: readonly PricePoint[]; bars: readonly PriceBar[] | null; levels: readonly ChartLevel[]; signals: readonly FlowSignal[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useCurrentTheme();
  const chart = useChart<Time>(ref, 'time', theme);
  const priced = (bars ?? []).filter(isPriced);
  const drawn = priced.length >= MIN_CANDLES ? 'candles' : priced.length > 0 ? 'bar-line' : 'snapshots';
  useEffect(() => {
    if (chart === null) return;
    const api = chart as unknown as IChartApi;
    api.applyOptions({
      localization: { timeFormatter: (t: Time) => nyClock(t as number) },
      timeScale: { timeVisible: true, secondsVisible: false, tickMarkFormatter: (t: Time) => nyClock(t as number) },
    });
    const candles = (bars ?? []).filter(isPriced);
    const { lo, hi } = candles.length > 0 ? barRange(candles, levels, signals) : snapshotRange(prices, levels, signals);
    const autoscale = () => ({ priceRange: { minValue: lo, maxValue: hi }, margins: { above: 10, below: 10 } });
    const { series, signalTime } = addPriceSeries(api, candles, prices, signals, autoscale);
    for (const l of levels) {
      if (l.price === null) continue;
      series.createPriceLine({ price: l.price, color: l.color, lineWidth: 1, lineStyle: LineStyle.Dashed, axisLabelVisible: true, title: l.label });
    }
    const colour = { bullish: cssColor('--bull'), bearish: cssColor('--bear'), neutral: cssColor('--neutral') };
    const markers: SeriesMarker<Time>[] = signals.map((s) => ({
      time: signalTime(s) as UTCTimestamp, position: 'atPriceMiddle' as const, price: s.strike, shape: 'circle' as const,
      color: colour[s.intent], size: 0.6 + s.score / 80,
    })).sort((a, b) => (a.time as number) - (b.time as number));
    const plugin = createSeriesMarkers(series, markers);
    api.timeScale().fitContent();
    return () => {
      plugin.detach();
      api.removeSeries(series);
    };
  }, [chart, prices, bars, levels, signals, theme]);
  return <div className="chart" ref={ref} data-testid="price-chart" data-drawn={drawn} data-bars={priced.length} role="img" aria-label={`price (${drawn === 'snapshots' ? 'reported snapshots' : drawn === 'candles' ? 'candlesticks' : 'bar closes'}), dealer levels and signals by strike`} />;
}
