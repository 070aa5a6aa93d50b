import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { OrgRef } from '../../types.ts';
import { listCommissions, searchAgencies } from './api.ts';

interface Option extends OrgRef {
  hint: string;
}

/**
 * The agency to commission. The API has no agency directory for construction units yet (GET /organisations shows
 * them only their own unit), so this offers what the caller can read: the directory where it is readable, and the
 * agencies of the unit's earlier commissions. See the console's API notes.
 */
export function AgencyPicker({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const [q, setQ] = useState('');
  const [directory, setDirectory] = useState<Option[]>([]);
  const [earlier, setEarlier] = useState<Option[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let alive = true;
    listCommissions({}, 1, 100, new AbortController().signal)
      .then((p) => {
        if (!alive) return;
        const seen = new Map<string, Option>();
        for (const c of p.items) if (!seen.has(c.agency.id)) seen.set(c.agency.id, { ...c.agency, hint: '曾委托' });
        setEarlier([...seen.values()]);
      })
      .catch(() => alive && setEarlier([]));
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      searchAgencies(q, ctl.signal)
        .then((p) => setDirectory(p.items.filter((o) => o.type === 'agency' && o.status === 'active').map((o) => ({ id: o.id, name: o.name, hint: o.regionName }))))
        .catch(() => setDirectory([]))
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, q ? 300 : 0);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [q]);

  const needle = q.trim();
  const merged = new Map<string, Option>();
  for (const o of [...directory, ...earlier.filter((o) => !needle || o.name.includes(needle))]) if (!merged.has(o.id)) merged.set(o.id, o);
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder="输入名称搜索检测机构"
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      options={[...merged.values()].map((o) => ({ value: o.id, label: `${o.name}（${o.hint}）` }))}
      notFoundContent={loading ? <Spin size="small" /> : '无可选的检测机构'}
      popupMatchSelectWidth={false}
    />
  );
}
