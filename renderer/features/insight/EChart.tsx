import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the app draws (bar, line, pie), rendered as SVG: crisp on screen and in print.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/**
 * An ECharts chart in a div (a small wrapper instead of echarts-for-react): created once, given the option on
 * every change, resized with its box and before printing, disposed on unmount. `onClick` gets the clicked
 * item's category (x axis) or slice name and its series.
 */
export function EChart({
  option,
  height = 300,
  onClick,
  testId,
  ariaLabel,
}: {
  option: Record<string, unknown>;
  height?: number;
  onClick?: (name: string, seriesName: string | undefined) => void;
  testId?: string;
  ariaLabel?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(String(params.name ?? ''), params.seriesName));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    const beforePrint = () => instance.resize();
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
      className="rd-chart"
      data-testid={testId}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
