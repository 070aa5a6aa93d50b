import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { findNode, useRegions, type RegionNode } from '../hooks/useRegions.ts';
import type { RegionLevel } from '../types.ts';

interface TreeOption {
  value: string;
  title: string;
  selectable?: boolean;
  children?: TreeOption[];
}

const toOptions = (nodes: readonly RegionNode[], level?: RegionLevel): TreeOption[] =>
  nodes.map((n) => ({
    value: n.region.code,
    title: n.region.name,
    ...(level && n.region.level !== level ? { selectable: false } : {}),
    ...(n.children.length > 0 ? { children: toOptions(n.children, level) } : {}),
  }));

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  /** Only this region and those below it are offered (an officer's jurisdiction). */
  rootCode?: string | null;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  status?: '' | 'error' | 'warning';
  /** Only regions of this level can be picked (the others stay in the tree to browse). */
  level?: RegionLevel;
}

/** Pick one region from the province's tree; search by name. */
export function RegionTreeSelect({ value, onChange, placeholder = '选择行政区划', rootCode, allowClear = true, style, id, status, level }: Props) {
  const { tree, loading } = useRegions();
  const treeData = useMemo(() => {
    const root = rootCode ? findNode(tree, rootCode) : undefined;
    return toOptions(root ? [root] : tree, level);
  }, [tree, rootCode, level]);
  const firstLevel = treeData.map((n) => n.value);

  return (
    <TreeSelect
      id={id}
      status={status}
      style={style}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={loading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={firstLevel}
      notFoundContent="无匹配的行政区划"
      popupMatchSelectWidth={false}
    />
  );
}
