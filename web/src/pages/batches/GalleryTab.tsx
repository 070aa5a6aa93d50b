import { WarningOutlined } from '@ant-design/icons';
import { Alert, Badge, Card, Descriptions, Drawer, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatBytes, formatDateTime, orDash } from '../../format.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import { imageContentUrl, imageThumbnailUrl, listAllImages, type BatchDetail, type BatchImage, type ImageFlag } from './api.ts';
import { detailsText } from './AnomaliesTable.tsx';

/** While any image is still processing (EXIF, thumbnail, checks), the gallery asks again this often. */
const POLL_MS = 3_000;

export function Thumb({ img, height = 120 }: { img: BatchImage; height?: number }) {
  const [broken, setBroken] = useState(false);
  if (img.status !== 'done' || !img.thumbnail || broken) {
    return (
      <Flex align="center" justify="center" style={{ height, background: '#fafafa', color: 'rgba(0,0,0,0.45)' }}>
        {img.status === 'processing' ? '处理中…' : (img.previewNote ?? '无缩略图')}
      </Flex>
    );
  }
  return <img src={imageThumbnailUrl(img.id)} alt="过程影像缩略图" style={{ height, width: '100%', objectFit: 'cover', display: 'block' }} onError={() => setBroken(true)} />;
}

/** Which rows of the side-by-side table each flag concerns, so the mismatching values stand out. */
const FLAG_ROWS: Record<string, string[]> = {
  capture_outside_window: ['time'],
  exif_time_mismatch: ['time'],
  location_outside_site: ['location'],
  exif_location_mismatch: ['location'],
  tester_not_on_batch: ['tester'],
  equipment_not_on_batch: ['equipment'],
  component_not_on_batch: ['component'],
  exif_missing: ['camera', 'time'],
  editing_software: ['software'],
  image_without_record: ['records'],
};

const point = (lat: number | null | undefined, lng: number | null | undefined) =>
  lat == null || lng == null ? '—' : `${lat.toFixed(6)}, ${lng.toFixed(6)}`;

/** The image with what was declared beside what the file says, and the consistency flags. */
export function ImagePanel({ img, batch }: { img: BatchImage; batch: BatchDetail }) {
  const flagged = new Set(img.flags.flatMap((f) => FLAG_ROWS[f.kind] ?? []));
  const tester = batch.testers.find((t) => t.id === img.declared.testerPersonId)?.name ?? (img.declared.testerPersonId ? '本批次以外的人员' : '—');
  const eq = batch.equipment.find((e) => e.id === img.declared.equipmentId);
  const exif = img.exif;
  const pending = img.status === 'processing' ? '处理中…' : '—';
  const rows: { key: string; label: string; declared: React.ReactNode; exif: React.ReactNode }[] = [
    {
      key: 'time',
      label: '拍摄时间',
      declared: formatDateTime(img.declared.capturedAt),
      exif: exif ? (exif.takenAt ? `${formatDateTime(exif.takenAt)}${exif.offset ? `（${exif.offset}）` : ''}` : '无') : pending,
    },
    {
      key: 'location',
      label: '拍摄位置（纬度, 经度）',
      declared: point(img.declared.location.lat, img.declared.location.lng),
      exif: exif ? (exif.latitude !== null ? point(exif.latitude, exif.longitude) : '无 GPS') : pending,
    },
    { key: 'tester', label: '检测人员', declared: tester, exif: '—' },
    { key: 'equipment', label: '检测设备', declared: eq ? `${eq.equipmentType} ${eq.model}（${eq.serialNumber}）` : '本批次以外的设备', exif: '—' },
    { key: 'component', label: '构件/部位', declared: <span className="mono">{orDash(img.declared.componentIdDisplay)}</span>, exif: '—' },
    { key: 'camera', label: '相机品牌/型号', declared: '—', exif: exif ? [exif.make, exif.model].filter(Boolean).join(' ') || '无' : pending },
    { key: 'software', label: '处理软件', declared: '—', exif: exif ? orDash(exif.software) : pending },
    { key: 'records', label: '关联原始记录', declared: img.declared.recordKeys.length ? img.declared.recordKeys.join('、') : '无', exif: '—' },
  ];
  return (
    <div className="image-panel">
      {img.status === 'done' ? (
        <a href={imageContentUrl(img.id)} target="_blank" rel="noreferrer">
          <Thumb img={img} height={280} />
        </a>
      ) : (
        <Thumb img={img} height={200} />
      )}
      {img.flags.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ margin: '12px 0' }}
          className="image-flags"
          title="一致性核查发现以下情况（影像已接收，供住建部门核查）"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {img.flags.map((f: ImageFlag) => (
                <li key={f.kind}>
                  <Typography.Text strong>{f.label}</Typography.Text>
                  {detailsText(f.details) === '—' ? ' ' : `（${detailsText(f.details)}）`}{f.status === 'acknowledged' ? <Tag color="success">已核查</Tag> : <Tag color="warning">待核查</Tag>}
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type={img.status === 'done' ? 'success' : 'info'} showIcon style={{ margin: '12px 0' }} title={img.status === 'done' ? '申报信息与文件一致，未发现异常' : '影像处理中，EXIF 核查完成后显示结果'} />
      )}
      <table className="declared-vs-exif">
        <thead>
          <tr>
            <th>项目</th>
            <th>申报信息</th>
            <th>文件 EXIF</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={flagged.has(r.key) ? 'flagged' : undefined} data-row={r.key}>
              <th>{r.label}</th>
              <td>{r.declared}</td>
              <td>{r.exif}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label="上传">{`${formatDateTime(img.uploadedAt)} · ${img.uploadedBy.name}${img.uploadedBy.type === 'machine' ? '（机构系统）' : ''}`}</Descriptions.Item>
        <Descriptions.Item label="文件">{`${img.format.toUpperCase()} ${img.width}×${img.height} · ${formatBytes(img.size)}`}</Descriptions.Item>
        <Descriptions.Item label="内容摘要">
          <Typography.Text className="mono" copyable ellipsis style={{ maxWidth: 380 }}>
            {img.sha256}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="现场采集">
          <CaptureTag img={img} />
          {img.capture.status === 'verified' ? (
            <span className="muted">{` 验证码 ${img.capture.code ?? ''} · ${img.capture.algorithm ?? ''} · 定位精度 ${img.capture.positionAccuracy ?? '-'} m`}</span>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label="签名">{img.signed ? <Tag color="success">设备签名已验证</Tag> : <Tag>未签名（人工上传）</Tag>}</Descriptions.Item>
        {img.supplementary ? (
          <Descriptions.Item label="补传">
            <Tag color="red">补传</Tag>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </div>
  );
}

/** `capture: verified` (signed at capture on an enrolled phone or capture app) or not; the test reads data-capture. */
export function CaptureTag({ img }: { img: BatchImage }) {
  return img.capture.status === 'verified' ? (
    <Tag color="success" data-capture="verified">
      现场签名采集 ✓
    </Tag>
  ) : (
    <Tag data-capture="unsigned">非签名采集</Tag>
  );
}

/** 影像资料: the batch's process images as thumbnails; a click opens the side-by-side panel. */
export function GalleryTab({ batch, version }: { batch: BatchDetail; version: number }) {
  const [images, setImages] = useState<BatchImage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const batchId = batch.id;

  useEffect(() => {
    let alive = true;
    listAllImages(batchId)
      .then((list) => {
        if (!alive) return;
        setImages(list);
        setError(null);
      })
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [batchId, version, tick]);

  const processing = images?.some((i) => i.status === 'processing') ?? false;
  useEffect(() => {
    if (!processing) return;
    const t = window.setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => window.clearTimeout(t);
  }, [processing, images]);

  const open = images?.find((i) => i.id === openId) ?? null;
  const shown = useRetained(open);

  if (error && !images) return <Alert type="error" showIcon title={`影像加载失败：${error}`} />;
  if (!images) return <Spin />;
  if (images.length === 0) return <Empty description="尚无过程影像" />;
  return (
    <>
      <Flex wrap gap={16} className="gallery">
        {images.map((img) => (
          <Badge key={img.id} count={img.flags.length} title={`${img.flags.length} 项异常`}>
            <Card
              hoverable
              size="small"
              className={`gallery-item${img.flags.length ? ' gallery-item-flagged' : ''}`}
              style={{ width: 200 }}
              cover={<Thumb img={img} />}
              onClick={() => setOpenId(img.id)}
            >
              <div className="muted">{formatDateTime(img.declared.capturedAt)}</div>
              <div className="mono">{orDash(img.declared.componentIdDisplay)}</div>
              <CaptureTag img={img} />
              {img.flags.map((f) => (
                <Tag key={f.kind} color="orange" style={{ marginTop: 4 }}>
                  {f.label}
                </Tag>
              ))}
            </Card>
          </Badge>
        ))}
      </Flex>
      <Drawer open={open !== null} title="影像详情：申报信息与 EXIF 对照" size={620} onClose={() => setOpenId(null)} destroyOnHidden>
        {shown ? <ImagePanel img={shown} batch={batch} /> : null}
      </Drawer>
    </>
  );
}
