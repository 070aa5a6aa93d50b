import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import type { Component, Project } from '../../types.ts';
import { downloadLabels, listComponents, type ComponentFilters } from './api.ts';
import { formatComponentId } from './componentId.ts';
import { RegisterComponentsModal } from './RegisterComponentsModal.tsx';

/** Whether `me` registers components on this project: its contractor's people, or a platform administrator. */
export function mayRegisterOn(me: ReturnType<typeof useMe>, p: Project): boolean {
  if (me.roles.includes('platform_admin')) return true;
  return me.roles.includes('contractor_user') && p.contractor !== null && me.organisation?.id === p.contractor.id;
}

/** A project's components: list, register in bulk, print the QR label sheet (all, a building, or the selected ones). */
export function ComponentsPanel({ project }: { project: Project }) {
  const me = useMe();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<ComponentFilters>({ q: '' });
  const [qInput, setQInput] = useState('');
  const [buildingInput, setBuildingInput] = useState('');
  const [registering, setRegistering] = useState<Project | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [printing, setPrinting] = useState(false);
  const fetcher = useCallback((f: ComponentFilters, page: number, size: number, signal: AbortSignal) => listComponents(project.id, f, page, size, signal), [project.id]);
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(fetcher, filters);
  const filtered = filters.q !== '' || filters.building !== undefined;
  const mayRegister = mayRegisterOn(me, project);

  const print = async (sel: { codes?: string[]; building?: string }) => {
    setPrinting(true);
    try {
      const r = await downloadLabels(project.id, sel);
      message.success(`已生成标签文件「${r.filename}」，请用 A4 不干胶标签纸打印（每页 3×8 枚）`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPrinting(false);
    }
  };

  const columns: ColumnsType<Component> = useMemo(
    () => [
      {
        title: '构件编号',
        dataIndex: 'code',
        width: 190,
        render: (v: string) => (
          <Link to={`/c/${v}`} className="mono component-code">
            {formatComponentId(v)}
          </Link>
        ),
      },
      { title: '楼栋（单体）', dataIndex: 'building', width: 130 },
      { title: '楼层', dataIndex: 'floor', width: 90, render: (v: string | null) => orDash(v) },
      { title: '轴线或部位', dataIndex: 'position' },
      { title: '构件类型', dataIndex: 'componentType', width: 140 },
      { title: '备注', dataIndex: 'note', width: 160, render: (v: string | null) => orDash(v) },
      { title: '登记时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    ],
    [],
  );

  return (
    <>
      <Flex gap={12} wrap className="filter-bar" justify="space-between">
        <Flex gap={12} wrap>
          <Input.Search
            placeholder="编号、部位或构件类型"
            allowClear
            value={qInput}
            onChange={(e) => {
              setQInput(e.target.value);
              if (e.target.value === '') setFilters((f) => ({ ...f, q: '' }));
            }}
            onSearch={(v) => setFilters((f) => ({ ...f, q: v }))}
            enterButton="查询"
            style={{ width: 260 }}
          />
          <Input.Search
            placeholder="楼栋（精确）"
            allowClear
            value={buildingInput}
            onChange={(e) => {
              setBuildingInput(e.target.value);
              if (e.target.value === '') setFilters((f) => ({ ...f, building: undefined }));
            }}
            onSearch={(v) => setFilters((f) => ({ ...f, building: v.trim() || undefined }))}
            style={{ width: 180 }}
          />
          {filtered ? (
            <Button
              onClick={() => {
                setQInput('');
                setBuildingInput('');
                setFilters({ q: '' });
              }}
            >
              重置
            </Button>
          ) : null}
        </Flex>
        <Space wrap>
          <Button
            icon={<PrinterOutlined />}
            loading={printing}
            disabled={data.total === 0}
            onClick={() => void print(selected.length > 0 ? { codes: selected } : filters.building ? { building: filters.building } : {})}
          >
            {selected.length > 0 ? `打印选中的 ${selected.length} 个标签` : filters.building ? `打印「${filters.building}」的标签` : '打印标签'}
          </Button>
          {mayRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(project)}>
              登记构件
            </Button>
          ) : null}
        </Space>
      </Flex>
      {error ? <Alert type="error" showIcon title="构件列表加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
      <Table<Component>
        className="components-table"
        rowKey="code"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 1100 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true }}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的构件' : mayRegister ? '尚未登记构件，点击“登记构件”开始' : '尚未登记构件'} /> }}
        pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 个构件`, onChange }}
      />
      {selected.length > 0 ? (
        <Typography.Link onClick={() => setSelected([])}>清除选择（{selected.length}）</Typography.Link>
      ) : null}
      <RegisterComponentsModal
        project={registering}
        onClose={() => setRegistering(null)}
        onRegistered={(items) => {
          setRegistering(null);
          setQInput('');
          setBuildingInput('');
          setFilters({ q: '' });
          setSelected(items.map((c) => c.code));
          reload();
        }}
      />
    </>
  );
}
