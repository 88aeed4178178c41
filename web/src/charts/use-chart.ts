import { createChart, createOptionsChart, type DeepPartial, type IChartApiBase, type TimeChartOptions } from 'lightweight-charts';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { cssColor, type Theme } from '../theme.ts';

/** Chart options that follow the page's theme. TradingView's attribution logo stays on (its licence asks for it). */
export function themedOptions(): DeepPartial<TimeChartOptions> {
  return {
    autoSize: true,
    layout: {
      attributionLogo: true,
      background: { color: 'transparent' },
      textColor: cssColor('--fg-muted'),
      fontFamily: getComputedStyle(document.body).fontFamily,
    },
    grid: { vertLines: { color: cssColor('--grid') }, horzLines: { color: cssColor('--grid') } },
    rightPriceScale: { borderColor: cssColor('--border') },
    leftPriceScale: { borderColor: cssColor('--border') },
    timeScale: { borderColor: cssColor('--border') },
  };
}

/**
 * A lightweight-charts chart in `ref`'s element for the component's life: created once (`kind` 'time' for a time
 * axis, 'price' for a numeric axis such as strikes), re-themed when `theme` changes, removed on unmount.
 */
export function useChart<H>(ref: RefObject<HTMLDivElement | null>, kind: 'time' | 'price', theme: Theme): IChartApiBase<H> | null {
  const [chart, setChart] = useState<IChartApiBase<H> | null>(null);
  const made = useRef<IChartApiBase<H> | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const c = (kind === 'time' ? createChart(el, themedOptions()) : createOptionsChart(el, themedOptions() as never)) as unknown as IChartApiBase<H>;
    made.current = c;
    setChart(c);
    return () => {
      made.current = null;
      c.remove();
    };
  }, [ref, kind]);
  useEffect(() => {
    made.current?.applyOptions(themedOptions() as never);
  }, [theme, chart]);
  return chart;
}

/** New York wall time for a UTC-seconds axis value. */
export function nyClock(seconds: number): string {
  return new Date(seconds * 1000).toLocaleTimeString('en-US', { timeZone: 'America/New_York', hour12: false, hour: '2-digit', minute: '2-digit' });
}
