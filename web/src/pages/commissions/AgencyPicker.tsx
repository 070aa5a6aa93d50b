import { Select, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { specialtyLabel } from '../../labels.ts';
import { searchAgencyOptions, type AgencyOption } from './api.ts';

/**
 * The agency to commission, from the platform's directory of agencies (二(一): only qualified agencies that have
 * completed connection may be commissioned). Each option says whether it is connected, which specialties its
 * qualification covers now, and whether its market access is restricted; the server still decides.
 */
export function AgencyPicker({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<AgencyOption[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      searchAgencyOptions(q, ctl.signal)
        .then((p) => setOptions(p.items))
        .catch(() => setOptions([]))
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, q ? 300 : 0);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [q]);

  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder="输入名称或统一社会信用代码搜索检测机构"
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      options={options.map((o) => ({
        value: o.id,
        label: (
          <span>
            {o.name}（{o.regionName}）{' '}
            {o.restricted ? <Tag color="red">限制市场准入</Tag> : o.connected ? <Tag color="green">已接入</Tag> : <Tag>未接入</Tag>}
            {o.qualifiedSpecialties.length > 0 && (
              <span className="muted">资质：{o.qualifiedSpecialties.map(specialtyLabel).join('、')}</span>
            )}
          </span>
        ),
        title: o.name,
      }))}
      notFoundContent={loading ? <Spin size="small" /> : '无可选的检测机构'}
      popupMatchSelectWidth={false}
    />
  );
}
