import { Select, Spin } from 'antd';
import { useServerSearch } from '../hooks/useServerSearch.ts';
import type { Project } from '../types.ts';

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
  const { options, loading, setQ, picked } = useServerSearch<Project>('/projects');

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
      onChange={(v: string | undefined) => onChange?.(v, picked(v))}
      popupMatchSelectWidth={false}
    />
  );
}
