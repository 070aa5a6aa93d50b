import { Form, Input } from 'antd';
import type { ReactNode } from 'react';

/** A required free-text reason (驳回理由, 终止理由, 撤销原因 …): 2–500 characters unless told otherwise. */
export function ReasonItem({
  name = 'reason',
  label,
  message,
  min = 2,
  max = 500,
  rows = 3,
  extra,
  placeholder,
}: {
  name?: string;
  label: string;
  message?: string;
  /** 0: no minimum beyond "not blank". */
  min?: number;
  max?: number;
  rows?: number;
  extra?: ReactNode;
  placeholder?: string;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        { required: true, whitespace: true, message: message ?? `请填写${label}` },
        ...(min > 0 ? [{ min, message: `至少 ${min} 个字符` }] : []),
        { max, message: `最多 ${max} 个字符` },
      ]}
    >
      <Input.TextArea rows={rows} maxLength={max} showCount placeholder={placeholder} />
    </Form.Item>
  );
}
