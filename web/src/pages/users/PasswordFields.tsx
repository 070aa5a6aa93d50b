import { Button, Form, Input, Space, type FormInstance } from 'antd';
import { useState } from 'react';
import { generatePassword, PASSWORD_MIN_LENGTH, passwordRule } from '../../components/formErrors.ts';

/** New password + confirmation, with a generator for a strong temporary password. */
export function PasswordFields<T>({ form, name, label }: { form: FormInstance<T>; name: string; label: string }) {
  const confirmName = `${name}Confirm`;
  // A generated password is shown so that the administrator can pass it on.
  const [visible, setVisible] = useState(false);
  return (
    <>
      <Form.Item label={label} required extra={`至少 ${PASSWORD_MIN_LENGTH} 位，包含大写字母、小写字母、数字、符号中的至少三类。用户首次登录后须修改。`}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name={name} noStyle rules={[{ required: true, message: `请输入${label}` }, passwordRule]}>
            <Input.Password placeholder={`请输入${label}`} autoComplete="new-password" visibilityToggle={{ visible, onVisibleChange: setVisible }} />
          </Form.Item>
          <Button
            onClick={() => {
              const p = generatePassword();
              setVisible(true);
              form.setFieldsValue({ [name]: p, [confirmName]: p } as never);
              void form.validateFields([name as never, confirmName as never]);
            }}
          >
            随机生成
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item
        name={confirmName}
        label="确认密码"
        dependencies={[name]}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password placeholder="请再次输入密码" autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
