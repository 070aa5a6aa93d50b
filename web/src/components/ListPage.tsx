import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Table, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api.ts';
import type { FilteredList } from '../hooks/useFilteredList.ts';
import { PageHeader } from './PageHeader.tsx';

/** Keys of F whose values are text (the search box writes one of them). */
type TextKey<F> = { [K in keyof F]-?: string extends NonNullable<F[K]> ? K : never }[keyof F];

export interface ListPageProps<T, F extends object> {
  list: FilteredList<T, F>;
  /** The page's header; without a title the list is embedded in another page (no header). */
  title?: string;
  description?: ReactNode;
  /** Buttons in the header (e.g. 新建). */
  extra?: ReactNode;
  /** An 导出 Excel button in the header that exports what the filters select. */
  exportAs?: (filters: F) => Promise<{ filename: string }>;
  /** A search box writing one text filter when 查询 is pressed. */
  search?: { field: TextKey<F>; placeholder: string; width?: number };
  /** The other filter controls, after the search box. */
  filters?: ReactNode;
  /** Controls after 重置 (e.g. 刷新). */
  toolbar?: ReactNode;
  /** Between the header and the card (e.g. a warning about the rows on this page). */
  banner?: ReactNode;
  /** Above the filter bar inside the card (e.g. tabs). */
  before?: ReactNode;
  errorTitle: string;
  /** Empty text with no filter, and with filters that match nothing. */
  empty: string;
  emptyFiltered: string;
  total: (n: number) => string;
  pageSizeOptions?: number[];
  table: Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'>;
  /** Without a card around it (when it sits in a card or tab already). */
  bare?: boolean;
  /** Dialogs and drawers the page opens. */
  children?: ReactNode;
}

/** A list page: header, filter bar (search, filters, 重置), load error with 重试, the table, pagination, empty state. */
export function ListPage<T extends object, F extends object>(p: ListPageProps<T, F>) {
  const { list } = p;
  const body = (
    <>
      {p.before}
      {p.search || p.filters || p.toolbar || list.filtered ? (
        <Flex gap={12} wrap className="filter-bar">
          {p.search ? <SearchBox list={list} {...p.search} /> : null}
          {p.filters}
          {list.filtered ? <Button onClick={list.reset}>重置</Button> : null}
          {p.toolbar}
        </Flex>
      ) : null}
      {list.error ? <Alert type="error" showIcon title={p.errorTitle} description={list.error} style={{ marginBottom: 16 }} action={<Button onClick={list.reload}>重试</Button>} /> : null}
      <Table<T>
        {...p.table}
        dataSource={list.data.items}
        loading={list.loading}
        locale={{ emptyText: <Empty description={list.filtered ? p.emptyFiltered : p.empty} /> }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: list.data.total,
          showSizeChanger: true,
          pageSizeOptions: p.pageSizeOptions ?? [10, 20, 50, 100],
          showTotal: p.total,
          onChange: list.onChange,
        }}
      />
    </>
  );
  const exportButton = p.exportAs ? <ExportButton exportAs={() => p.exportAs!(list.filters)} /> : null;
  return (
    <>
      {p.title ? (
        <PageHeader
          title={p.title}
          description={p.description}
          extra={
            exportButton || p.extra ? (
              <>
                {exportButton}
                {p.extra}
              </>
            ) : undefined
          }
        />
      ) : null}
      {p.banner}
      {p.bare ? body : <Card>{body}</Card>}
      {p.children}
    </>
  );
}

function SearchBox<T, F extends object>({ list, field, placeholder, width }: { list: FilteredList<T, F>; field: TextKey<F>; placeholder: string; width?: number }) {
  const applied = (v: string) => ({ [field]: v.trim() === '' ? list.initialFilters[field] : v.trim() }) as unknown as Partial<F>;
  return (
    <Input.Search
      placeholder={placeholder}
      allowClear
      value={list.search}
      onChange={(e) => {
        list.setSearch(e.target.value);
        if (e.target.value === '') list.set(applied(''));
      }}
      onSearch={(v) => list.set(applied(v))}
      enterButton="查询"
      style={{ width: width ?? 280 }}
    />
  );
}

/** 导出 Excel: downloads the file the server builds for the current filters. */
export function ExportButton({ exportAs, label = '导出 Excel' }: { exportAs: () => Promise<{ filename: string }>; label?: string }) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      const { filename } = await exportAs();
      message.success(`已导出 ${filename}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
      {label}
    </Button>
  );
}
