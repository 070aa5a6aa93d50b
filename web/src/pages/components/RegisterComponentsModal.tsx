import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { COMPONENT_REGISTRATION_MAX_ITEMS } from '../../../../src/kernel/policy.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useRetained } from '../../hooks/useRetained.ts';
import { FormProblem } from '../../hooks/useSubmit.ts';
import type { Component, Project } from '../../types.ts';
import { registerComponents } from './api.ts';

interface Row {
  building?: string;
  floor?: string;
  position?: string;
  componentType?: string;
  note?: string;
}

const blank = (s: string | undefined): string | null => (s && s.trim() ? s.trim() : null);

/** Lines copied from a spreadsheet: 楼栋、楼层、部位、构件类型、备注 separated by tabs (or commas). */
function parsePasted(text: string): Row[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cells = (l.includes('\t') ? l.split('\t') : l.split(/[,，]/)).map((c) => c.trim());
      return { building: cells[0] ?? '', floor: cells[1] ?? '', position: cells[2] ?? '', componentType: cells[3] ?? '', note: cells[4] ?? '' };
    });
}

/** 登记构件: a batch of components of one project, all saved or none (the platform issues each its unique ID). */
export function RegisterComponentsModal({ project, onClose, onRegistered }: { project: Project | null; onClose: () => void; onRegistered: (items: Component[]) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: Row[] }>();
  const [pasted, setPasted] = useState('');
  const shown = useRetained(project);

  const onFinish = async (v: { items: Row[] }) => {
    if (!project) return;
    const items = (v.items ?? []).map((r) => ({
      building: (r.building ?? '').trim(),
      floor: blank(r.floor),
      position: (r.position ?? '').trim(),
      componentType: (r.componentType ?? '').trim(),
      note: blank(r.note),
    }));
    if (items.length === 0) throw new FormProblem('请至少登记一个构件');
    try {
      const r = await registerComponents(project.id, items);
      message.success(`已登记 ${r.items.length} 个构件，平台已生成唯一编号`);
      onRegistered(r.items);
    } catch (e) {
      // A fault in one row: marked on its cell, and the row named above the form (the batch is all or nothing).
      const m = e instanceof ApiError && e.field ? /^body\.items\.(\d+)\.(\w+)/.exec(e.field) : null;
      if (!m) throw e;
      const name = ['items', Number(m[1]), m[2]!];
      form.setFields([{ name: name as never, errors: [errorMessage(e)] }]);
      form.scrollToField(name as never, { block: 'center' });
      throw new FormProblem(`第 ${Number(m[1]) + 1} 行：${errorMessage(e)}（整批未保存）`);
    }
  };

  const addPasted = () => {
    const rows = parsePasted(pasted);
    if (rows.length === 0) return;
    const current = (form.getFieldValue('items') as Row[] | undefined) ?? [];
    const kept = current.filter((r) => r.building || r.position || r.componentType);
    form.setFieldValue('items', [...kept, ...rows].slice(0, COMPONENT_REGISTRATION_MAX_ITEMS));
    setPasted('');
  };

  return (
    <FormModal<{ items: Row[] }>
      open={project !== null}
      title={`登记构件/部位${shown ? ` · ${shown.name}` : ''}`}
      okText="登记并生成编号"
      form={form}
      name="register-components"
      layout="horizontal"
      onSubmit={onFinish}
      onClose={onClose}
      width={1000}
      initialValues={{ items: [{}] }}
      onClosed={() => setPasted('')}
      intro={
        <Typography.Paragraph type="secondary">
          每行一个构件或部位：楼栋（单体）、楼层（道路、桥梁等可不填）、轴线或部位、构件类型。平台为每个构件生成全平台唯一的编号，可打印二维码标签粘贴在构件上。一次最多 {COMPONENT_REGISTRATION_MAX_ITEMS} 个；任一行有误则整批不保存。
        </Typography.Paragraph>
      }
    >
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'paste',
            label: '从表格粘贴多行',
            children: (
              <Flex vertical gap={8}>
                <Input.TextArea
                  rows={4}
                  value={pasted}
                  onChange={(e) => setPasted(e.target.value)}
                  placeholder={'从 Excel 复制：楼栋、楼层、部位、构件类型、备注（每行一个构件，列之间为制表符或逗号）\n5#楼\t3层\tA-3轴\t柱'}
                  className="mono"
                />
                <div>
                  <Button onClick={addPasted} disabled={!pasted.trim()}>
                    添加到下方列表
                  </Button>
                </div>
              </Flex>
            ),
          },
        ]}
      />
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            <Flex gap={8} className="component-rows-header">
              <span style={{ width: 28 }}>#</span>
              <span style={{ flex: 2 }}>楼栋（单体）*</span>
              <span style={{ flex: 1 }}>楼层</span>
              <span style={{ flex: 3 }}>轴线或部位 *</span>
              <span style={{ flex: 2 }}>构件类型 *</span>
              <span style={{ flex: 2 }}>备注</span>
              <span style={{ width: 64 }} />
            </Flex>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="flex-start" className="component-row">
                <span style={{ width: 28, lineHeight: '32px' }}>{i + 1}</span>
                <Form.Item name={[f.name, 'building']} style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: '请填写楼栋' }, { max: 50, message: '最多 50 字' }]}>
                  <Input placeholder="如 5#楼、主线" aria-label={`第${i + 1}行楼栋`} />
                </Form.Item>
                <Form.Item name={[f.name, 'floor']} style={{ flex: 1 }} rules={[{ max: 20, message: '最多 20 字' }]}>
                  <Input placeholder="如 3层" aria-label={`第${i + 1}行楼层`} />
                </Form.Item>
                <Form.Item name={[f.name, 'position']} style={{ flex: 3 }} rules={[{ required: true, whitespace: true, message: '请填写部位' }, { max: 100, message: '最多 100 字' }]}>
                  <Input placeholder="如 A-3轴、K0+120~K0+180 左幅" aria-label={`第${i + 1}行部位`} />
                </Form.Item>
                <Form.Item name={[f.name, 'componentType']} style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: '请填写构件类型' }, { max: 30, message: '最多 30 字' }]}>
                  <Input placeholder="如 柱、梁、桩" aria-label={`第${i + 1}行构件类型`} />
                </Form.Item>
                <Form.Item name={[f.name, 'note']} style={{ flex: 2 }} rules={[{ max: 200, message: '最多 200 字' }]}>
                  <Input placeholder="选填" aria-label={`第${i + 1}行备注`} />
                </Form.Item>
                <Flex style={{ width: 64 }}>
                  <Button
                    type="text"
                    icon={<CopyOutlined />}
                    aria-label="复制本行"
                    title="复制本行"
                    disabled={fields.length >= COMPONENT_REGISTRATION_MAX_ITEMS}
                    onClick={() => add({ ...(form.getFieldValue(['items', f.name]) as Row) }, i + 1)}
                  />
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除本行" title="删除本行" disabled={fields.length <= 1} onClick={() => remove(f.name)} />
                </Flex>
              </Flex>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= COMPONENT_REGISTRATION_MAX_ITEMS}>
              添加一行
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
