import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api.ts';
import type { CalendarYearVersion } from '../../types.ts';
import { loadCalendarYear } from './api.ts';

interface FormValues {
  year: number;
  json: string;
  source: string;
}

interface Parsed {
  holidays: string[];
  makeupWorkdays: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(text: string): { ok: true; value: Parsed } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `不是合法的 JSON：${e instanceof Error ? e.message : String(e)}` };
  }
  const o = raw as { holidays?: unknown; makeupWorkdays?: unknown };
  if (!raw || typeof raw !== 'object' || !Array.isArray(o.holidays) || !Array.isArray(o.makeupWorkdays)) {
    return { ok: false, message: '应为 {"holidays": [...], "makeupWorkdays": [...]} 两个日期数组' };
  }
  for (const [name, list] of [['holidays', o.holidays], ['makeupWorkdays', o.makeupWorkdays]] as const) {
    const bad = (list as unknown[]).find((d) => typeof d !== 'string' || !DATE.test(d));
    if (bad !== undefined) return { ok: false, message: `${name === 'holidays' ? '放假日期' : '调休上班日'}中“${String(bad)}”不是 YYYY-MM-DD 日期` };
  }
  return { ok: true, value: { holidays: o.holidays as string[], makeupWorkdays: o.makeupWorkdays as string[] } };
}

export const SAMPLE = (year: number) =>
  JSON.stringify({ holidays: [`${year}-01-01`, `${year}-01-02`], makeupWorkdays: [`${year}-01-04`] }, null, 2);

/** 加载年度安排: the State Council's holidays and make-up workdays of a year, as a new version of that year. */
export function LoadYearModal({ initial, onClose, onLoaded }: { initial: { year: number; json: string; source: string } | null; onClose: () => void; onLoaded: (v: CalendarYearVersion) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: FormValues) => {
    const p = parse(v.json);
    if (!p.ok) {
      form.setFields([{ name: 'json', errors: [p.message] }]);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const r = await loadCalendarYear(v.year, { ...p.value, source: v.source.trim() });
      message.success(`已加载 ${r.year} 年节假日安排（第 ${r.version} 版）`);
      onLoaded(r);
    } catch (e) {
      if (e instanceof ApiError && (e.fieldName === 'holidays' || e.fieldName === 'makeupWorkdays')) {
        form.setFields([{ name: 'json', errors: [`${e.fieldName === 'holidays' ? '放假日期' : '调休上班日'}：${e.message}`] }]);
      } else if (e instanceof ApiError && e.fieldName === 'source') {
        form.setFields([{ name: 'source', errors: [e.message] }]);
      } else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={initial !== null}
      title="加载年度节假日安排"
      okText="加载"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
      afterOpenChange={(o) => !o && setError(null)}
    >
      <Typography.Paragraph type="secondary">
        按国务院办公厅发布的当年部分节假日安排通知填写：放假日期（含假期内的周末）和调休上班日（周六或周日）。加载后生成该年度的新版本，旧版本保留；此后计算的工作日期限按新版本执行。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {initial ? (
        <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} preserve={false} disabled={saving} name="load-calendar" initialValues={initial}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="source" label="来源" rules={[{ required: true, whitespace: true, message: '请注明来源' }, { min: 4, message: '请注明来源（如国务院办公厅通知文号或网址）' }, { max: 500, message: '最多 500 个字符' }]}>
            <Input maxLength={500} placeholder="例如 国办发明电〔2026〕X号" />
          </Form.Item>
          <Form.Item name="json" label="节假日安排（JSON）" rules={[{ required: true, message: '请填写节假日安排' }]} className="json-editor" extra='格式：{"holidays": ["YYYY-MM-DD", …], "makeupWorkdays": ["YYYY-MM-DD", …]}'>
            <Input.TextArea rows={14} spellCheck={false} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
