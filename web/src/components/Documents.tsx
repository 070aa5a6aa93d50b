import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DOCUMENT_MAX_BYTES } from '../../../src/kernel/policy.ts';
import { documentUrl, errorMessage, upload } from '../api.ts';
import { formatBytes } from '../format.ts';
import type { DocumentInfo } from '../types.ts';

const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** What is wrong with a file before it is sent (the server checks again, from the file's bytes). */
function fileProblem(f: File): string | null {
  if (f.size === 0) return '文件为空';
  if (f.size > DOCUMENT_MAX_BYTES) return `文件不能超过 ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB（当前 ${formatBytes(f.size)}）`;
  if (f.type && !ACCEPTED_TYPES.includes(f.type)) return '只接受 PDF、JPEG 或 PNG 文件';
  return null;
}

interface Props {
  /** The uploaded document's id (the form's value). */
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  id?: string;
  disabled?: boolean;
}

/**
 * A scanned certificate or authorization: the file goes to POST /documents as soon as it is chosen, and the form
 * keeps the document's id. PDF, JPEG or PNG, at most 20 MB.
 */
export function DocumentUpload({ value, onChange, id, disabled }: Props) {
  const [doc, setDoc] = useState<DocumentInfo | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = doc && doc.id === value ? doc : null;

  const run = async (f: File) => {
    setError(null);
    const problem = fileProblem(f);
    if (problem) {
      setError(problem);
      return;
    }
    setUploading(true);
    try {
      const info = await upload<DocumentInfo>('/documents', f, f.name);
      setDoc(info);
      onChange?.(info.id);
    } catch (e) {
      setError(errorMessage(e));
      onChange?.(undefined);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={4} id={id}>
      {shown ? (
        <Flex align="center" gap={8} className="document-chosen">
          <FileOutlined />
          <Typography.Link href={documentUrl(shown.id)} target="_blank" rel="noopener">
            {shown.filename}
          </Typography.Link>
          <Typography.Text type="secondary">{formatBytes(shown.size)} · 已上传</Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label="移除文件"
            disabled={disabled}
            onClick={() => {
              setDoc(null);
              onChange?.(undefined);
            }}
          />
        </Flex>
      ) : (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          disabled={disabled || uploading}
          beforeUpload={(f) => {
            void run(f);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading}>
            {uploading ? '正在上传…' : '选择文件'}
          </Button>
        </Upload>
      )}
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </Flex>
  );
}

/** Opens a stored document (preview in a new tab; the browser offers download for what it cannot show). */
export function DocumentLink({ id, label = '查看扫描件' }: { id: string | null | undefined; label?: string }) {
  if (!id) return <Typography.Text type="secondary">未上传</Typography.Text>;
  return (
    <Typography.Link href={documentUrl(id)} target="_blank" rel="noopener">
      <FileOutlined /> {label}
    </Typography.Link>
  );
}
