import { HistogramSeries, LineStyle } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { GexStrike } from '../api-types.ts';
import { money } from '../format.ts';
import { cssColor, useCurrentTheme } from '../theme.ts';
import { useChart } from './use-chart.ts';

/**
 * Net GEX by strike as bars on a strike axis (lightweight-charts' options chart), positive above zero and
 * negative below, with the spot marked. Strikes without exposure are left out; the view opens on ±15 % of spot.
 */
export function GexChart({ strikes, spot }: { strikes: readonly GexStrike[]; spot: number | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useCurrentTheme();
  const chart = useChart<number>(ref, 'price', theme);
  useEffect(() => {
    if (chart === null) return;
    chart.applyOptions({ localization: { priceFormatter: (x: number) => money(x) } });
    const pos = cssColor('--bull'), neg = cssColor('--bear');
    const rows = strikes.filter((s) => s.net_gex !== null && s.net_gex !== 0).sort((a, b) => a.strike - b.strike);
    const series = chart.addSeries(HistogramSeries, { title: 'net GEX', priceLineVisible: false });
    series.setData(rows.map((s) => ({ time: s.strike, value: s.net_gex ?? 0, color: (s.net_gex ?? 0) >= 0 ? pos : neg })));
    if (spot !== null) series.createPriceLine({ price: 0, color: cssColor('--fg-muted'), lineStyle: LineStyle.Dotted, lineWidth: 1, axisLabelVisible: false, title: '' });
    const first = rows.findIndex((s) => spot !== null && s.strike >= spot * 0.85);
    let last = -1;
    for (let i = rows.length - 1; i >= 0; i--) if (spot !== null && (rows[i]?.strike ?? 0) <= spot * 1.15) { last = i; break; }
    if (spot !== null && first >= 0 && last > first) chart.timeScale().setVisibleLogicalRange({ from: first, to: last });
    else chart.timeScale().fitContent();
    return () => chart.removeSeries(series);
  }, [chart, strikes, spot, theme]);
  return <div className="chart chart-short" ref={ref} data-testid="gex-chart" role="img" aria-label="net gamma exposure by strike" />;
}
