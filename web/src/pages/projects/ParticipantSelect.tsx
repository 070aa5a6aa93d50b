import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { OrgRef, ParticipantOption } from '../../types.ts';
import { participantOptions, type ParticipantType } from './api.ts';

interface Props {
  type: ParticipantType;
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The organisation already appointed, shown before any search. */
  initial?: OrgRef | null;
  placeholder?: string;
  id?: string;
}

/** A 建设 / 监理 / 施工 unit to appoint on a project, searched by name or 统一社会信用代码. */
export function ParticipantSelect({ type, value, onChange, initial, placeholder = '输入名称或统一社会信用代码搜索', id }: Props) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<ParticipantOption[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      participantOptions(type, q, ctl.signal)
        .then(setOptions)
        .catch(() => setOptions([]))
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, q ? 300 : 0);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [type, q]);

  const opts = options.map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` }));
  if (initial && !options.some((o) => o.id === initial.id)) opts.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={opts}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : '无匹配的单位'}
      onChange={(v: string | undefined) => {
        if (!v) setQ('');
        onChange?.(v ?? null);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
