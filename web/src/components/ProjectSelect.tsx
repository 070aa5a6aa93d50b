import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import type { Page, Project } from '../types.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined, project: Project | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  status?: '' | 'error' | 'warning';
}

/** Pick one of the projects the caller sees (their own, commissioned, or in their jurisdiction), searching by name or permit. */
export function ProjectSelect({ value, onChange, placeholder = '输入项目名称或施工许可证号搜索', allowClear = true, style, id, status }: Props) {
  const [options, setOptions] = useState<Project[]>([]);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');
  const known = useRef(new Map<string, Project>());

  useEffect(() => {
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      api
        .get<Page<Project>>('/projects', { q: q.trim(), pageSize: 50 }, ctl.signal)
        .then((p) => {
          p.items.forEach((o) => known.current.set(o.id, o));
          setOptions(p.items);
        })
        .catch(() => setOptions([]))
        .finally(() => {
          if (!ctl.signal.aborted) setLoading(false);
        });
    }, q ? 300 : 0);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [q]);

  return (
    <Select
      id={id}
      status={status}
      style={style}
      value={value ?? undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options.map((p) => ({ value: p.id, label: p.name }))}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : '无匹配的项目'}
      onChange={(v: string | undefined) => {
        if (!v) setQ('');
        onChange?.(v, v ? known.current.get(v) : undefined);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
