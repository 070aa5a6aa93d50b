import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The spread of credit levels as a ring chart (only the pieces of ECharts it needs). */
export function LevelChart({ data }: { data: { name: string; value: number }[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      color: ['#52c41a', '#1677ff', '#fa8c16', '#f5222d'],
      tooltip: { trigger: 'item' },
      legend: { left: 'left', orient: 'vertical' },
      series: [{ type: 'pie', radius: ['40%', '70%'], data, label: { formatter: '{b}: {c}' } }],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [data]);
  return <div ref={el} style={{ height: 220 }} role="img" aria-label="信用等级分布" />;
}
