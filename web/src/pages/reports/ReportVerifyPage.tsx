import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, Result, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage, isAbort } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { REPORT_STATUS_COLORS, verifyReport, type PublicVerification } from './api.ts';

const NOT_VERIFIED = '报告编号不存在或已被篡改';

/**
 * /r/:number?c=<验证码> — where a report's QR code leads, open to anyone without login: the report's number, agency,
 * project, date, status and content hash, or one plain refusal for an unknown or altered number.
 */
export default function ReportVerifyPage() {
  const { number = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const code = search.get('c') ?? '';
  const [result, setResult] = useState<PublicVerification | null>(null);
  const [error, setError] = useState<{ notFound: boolean; message: string } | null>(null);

  useEffect(() => {
    if (!code) return;
    const ctl = new AbortController();
    setResult(null);
    setError(null);
    verifyReport(number, code, ctl.signal)
      .then(setResult)
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        const notFound = e instanceof ApiError && (e.status === 404 || e.status === 400);
        setError({ notFound, message: notFound ? NOT_VERIFIED : errorMessage(e) });
      });
    return () => ctl.abort();
  }, [number, code]);

  return (
    <div className="public-page" style={{ maxWidth: 760, margin: '40px auto', padding: '0 16px' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        <SafetyCertificateOutlined /> 检测报告核验
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        吉林省建设工程质量检测监管平台 · 凭报告编号和验证码核验报告的真伪与状态，无需登录
      </Typography.Paragraph>
      {!code ? (
        <Card>
          <Form
            layout="vertical"
            name="verify-report"
            initialValues={{ number: decodeURIComponent(number), code: '' }}
            onFinish={(v: { number: string; code: string }) => navigate(`/r/${encodeURIComponent(v.number.trim())}?c=${encodeURIComponent(v.code.trim())}`)}
          >
            <Form.Item name="number" label="报告编号" rules={[{ required: true, whitespace: true, message: '请输入报告上的报告编号' }]}>
              <Input placeholder="如 12345678X-2026-000001" />
            </Form.Item>
            <Form.Item name="code" label="验证码" rules={[{ required: true, whitespace: true, message: '请输入报告上的 8 位验证码' }]}>
              <Input placeholder="报告首页报告编号下方的 8 位验证码" maxLength={12} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              核验
            </Button>
          </Form>
        </Card>
      ) : error ? (
        <Card>
          <Result
            status={error.notFound ? 'error' : 'warning'}
            title={error.message}
            subTitle={error.notFound ? `报告编号“${decodeURIComponent(number)}”与验证码不对应任何由本平台出具的检测报告。请核对报告上的编号和验证码；如怀疑报告系伪造，请向工程所在地住建部门反映。` : '请稍后重试。'}
            extra={<Button onClick={() => navigate(`/r/${encodeURIComponent(decodeURIComponent(number))}`)}>重新输入</Button>}
            data-testid="verify-rejected"
          />
        </Card>
      ) : !result ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <Card>
          <Result
            status={result.status === 'valid' ? 'success' : 'warning'}
            title={
              <span data-testid="verify-status">
                {result.status === 'valid' ? '报告有效' : result.statusLabel}
              </span>
            }
            subTitle={
              result.status === 'superseded'
                ? `该报告已于 ${formatDateTime(result.statusChangedAt)} 被更正报告 ${result.supersededBy ?? ''} 替代，原报告作废。`
                : result.status === 'revoked'
                  ? `该报告已于 ${formatDateTime(result.statusChangedAt)} 撤销，不再有效。`
                  : '本报告由下列检测机构通过本平台出具，与平台存档一致。'
            }
          />
          <Descriptions column={1} bordered size="middle" data-testid="verify-details">
            <Descriptions.Item label="报告编号">
              <Typography.Text className="mono">{result.reportNumber}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={REPORT_STATUS_COLORS[result.status]}>{result.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="检测机构">{result.agencyName}</Descriptions.Item>
            <Descriptions.Item label="工程项目">{result.projectName}</Descriptions.Item>
            <Descriptions.Item label="报告日期">{result.reportDate}</Descriptions.Item>
            <Descriptions.Item label="内容摘要（SHA-256）">
              <Typography.Text className="mono" copyable style={{ wordBreak: 'break-all' }}>
                {result.contentSha256}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">应与报告每页页脚所印内容摘要一致。</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="PDF 文件摘要（SHA-256）">
              <Typography.Text className="mono" copyable style={{ wordBreak: 'break-all' }}>
                {result.pdfSha256}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">电子版报告文件的 SHA-256 应与此一致。</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="平台核查">
              {(result.anomalies ?? []).length === 0 ? (
                <span data-testid="verify-anomalies">平台未发现本批次数据、影像或见证信息存在异常。</span>
              ) : (
                <ul data-testid="verify-anomalies" style={{ margin: 0, paddingLeft: 18 }}>
                  {result.anomalies.map((a, i) => (
                    <li key={i}>
                      {a.kindLabel}（{a.severityLabel}，发现于 {formatDateTime(a.detectedAt)}）：<strong>{a.decisionLabel}</strong>
                      {a.decidedAt ? `（${formatDateTime(a.decidedAt)}）` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </div>
  );
}
