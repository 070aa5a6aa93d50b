import { Select, Spin } from 'antd';
import { useMemo } from 'react';
import { useServerSearch } from '../hooks/useServerSearch.ts';
import { organisationTypeLabel } from '../labels.ts';
import type { Organisation, OrganisationType } from '../types.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined, organisation: Organisation | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Disabled organisations cannot be picked (e.g. when creating a user). */
  activeOnly?: boolean;
  style?: React.CSSProperties;
  id?: string;
  status?: '' | 'error' | 'warning';
  /** Only organisations of this type are offered. */
  type?: OrganisationType;
}

/** Pick one organisation the caller may see, searching by name or 统一社会信用代码 on the server. */
export function OrganisationSelect({ value, onChange, placeholder = '输入名称搜索机构', allowClear = true, activeOnly, style, id, status, type }: Props) {
  const { options, loading, setQ, picked } = useServerSearch<Organisation>('/organisations', { type });

  const selectOptions = useMemo(
    () =>
      options.map((o) => ({
        value: o.id,
        label: `${o.name}（${organisationTypeLabel(o.type)}${o.status === 'disabled' ? '，已停用' : ''}）`,
        disabled: activeOnly === true && o.status === 'disabled',
      })),
    [options, activeOnly],
  );

  return (
    <Select
      id={id}
      status={status}
      style={style}
      value={value ?? undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={selectOptions}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : '无匹配的机构'}
      onChange={(v: string | undefined) => onChange?.(v, picked(v))}
      popupMatchSelectWidth={false}
    />
  );
}
