import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { Page, Project, Witness } from '../../types.ts';
import { listWitnesses } from './api.ts';

/** Projects the supervision unit supervises (a witness may be authorized only for those). */
export function SupervisedProjectsSelect({ unitId, value, onChange, id }: { unitId: string | null; value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const [projects, setProjects] = useState<Project[] | null>(null);
  useEffect(() => {
    let alive = true;
    api
      .get<Page<Project>>('/projects', { pageSize: 100 })
      .then((p) => alive && setProjects(p.items))
      .catch(() => alive && setProjects([]));
    return () => {
      alive = false;
    };
  }, []);
  const mine = (projects ?? []).filter((p) => !unitId || p.supervisionUnit?.id === unitId);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={projects === null}
      placeholder="选择授权见证的项目"
      showSearch={{ optionFilterProp: 'label' }}
      options={mine.map((p) => ({ value: p.id, label: p.name }))}
      notFoundContent="没有本单位监理的项目"
    />
  );
}

/** Another witness of the same unit (the one being replaced). */
export function WitnessSelect({ unitId, exclude, value, onChange, id }: { unitId: string | null; exclude?: string; value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const [items, setItems] = useState<Witness[] | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    listWitnesses({ q: '', supervisionUnitId: unitId ?? undefined }, 1, 100, ctl.signal)
      .then((p) => setItems(p.items))
      .catch(() => !ctl.signal.aborted && setItems([]));
    return () => ctl.abort();
  }, [unitId]);
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      loading={items === null}
      placeholder="选择被更换的见证人员"
      showSearch={{ optionFilterProp: 'label' }}
      options={(items ?? [])
        .filter((w) => w.id !== exclude)
        .map((w) => ({ value: w.id, label: `${w.name}（${w.idNumberMasked}）${w.active ? '' : ' · 当前未登记项目'}` }))}
      notFoundContent="本单位没有其他见证人员"
    />
  );
}
