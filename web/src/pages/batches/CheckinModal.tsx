import { AimOutlined, CameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../components/FormModal.tsx';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import { FormProblem, useSubmit } from '../../hooks/useSubmit.ts';
import { checkIn, newIdempotencyKey, type BatchDetail, type Checkin } from './api.ts';

type Position =
  | { state: 'locating' }
  | { state: 'located'; lat: number; lng: number; accuracy: number }
  | { state: 'unavailable'; reason: string };

/** Why the browser gave no position, in words the witness can act on. */
function positionError(e: GeolocationPositionError | null): string {
  if (!e) return '此浏览器不支持定位';
  if (e.code === e.PERMISSION_DENIED) return '定位权限被拒绝（请在浏览器或系统设置中允许本网站获取位置）';
  if (e.code === e.TIMEOUT) return '定位超时';
  return '无法获取当前位置';
}

/** How long the browser may try for a fix; outdoors a phone's GNSS usually answers within seconds. */
const LOCATE_TIMEOUT_MS = 20_000;

/**
 * 现场签到: the witness's photo taken now (the file input opens the phone's camera), the current position from the
 * browser with its accuracy, and the time. Where the browser gives no position (refused, no GNSS, indoors) the witness
 * may type it; the platform checks every declared position against the project's site and flags one outside it, and
 * compares it with the photo's own EXIF position, so a typed position is no way around the geofence. The platform's
 * time of receipt is the check-in time; the photo's time is when it was taken here. Sent once per Idempotency-Key,
 * kept for a retry after a lost answer.
 */
export function CheckinModal({ batch, onClose, onSaved }: { batch: BatchDetail | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [photo, setPhoto] = useState<{ file: File; takenAt: Date } | null>(null);
  const [position, setPosition] = useState<Position>({ state: 'locating' });
  const [typed, setTyped] = useState<{ lat: number | null; lng: number | null }>({ lat: null, lng: null });
  const [now, setNow] = useState(() => new Date());
  const { saving, error, setError, run } = useSubmit();
  const [result, setResult] = useState<Checkin | null>(null);
  const key = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const shown = useRetained(batch);
  const open = batch !== null;

  // Only the latest request's answer counts (a slow fix from an earlier 重新定位 or opening must not overwrite it).
  const request = useRef(0);
  const locate = useCallback(() => {
    const n = ++request.current;
    if (!('geolocation' in navigator)) {
      setPosition({ state: 'unavailable', reason: positionError(null) });
      return;
    }
    setPosition({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => n === request.current && setPosition({ state: 'located', lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }),
      (e) => n === request.current && setPosition({ state: 'unavailable', reason: positionError(e) }),
      { enableHighAccuracy: true, timeout: LOCATE_TIMEOUT_MS, maximumAge: 0 },
    );
  }, []);

  useEffect(() => {
    if (!open) return;
    setPhoto(null);
    setResult(null);
    setError(null);
    key.current = null;
    locate();
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, [open, locate]);

  const submit = () =>
    run(async () => {
      if (!batch) return;
      if (!photo) throw new FormProblem('请先拍摄现场照片');
      let location: { lat: number; lng: number };
      if (position.state === 'located') location = { lat: position.lat, lng: position.lng };
      else if (position.state === 'unavailable') {
        if (typed.lat === null || typed.lng === null) throw new FormProblem('无法自动定位，请填写当前位置的纬度和经度');
        location = { lat: typed.lat, lng: typed.lng };
      } else throw new FormProblem('正在定位，请稍候');
      key.current ??= newIdempotencyKey();
      try {
        const c = await checkIn(batch.id, photo.file, { capturedAt: photo.takenAt.toISOString(), location }, key.current);
        key.current = null;
        setResult(c);
        if (c.flags.length === 0) message.success('已现场签到');
        onSaved();
      } catch (e) {
        // A lost answer keeps the key, so the retry cannot check in twice; a refusal is final for that key.
        if (!(e instanceof ApiError && e.status === 0)) key.current = null;
        throw e;
      }
    });

  const footer = result
    ? [
        <Button key="done" type="primary" onClick={onClose}>
          完成
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose} disabled={saving}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void submit()} disabled={position.state === 'locating'}>
          签到
        </Button>,
      ];

  return (
    <Modal open={open} title="现场签到" footer={footer} onCancel={onClose} destroyOnHidden mask={{ closable: false }} width={600}>
      {result ? (
        <div className="checkin-result">
          {result.flags.length === 0 ? (
            <Alert type="success" showIcon title="签到成功" description={`${formatDateTime(result.checkedInAt)} · 签到位置在项目范围内`} />
          ) : (
            <Alert
              type="warning"
              showIcon
              title="签到已记录，以下情况已标记为异常，供住建部门核查"
              description={
                <Space size={4} wrap>
                  {result.flags.map((f) => (
                    <Tag key={f.kind} color="orange">
                      {f.label}
                    </Tag>
                  ))}
                </Space>
              }
            />
          )}
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            见证人员在检测现场拍摄现场照片并签到。平台记录收到签到的时间和签到位置；位置超出项目范围、在检测时段以外或非本批次见证人员签到的，签到照常记录并标记为异常。
          </Typography.Paragraph>
          <ErrorAlert error={error} className="checkin-error" />
          <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="批次">{shown?.batchNumber}</Descriptions.Item>
            <Descriptions.Item label="当前时间">
              <span className="checkin-now">{formatDateTime(now.toISOString())}</span>
            </Descriptions.Item>
            <Descriptions.Item label="现场照片">
              <Space wrap>
                <input
                  ref={fileInput}
                  type="file"
                  accept="image/jpeg"
                  capture="environment"
                  style={{ display: 'none' }}
                  aria-label="现场照片"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) {
                      setPhoto({ file: f, takenAt: new Date() });
                      setError(null);
                      key.current = null;
                    }
                    e.target.value = '';
                  }}
                />
                <Button icon={<CameraOutlined />} onClick={() => fileInput.current?.click()} disabled={saving}>
                  {photo ? '重拍' : '拍照'}
                </Button>
                {photo ? (
                  <span className="checkin-photo">
                    {photo.file.name}（{formatBytes(photo.file.size)}，{formatDateTime(photo.takenAt.toISOString())} 拍摄）
                  </span>
                ) : (
                  <Typography.Text type="secondary">未拍摄</Typography.Text>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="当前位置">
              <div className="checkin-position">
                {position.state === 'locating' ? <Typography.Text type="secondary">正在定位…</Typography.Text> : null}
                {position.state === 'located' ? (
                  <Space wrap>
                    <span className="mono">
                      {position.lat.toFixed(6)}, {position.lng.toFixed(6)}
                    </span>
                    <span className="muted">精度约 {Math.round(position.accuracy)} 米</span>
                    <Button size="small" icon={<AimOutlined />} onClick={locate} disabled={saving}>
                      重新定位
                    </Button>
                  </Space>
                ) : null}
                {position.state === 'unavailable' ? (
                  <Space wrap>
                    <Typography.Text type="warning">{position.reason}，请手工填写当前位置</Typography.Text>
                    <Button size="small" icon={<AimOutlined />} onClick={locate} disabled={saving}>
                      重新定位
                    </Button>
                  </Space>
                ) : null}
              </div>
            </Descriptions.Item>
          </Descriptions>
          {position.state === 'unavailable' ? (
            <Space wrap className="checkin-typed-position">
              <span>
                纬度 <InputNumber aria-label="纬度" min={-90} max={90} step={0.0001} precision={6} style={{ width: 160 }} value={typed.lat} onChange={(v) => setTyped((t) => ({ ...t, lat: v }))} disabled={saving} />
              </span>
              <span>
                经度 <InputNumber aria-label="经度" min={-180} max={180} step={0.0001} precision={6} style={{ width: 160 }} value={typed.lng} onChange={(v) => setTyped((t) => ({ ...t, lng: v }))} disabled={saving} />
              </span>
              <Typography.Text type="secondary">手工填写的位置同样按项目范围核查</Typography.Text>
            </Space>
          ) : null}
        </>
      )}
    </Modal>
  );
}
