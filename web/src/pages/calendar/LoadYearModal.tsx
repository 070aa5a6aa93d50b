import { App, Form, Input, InputNumber, Typography } from 'antd';
import { ApiError } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
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

  const onFinish = async (v: FormValues) => {
    const p = parse(v.json);
    if (!p.ok) {
      form.setFields([{ name: 'json', errors: [p.message] }]);
      return;
    }
    try {
      const r = await loadCalendarYear(v.year, { ...p.value, source: v.source.trim() });
      message.success(`已加载 ${r.year} 年节假日安排（第 ${r.version} 版）`);
      onLoaded(r);
    } catch (e) {
      // The two date lists are one JSON item here.
      if (!(e instanceof ApiError && (e.fieldName === 'holidays' || e.fieldName === 'makeupWorkdays'))) throw e;
      form.setFields([{ name: 'json', errors: [`${e.fieldName === 'holidays' ? '放假日期' : '调休上班日'}：${e.message}`] }]);
    }
  };

  return (
    <FormModal<FormValues>
      open={initial !== null}
      title="加载年度节假日安排"
      okText="加载"
      form={form}
      name="load-calendar"
      fields={['source']}
      onSubmit={onFinish}
      onClose={onClose}
      width={720}
      initialValues={initial ?? undefined}
      intro={
        <Typography.Paragraph type="secondary">
          按国务院办公厅发布的当年部分节假日安排通知填写：放假日期（含假期内的周末）和调休上班日（周六或周日）。加载后生成该年度的新版本，旧版本保留；此后计算的工作日期限按新版本执行。
        </Typography.Paragraph>
      }
    >
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="source" label="来源" rules={[{ required: true, whitespace: true, message: '请注明来源' }, { min: 4, message: '请注明来源（如国务院办公厅通知文号或网址）' }, { max: 500, message: '最多 500 个字符' }]}>
        <Input maxLength={500} placeholder="例如 国办发明电〔2026〕X号" />
      </Form.Item>
      <Form.Item name="json" label="节假日安排（JSON）" rules={[{ required: true, message: '请填写节假日安排' }]} className="json-editor" extra='格式：{"holidays": ["YYYY-MM-DD", …], "makeupWorkdays": ["YYYY-MM-DD", …]}'>
        <Input.TextArea rows={14} spellCheck={false} />
      </Form.Item>
    </FormModal>
  );
}
