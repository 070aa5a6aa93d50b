import { ArrowLeftOutlined, CameraOutlined, EnvironmentOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Select, Space, Tag, Typography } from 'antd';
import jsQR from 'jsqr';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CaptureManifest } from '../../../../src/modules/capture/manifest.ts';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { cacheLoadedAssets } from '../../service-worker.ts';
import { Countdown } from '../batches/Countdown.tsx';
import { getBatch, listBatches, listRecords, newIdempotencyKey, type BatchDetail, type BatchSummary, type RawRecord } from '../batches/api.ts';
import { formatComponentId } from '../components/componentId.ts';
import { fetchChallenges, type ChallengePool } from './api.ts';
import { CAPTURE_APP_VERSION, loadDeviceKey, sha256Hex, signManifest } from './device.ts';
import { DeviceCard } from './DeviceCard.tsx';
import { useOnline, usePosition } from './hooks.ts';
import { QueueList } from './QueueList.tsx';
import { componentFromQr, fixProblem } from './rules.ts';
import { captureDb, putQueued, queueOf, type DeviceKey, type QueuedCapture } from './store.ts';
import { QueueRunner, retry } from './uploader.ts';
import { stampFrame } from './watermark.ts';

const takesUploads = (b: Pick<BatchSummary, 'status' | 'locked'>) => !b.locked && (b.status === 'opened' || b.status === 'uploading' || b.status === 'completed');

/** A challenge is used only while it has this long left, so that the photo still reaches the platform in time. */
const CHALLENGE_MARGIN_MS = 60_000;

function componentLabel(b: BatchDetail, code: string): string {
  const c = b.components.find((x) => x.code === code);
  if (!c) return formatComponentId(code);
  return [c.display, c.building, c.floor, c.position, c.componentType].filter(Boolean).join(' ');
}

/**
 * 现场采集 (/capture): the phone-first page a tester uses on site. Enrol this phone's key; pick one of the open batches;
 * the rear camera opens in the page and reads the component's QR label; each photo gets a watermark (Beijing time,
 * place, project, component, tester, verification code), is hashed and signed with the enrolled key over a fresh
 * challenge, and goes into the upload queue, which survives closing the browser and uploads when there is network.
 */
export default function CapturePage() {
  const me = useMe();
  const { message } = App.useApp();
  const online = useOnline();
  const [device, setDevice] = useState<DeviceKey | null | undefined>(undefined);
  const [pool, setPool] = useState<ChallengePool | null>(null);
  const [batches, setBatches] = useState<BatchSummary[]>([]);
  const [batchesAt, setBatchesAt] = useState(() => performance.now());
  const [batch, setBatch] = useState<BatchDetail | null>(null);
  const [batchAt, setBatchAt] = useState(() => performance.now());
  const [records, setRecords] = useState<RawRecord[]>([]);
  const [componentId, setComponentId] = useState<string | null>(null);
  const [scanned, setScanned] = useState<{ code: string; onBatch: boolean } | null>(null);
  const [testerId, setTesterId] = useState<string | null>(null);
  const [equipmentId, setEquipmentId] = useState<string | null>(null);
  const [recordKeys, setRecordKeys] = useState<string[]>([]);
  const [queue, setQueue] = useState<QueuedCapture[]>([]);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [shooting, setShooting] = useState(false);
  const [shotError, setShotError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const approved = device?.lastState === 'approved';
  const hasCamera = typeof navigator.mediaDevices?.getUserMedia === 'function';
  const position = usePosition(approved);

  const reloadQueue = useCallback(async () => setQueue(await queueOf(me.id)), [me.id]);
  const runner = useMemo(
    () => new QueueRunner(me.id, { onChange: () => void reloadQueue(), onProgress: (id, f) => setProgress((p) => ({ ...p, [id]: f })) }),
    [me.id, reloadQueue],
  );

  // This page's own chunks load after the worker may have taken control of the first visit: have them kept too.
  useEffect(cacheLoadedAssets, []);

  // What this phone kept: its key, the challenges in hand, the batch last chosen, the queue.
  useEffect(() => {
    let alive = true;
    void (async () => {
      const db = await captureDb();
      const [d, p, b] = await Promise.all([loadDeviceKey(me.id), db.get('challenges', me.id), db.get('batches', me.id)]);
      if (!alive) return;
      setDevice(d);
      if (p) setPool(p);
      if (b) setBatch(b.batch);
      await reloadQueue();
    })();
    return () => {
      alive = false;
    };
  }, [me.id, reloadQueue]);

  // Upload whenever there is network: at start, when the browser comes back online, after each capture.
  useEffect(() => {
    if (online) runner.start();
  }, [online, runner]);

  const doneCount = queue.filter((q) => q.state === 'done').length;
  // A fresh pool of challenges while online (the server tops it up as uploads use them), kept for offline capture.
  useEffect(() => {
    if (!online || !approved) return;
    let alive = true;
    fetchChallenges()
      .then(async (p) => {
        if (!alive) return;
        setPool(p);
        await (await captureDb()).put('challenges', { ...p, userId: me.id, fetchedAt: new Date().toISOString() });
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [online, approved, doneCount, me.id]);

  // The open batches (online); the chosen one is kept for capture without network.
  useEffect(() => {
    if (!online || !approved) return;
    const ctl = new AbortController();
    listBatches({}, 1, 100, ctl.signal)
      .then((p) => {
        setBatches(p.items.filter(takesUploads));
        setBatchesAt(performance.now());
      })
      .catch(() => undefined);
    return () => ctl.abort();
  }, [online, approved]);

  const chooseBatch = async (id: string) => {
    try {
      const b = await getBatch(id);
      setBatch(b);
      setBatchAt(performance.now());
      setComponentId(null);
      setScanned(null);
      setRecordKeys([]);
      await (await captureDb()).put('batches', { userId: me.id, batch: b });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  useEffect(() => {
    if (!batch) return;
    setTesterId(batch.testers.find((t) => t.name === me.displayName)?.id ?? batch.testers[0]?.id ?? null);
    setEquipmentId(batch.equipment[0]?.id ?? null);
    if (!online) return;
    let alive = true;
    listRecords(batch.id)
      .then((r) => alive && setRecords(r.filter((x) => x.latest)))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [batch, me.displayName, online]);

  // The rear camera, in the page, while a batch is chosen.
  useEffect(() => {
    if (!approved || !batch || !hasCamera) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        setCameraError(null);
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
      })
      .catch((e: unknown) => setCameraError(e instanceof DOMException && e.name === 'NotAllowedError' ? '未允许使用相机：请在浏览器设置中允许本平台使用相机' : `无法打开相机：${errorMessage(e)}`));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [approved, batch, hasCamera]);

  // Reads the component's QR label from the camera's frames, twice a second.
  useEffect(() => {
    if (!batch) return;
    const canvas = document.createElement('canvas');
    const t = window.setInterval(() => {
      const v = video.current;
      if (!v || v.readyState < 2 || v.videoWidth === 0) return;
      const scale = Math.min(1, 640 / v.videoWidth);
      canvas.width = Math.round(v.videoWidth * scale);
      canvas.height = Math.round(v.videoHeight * scale);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
      const found = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: 'dontInvert' });
      const code = found ? componentFromQr(found.data) : null;
      if (!code) return;
      const onBatch = batch.components.some((c) => c.code === code);
      setScanned((prev) => (prev?.code === code ? prev : { code, onBatch }));
      if (onBatch) setComponentId(code);
    }, 500);
    return () => window.clearInterval(t);
  }, [batch]);

  const usedNonces = useMemo(() => new Set(queue.map((q) => q.metadata.capture.manifest.challenge.nonce)), [queue]);
  const available = (pool?.items ?? []).filter((c) => !usedNonces.has(c.nonce) && new Date(c.expiresAt).getTime() - new Date().getTime() > CHALLENGE_MARGIN_MS);
  const fixIssue = pool && position.fix ? fixProblem(position.fix, pool, new Date().getTime()) : null;

  const missing: string[] = [];
  if (!batch) missing.push('选择批次');
  if (!componentId) missing.push('扫描构件标签或选择构件');
  if (!testerId) missing.push('检测人员');
  if (!equipmentId) missing.push('检测设备');
  if (!pool || available.length === 0) missing.push(online ? '挑战码（正在领取）' : '挑战码（已用完，须联网领取）');

  /** Takes one photo from `source`: stamp, encode, hash, sign, queue. */
  const capture = async (source: CanvasImageSource, width: number, height: number, via: 'camera' | 'input') => {
    if (!device || !batch || !componentId || !testerId || !equipmentId || !pool) return;
    setShooting(true);
    setShotError(null);
    try {
      let fix = position.fix;
      if (fixProblem(fix, pool, new Date().getTime())) fix = await position.fresh();
      const problem = fixProblem(fix, pool, new Date().getTime());
      if (problem || !fix) throw new Error(problem ?? '尚未取得定位');
      const challenge = available[0];
      if (!challenge) throw new Error('没有可用的挑战码，请联网后重试');
      const capturedAt = new Date().toISOString();
      const tester = batch.testers.find((t) => t.id === testerId)!;
      const label = componentLabel(batch, componentId);
      const jpeg = await stampFrame(source, width, height, {
        capturedAt,
        lat: fix.lat,
        lng: fix.lng,
        accuracy: fix.accuracy,
        project: batch.project.name,
        component: `${formatComponentId(componentId)} ${label}`,
        tester: tester.name,
        code: challenge.code,
      });
      const manifest: CaptureManifest = {
        v: 1,
        purpose: 'process',
        sha256: await sha256Hex(jpeg),
        challenge: { nonce: challenge.nonce, issuedAt: challenge.issuedAt },
        capturedAt,
        position: { lat: fix.lat, lng: fix.lng, accuracy: fix.accuracy, fixedAt: new Date(fix.at).toISOString() },
        batchId: batch.id,
        testerPersonId: testerId,
        equipmentId,
        componentId,
        recordKeys,
        // A photo through the system camera (no in-page camera in this browser) says so in the signed manifest.
        appVersion: via === 'camera' ? CAPTURE_APP_VERSION : `${CAPTURE_APP_VERSION}+input-capture`,
      };
      const signature = await signManifest(device, manifest);
      await putQueued({
        id: newIdempotencyKey(),
        userId: me.id,
        batchId: batch.id,
        batchNumber: batch.batchNumber,
        componentLabel: label,
        jpeg,
        metadata: {
          capturedAt,
          location: { lat: fix.lat, lng: fix.lng },
          testerPersonId: testerId,
          equipmentId,
          componentId,
          recordKeys,
          capture: { manifest, keyId: device.keyId, alg: device.alg, signature },
        },
        code: challenge.code,
        capturedAt,
        deadline: batch.deadline.deadline,
        challengeExpiresAt: challenge.expiresAt,
        state: 'waiting',
        uploadUrl: null,
        imageId: null,
        error: null,
        attempts: 0,
        uploadedAt: null,
      });
      await reloadQueue();
      message.success(`已拍摄并签名（验证码 ${challenge.code}）${navigator.onLine ? '' : '，联网后自动上传'}`);
      runner.start();
    } catch (e) {
      setShotError(e instanceof Error ? e.message : errorMessage(e));
    } finally {
      setShooting(false);
    }
  };

  const shoot = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return setShotError('相机尚未就绪');
    void capture(v, v.videoWidth, v.videoHeight, 'camera');
  };

  const fromInput = async (file: File | undefined) => {
    if (!file) return;
    const bitmap = await createImageBitmap(file);
    await capture(bitmap, bitmap.width, bitmap.height, 'input');
    bitmap.close();
  };

  const summary = batches.find((b) => b.id === batch?.id);
  return (
    <div className="capture-page">
      <div className="capture-top">
        <Link to="/" aria-label="返回控制台">
          <ArrowLeftOutlined /> 控制台
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          现场采集
        </Typography.Title>
        <span className="muted">{me.displayName}</span>
      </div>
      {!online ? <Alert type="warning" showIcon title="当前离线：可继续拍摄（使用手中的挑战码），照片联网后自动上传" className="capture-offline" /> : null}

      {device !== undefined ? <DeviceCard me={me} device={device} online={online} onChange={setDevice} /> : null}

      {approved ? (
        <>
          <Card size="small" title="检测批次" className="capture-batch">
            <Form layout="vertical" component="div">
              <Form.Item label="批次" style={{ marginBottom: 8 }}>
                <Select
                  aria-label="批次"
                  placeholder={online ? '选择进行中的批次' : '离线：使用上次选择的批次'}
                  value={batch?.id}
                  onChange={(id: string) => void chooseBatch(id)}
                  options={(batches.length > 0 ? batches : batch ? [batch] : []).map((b) => ({ value: b.id, label: `${b.batchNumber} ${b.project.name}` }))}
                  disabled={!online}
                />
              </Form.Item>
              {batch ? (
                <Space wrap style={{ marginBottom: 8 }}>
                  <span className="muted">上传时限</span>
                  <Countdown deadline={(summary ?? batch).deadline} locked={batch.locked} fetchedAt={summary ? batchesAt : batchAt} />
                </Space>
              ) : null}
              {batch ? (
                <>
                  <Form.Item label="构件" style={{ marginBottom: 8 }} extra={scanned ? (scanned.onBatch ? <span data-testid="scanned-component">已扫描标签：{formatComponentId(scanned.code)}</span> : <Typography.Text type="danger">扫描到的构件 {formatComponentId(scanned.code)} 不在本批次</Typography.Text>) : '将相机对准构件二维码标签自动识别，或从列表选择'}>
                    <Select aria-label="构件" placeholder="扫描或选择构件" value={componentId ?? undefined} onChange={setComponentId} options={batch.components.map((c) => ({ value: c.code, label: componentLabel(batch, c.code) }))} />
                  </Form.Item>
                  <Form.Item label="检测人员" style={{ marginBottom: 8 }}>
                    <Select aria-label="检测人员" value={testerId ?? undefined} onChange={setTesterId} options={batch.testers.map((t) => ({ value: t.id, label: t.name }))} />
                  </Form.Item>
                  <Form.Item label="检测设备" style={{ marginBottom: 8 }}>
                    <Select aria-label="检测设备" value={equipmentId ?? undefined} onChange={setEquipmentId} options={batch.equipment.map((e) => ({ value: e.id, label: `${e.equipmentType} ${e.model} ${e.serialNumber}` }))} />
                  </Form.Item>
                  <Form.Item label="对应原始记录" style={{ marginBottom: 0 }}>
                    <Select aria-label="对应原始记录" mode="multiple" placeholder="可多选" value={recordKeys} onChange={setRecordKeys} options={records.map((r) => ({ value: r.recordKey, label: `${r.recordKey}（${formatComponentId(r.componentId)}）` }))} />
                  </Form.Item>
                </>
              ) : null}
            </Form>
          </Card>

          {batch ? (
            <Card size="small" title={<><CameraOutlined /> 拍摄</>} className="capture-camera">
              {hasCamera ? (
                <video ref={video} className="capture-video" playsInline muted autoPlay data-testid="capture-video" />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  title="此浏览器不支持应用内取景，改用系统相机（备用方式）"
                  description="照片同样加盖水印并签名，但会标明为备用方式拍摄；请勿选择相册中的照片。"
                  style={{ marginBottom: 8 }}
                />
              )}
              {cameraError ? <Alert type="error" showIcon title={cameraError} style={{ margin: '8px 0' }} /> : null}
              <Space wrap size={4} style={{ margin: '8px 0' }} className="capture-status">
                <Tag icon={<EnvironmentOutlined />} color={position.fix && !fixIssue ? 'success' : 'warning'} data-testid="fix">
                  {position.fix ? `定位 ±${Math.round(position.fix.accuracy)} 米` : (position.error ?? '正在定位…')}
                </Tag>
                <Tag icon={<QrcodeOutlined />} data-testid="challenges-left">
                  挑战码 {available.length} 个
                </Tag>
              </Space>
              {fixIssue ? <Alert type="warning" showIcon title={fixIssue} style={{ marginBottom: 8 }} /> : null}
              {shotError ? <Alert type="error" showIcon title={shotError} style={{ marginBottom: 8 }} data-testid="shot-error" /> : null}
              {missing.length > 0 ? <Typography.Paragraph type="secondary">拍摄前请完成：{missing.join('、')}</Typography.Paragraph> : null}
              {hasCamera ? (
                <Button type="primary" icon={<CameraOutlined />} className="capture-shoot" block loading={shooting} disabled={missing.length > 0 || !!cameraError} onClick={shoot}>
                  拍照并签名
                </Button>
              ) : (
                <label className="capture-input-fallback">
                  <span>打开系统相机（备用）</span>
                  <input type="file" accept="image/jpeg,image/*" capture="environment" disabled={missing.length > 0 || shooting} onChange={(e) => void fromInput(e.target.files?.[0])} />
                </label>
              )}
            </Card>
          ) : null}
        </>
      ) : null}

      <QueueList
        items={queue}
        progress={progress}
        online={online}
        onRetry={(q) =>
          void retry(q).then(async () => {
            await reloadQueue();
            runner.start();
          })
        }
      />
    </div>
  );
}
