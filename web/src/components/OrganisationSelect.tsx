import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api.ts';
import { organisationTypeLabel } from '../labels.ts';
import type { Organisation, OrganisationType, Page } from '../types.ts';

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
  const [options, setOptions] = useState<Organisation[]>([]);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');
  const known = useRef(new Map<string, Organisation>());

  useEffect(() => {
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      api
        .get<Page<Organisation>>('/organisations', { q: q.trim(), type, pageSize: 50 }, ctl.signal)
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
  }, [q, type]);

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
      onChange={(v: string | undefined) => {
        if (!v) setQ('');
        onChange?.(v, v ? known.current.get(v) : undefined);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
