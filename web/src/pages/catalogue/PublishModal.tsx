import { App, Form, Input, Typography } from 'antd';
import { ApiError } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { Catalogue } from '../../types.ts';
import { publishCatalogue, type PublishResult } from './api.ts';

interface FormValues {
  note: string;
  json: string;
}

/** Where in the document the server found the fault: `body.document.specialties.1.items.0.code` → 专项[2] › 项目[1] › code. */
function readablePath(field: string): string {
  const rest = field.replace(/^body\.document\.?/, '');
  if (!rest) return '目录文档';
  const names: Record<string, string> = { specialties: '专项', items: '检测项目', fields: '字段', options: '选项' };
  const parts = rest.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (names[p] && next !== undefined && /^\d+$/.test(next)) {
      out.push(`${names[p]}第 ${Number(next) + 1} 项`);
      i++;
    } else out.push(p);
  }
  return out.join(' › ');
}

/** 发布新版本: the platform administrator edits the document as JSON; the server checks it whole and names the first fault. */
export function PublishModal({ base, onClose, onPublished }: { base: Catalogue | null; onClose: () => void; onPublished: (r: PublishResult) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();

  const onFinish = async (v: FormValues) => {
    if (!base) return;
    let document: unknown;
    try {
      document = JSON.parse(v.json);
    } catch (e) {
      form.setFields([{ name: 'json', errors: [`不是合法的 JSON：${e instanceof Error ? e.message : String(e)}`] }]);
      return;
    }
    try {
      const r = await publishCatalogue({ basedOnVersion: base.version, note: v.note.trim(), document });
      message.success(`已发布检测项目目录第 ${r.version} 版`);
      onPublished(r);
    } catch (e) {
      if (!(e instanceof ApiError && e.field?.startsWith('body.document'))) throw e;
      form.setFields([{ name: 'json', errors: [`${e.message}（位置：${readablePath(e.field)}）`] }]);
    }
  };

  return (
    <FormModal<FormValues>
      open={base !== null}
      title={base ? `发布检测项目目录新版本（基于第 ${base.version} 版）` : '发布检测项目目录新版本'}
      okText="发布"
      form={form}
      name="publish-catalogue"
      fields={['note']}
      onSubmit={onFinish}
      onClose={onClose}
      width={900}
      initialValues={base ? { json: JSON.stringify(base.document, null, 2) } : undefined}
      intro={
        <Typography.Paragraph type="secondary">
          发布后新开立的检测批次使用新版本；已开立的批次沿用原版本。旧版本永久保留。专项代码须为资质标准的九个专项之一；检测项目代码全目录唯一。
        </Typography.Paragraph>
      }
    >
      <Form.Item name="note" label="修改说明" rules={[{ required: true, whitespace: true, message: '请说明本版修改内容' }, { min: 2, message: '至少 2 个字符' }, { max: 500, message: '最多 500 个字符' }]}>
        <Input maxLength={500} placeholder="例如：增补建筑幕墙专项的现场检测项目" />
      </Form.Item>
      <Form.Item name="json" label="目录文档（JSON）" rules={[{ required: true, message: '请填写目录文档' }]} className="json-editor">
        <Input.TextArea rows={22} spellCheck={false} />
      </Form.Item>
    </FormModal>
  );
}
