import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TrendDay } from './api.ts';

use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** 上传合规率 by day (line, %) over the batches due and late (bars). A day without a snapshot is a gap, not 0 %. */
export function TrendChart({ days }: { days: TrendDay[] }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!el.current) return undefined;
    const c = init(el.current);
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: ['上传合规率', '应传批次', '迟传'] },
        grid: { left: 48, right: 48, top: 56, bottom: 32 },
        xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
        yAxis: [
          { type: 'value', name: '合规率 %', min: 0, max: 100 },
          { type: 'value', name: '批次', minInterval: 1 },
        ],
        series: [
          {
            name: '上传合规率',
            type: 'line',
            connectNulls: false,
            data: days.map((d) => (d.complianceRate === null ? null : Math.round(d.complianceRate * 1000) / 10)),
          },
          { name: '应传批次', type: 'bar', yAxisIndex: 1, data: days.map((d) => d.due), itemStyle: { opacity: 0.35 } },
          { name: '迟传', type: 'bar', yAxisIndex: 1, data: days.map((d) => d.late), itemStyle: { color: '#ff4d4f', opacity: 0.6 } },
        ],
      },
      true,
    );
  }, [days]);

  return <div ref={el} data-testid="compliance-trend" style={{ width: '100%', height: 320 }} />;
}
