import type { AnomalyKind, BatchStatus } from './api.ts';

/** The batch statuses in lifecycle order, as the server names them (src/modules/batches/rules/lifecycle.ts). */
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  opened: '已开启',
  uploading: '上传中',
  completed: '现场检测完成',
  sealed: '已封存（待复核）',
  reviewed: '已复核',
  reported: '已出具报告',
};

export const BATCH_STATUS_COLORS: Record<BatchStatus, string> = {
  opened: 'default',
  uploading: 'processing',
  completed: 'blue',
  sealed: 'purple',
  reviewed: 'success',
  reported: 'green',
};

export const BATCH_STATUS_OPTIONS = (Object.keys(BATCH_STATUS_LABELS) as BatchStatus[]).map((s) => ({ value: s, label: BATCH_STATUS_LABELS[s] }));

/**
 * The anomaly kinds (the server's stable codes) for the filter; the record type fails to compile if the server adds or
 * renames a kind. Lists show the server's own `kindLabel`.
 */
export const ANOMALY_KIND_LABELS: Record<AnomalyKind, string> = {
  completion_before_capture: '申报完成时间早于最后采集时间',
  capture_outside_window: '采集时间不在批次时间范围内',
  tester_not_on_batch: '检测人员不在批次登记名单中',
  equipment_not_on_batch: '检测设备不在批次登记名单中',
  component_not_on_batch: '检测构件不在批次登记名单中',
  record_missing_images: '原始记录缺少规定数量的过程影像',
  image_without_record: '影像未关联任何原始记录',
  undeclared_at_seal: '已上传但未列入封存清单',
  location_outside_site: '拍摄位置超出项目范围',
  exif_time_mismatch: 'EXIF 拍摄时间与申报时间不一致',
  exif_location_mismatch: 'EXIF 拍摄位置与申报位置不一致',
  exif_missing: '影像缺少相机 EXIF 数据',
  editing_software: '影像经编辑软件处理',
  duplicate_image: '影像与其他批次的影像相同或相似',
  image_signature_invalid: '影像签名未通过验证',
  jpeg_truncated: 'JPEG 文件不完整（缺少结束标记）',
  jpeg_corrupt_data: 'JPEG 图像数据损坏',
  jpeg_trailing_data: 'JPEG 结束标记之后附有其他数据',
  jpeg_resaved: '影像经软件重新压缩保存（标准编码器量化表）',
  exif_modified_after_capture: 'EXIF 修改时间晚于拍摄时间',
  exif_gps_time_mismatch: 'EXIF GPS 时间与拍摄时间不一致',
  exif_thumbnail_mismatch: 'EXIF 内嵌缩略图与影像内容不符',
  exif_makernote_missing: '有相机型号但缺少相机厂商数据（MakerNote）',
  exif_exposure_implausible: '曝光参数缺失或不合常理',
  screenshot_suspected: '疑似截屏或翻拍屏幕',
  unsigned_capture: '影像未经签名采集（非现场拍摄签名）',
  capture_position_stale: '采集时定位已过时',
  capture_position_inaccurate: '采集时定位精度不足',
  witness_not_registered: '见证人员未在本项目登记',
  witness_no_checkin: '见证人员未现场签到',
  witness_no_attestation: '见证人员未确认见证',
  witness_checkin_outside_site: '见证签到位置超出项目范围',
  witness_proxy_suspected: '疑似他人代见证',
  supplementary_upload: '补传',
  possibly_missing: '疑似漏传（开启后长时间未申报完成）',
  record_recompute_mismatch: '上报结果与原始读数复算结果不一致',
  record_readings_missing: '原始记录缺少标准规定的原始读数',
};

export const ANOMALY_KIND_OPTIONS = (Object.keys(ANOMALY_KIND_LABELS) as AnomalyKind[]).map((k) => ({ value: k, label: ANOMALY_KIND_LABELS[k] }));

const EVENT_LABELS: Record<string, string> = {
  open: '开启批次',
  upload_started: '开始上传',
  complete: '申报现场检测完成',
  seal: '封存',
  'review.approve': '复核通过',
  'review.return': '复核退回',
  'witness.attest': '见证确认',
  'manual_exception.grant': '准许人工录入',
  lock: '锁定报告生成权限',
  unlock: '解除锁定',
  report: '出具报告',
};

export const eventLabel = (e: string): string => EVENT_LABELS[e] ?? e;

export const SUBJECT_LABELS: Record<string, string> = {
  batch: '批次',
  record: '原始记录',
  image: '影像',
  checkin: '见证签到',
  attestation: '见证确认',
  seal: '封存',
};
