import { Alert, Button, Modal, Typography } from 'antd';
import type { MachineCredential } from '../../types.ts';

/** Shows a new credential's secret the one time the server gives it out. */
export function SecretModal({ created, onClose }: { created: { credential: MachineCredential; secret: string } | null; onClose: () => void }) {
  return (
    <Modal
      open={created !== null}
      title="接口凭证已生成"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善保存，关闭
        </Button>
      }
      width={640}
    >
      {created ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="密钥只显示这一次"
            description="关闭此窗口后将无法再次查看。请立即复制，并只保存在贵单位业务系统的安全配置中；如遗失，请吊销后重新生成。"
          />
          <Typography.Paragraph>
            凭证名称：<Typography.Text strong>{created.credential.name}</Typography.Text>
            <span style={{ marginLeft: 24 }}>密钥编号：</span>
            <Typography.Text code>{created.credential.keyId}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph
            className="secret-box"
            data-testid="credential-secret"
            copyable={{ text: created.secret, tooltips: ['复制密钥', '已复制'] }}
          >
            {created.secret}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            调用平台接口时，在请求头中携带：<Typography.Text code>Authorization: Bearer 密钥</Typography.Text>
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
