/**
 * The policy module: every number the notice 吉建质〔2026〕2号 sets, and every interpretation we made
 * where it is silent (marked ⚙), in one place. Rules import from here; no rule carries its own literal.
 *
 * Clause references are to the notice (e.g. 一(三) = section 一, item (三)) unless they name another text.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const durations = { MINUTE, HOUR, DAY } as const;

/** 一(三): all raw records and images within 2 hours of completing on-site testing. */
export const UPLOAD_DEADLINE_MS = 2 * HOUR;

/** 一(三): a force-majeure filing (不可抗力报备) within 2 hours of completion … */
export const FORCE_MAJEURE_FILING_WINDOW_MS = 2 * HOUR;

/** 一(三): … and, once the fault is cleared, everything within 2 hours of clearing. */
export const FORCE_MAJEURE_CLEARED_UPLOAD_MS = 2 * HOUR;

/** ⚙ A batch opened but never declared complete within 24 h is flagged as possibly missing (漏传). */
export const OPEN_BATCH_MISSING_AFTER_MS = 24 * HOUR;

/** ⚙ Deadline-approaching notice in the console, 30 min before the deadline. */
export const DEADLINE_WARNING_BEFORE_MS = 30 * MINUTE;

/** 二(二): a witness change (replacement, revocation, new authorization) is registered within 3 working days. */
export const WITNESS_CHANGE_WORKING_DAYS = 3;

/** ⚙ The console warns about equipment calibration (检定/校准) expiring within 30 days. */
export const CALIBRATION_WARNING_DAYS = 30;

/** 五: the trial period ends 2026-06-30 (inclusive, Beijing time); full enforcement from 2026-07-01 00:00 +08:00. */
export const FULL_ENFORCEMENT_FROM = new Date('2026-07-01T00:00:00+08:00');

/** The zone in which the notice's dates and the console's times are read. */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

/**
 * Platform security ⚙ (not from the notice; 等保 2.0 identity authentication, "登录失败处理"): sign-in throttling,
 * counted over a sliding window (src/modules/identity/login-throttle.ts).
 * - Per account: this many failed attempts for one user name from browsers it has not signed in from before, whatever
 *   address they claim, and further such attempts wait until the oldest leaves the window. Guessing one password is
 *   thus limited to 5 tries per 15 minutes (≈ 480 a day), however many addresses the guesser has.
 * - Per real client address: failures for any user names from one address (the address the trusted proxies report);
 *   higher, because a site office or a department shares one NAT address.
 * - Per known browser: a browser that signed in to this account before carries a device cookie (OWASP "device
 *   cookies") and is exempt from the two limits above, so someone else's failures do not lock the real user out; it
 *   has its own limit of the same size, so a stolen device cookie does not give unlimited guesses either.
 */
export const LOGIN_FAILURE_WINDOW_MS = 15 * MINUTE;
export const LOGIN_ACCOUNT_MAX_FAILURES = 5;
export const LOGIN_ADDRESS_MAX_FAILURES = 30;
export const LOGIN_DEVICE_MAX_FAILURES = 5;
/** ⚙ A device cookie is honoured this long after the browser's last successful sign-in to the account. */
export const LOGIN_DEVICE_TRUST_MS = 180 * DAY;

/**
 * ⚙ Two-factor sign-in (issue 15 item 2; 等保 2.0 level 3 asks administrators for two kinds of authentication):
 * the roles that must have a second factor when MFA_REQUIRED is on (the default in production), and the TOTP
 * parameters every authenticator app supports (RFC 6238: SHA-1, 6 digits, 30 s). One step either side is accepted
 * for clock drift between the phone and the server; a code is accepted once.
 */
export const SECOND_FACTOR_REQUIRED_ROLES = ['platform_admin', 'dept_officer'] as const;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_DRIFT_STEPS = 1;
/** ⚙ Recovery codes issued with a factor, each good once, for a lost phone. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * ⚙ Request rate limits (issue 15 item 6; 等保 2.0 intrusion prevention), per process, over one minute: per machine
 * credential (a lab system uploading every on-site test of a large agency stays far below it — the ingest benchmark
 * peaks near 20 requests a second — while a runaway or stolen credential is stopped), and per client address for
 * anonymous API calls (public report verification, sign-in). Console sessions are not limited: they are people, and
 * sign-in has its own throttle.
 */
export const MACHINE_REQUESTS_PER_MINUTE = 6000;
export const ANONYMOUS_REQUESTS_PER_MINUTE = 300;

/** ⚙ Console sessions expire after 12 h without use, and at the latest 7 days after login. */
export const SESSION_IDLE_MS = 12 * HOUR;
export const SESSION_MAX_AGE_MS = 7 * DAY;

/**
 * ⚙ Passwords of people: at least 8 characters from at least 3 of the classes upper, lower, digit, symbol —
 * the usual reading of GB/T 22239-2019 (等保 2.0) for government systems. Machine credentials are random.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CHARACTER_CLASSES = 3;
/**
 * ⚙ A password may not contain the user name or the person's name in pinyin (issue 15 item 1); parts shorter than this
 * are not compared, or every password containing "li" or "wang" would be refused.
 */
export const PASSWORD_NAME_PART_MIN_LENGTH = 4;

/** ⚙ Attached documents (scanned certificates, authorizations): PDF, JPEG or PNG up to 20 MiB. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * 三(一) graded handling (分级处置), counted per organisation per calendar year (⚙ the window):
 * 首次轻微违规约谈提醒；累计2次违规或补传超1次限期整改；整改不力或多次违规的依法予以行政处罚并记不良信用记录.
 */
export const LADDER_RECTIFICATION_AT_VIOLATIONS = 2;
/** "补传超1次": more than one supplementary upload in the year, i.e. the second one. */
export const LADDER_RECTIFICATION_ABOVE_SUPPLEMENTARY_UPLOADS = 1;
/** ⚙ "多次违规" read as three or more violations in the year. */
export const LADDER_PENALTY_AT_VIOLATIONS = 3;

/**
 * ⚙ DESIGN.md §2 rule 8: the State Council (国务院办公厅) publishes next year's holidays and 调休 around November.
 * From this Beijing month/day on, the console warns while next year's calendar is not loaded.
 */
export const CALENDAR_NEXT_YEAR_ALERT_FROM = { month: 11, day: 1 } as const;

/**
 * ⚙ DESIGN.md §2 rule 10: the violation types that are serious (严重违规) and go straight to the top rung —
 * tampering (篡改), synthesized or re-shot images (合成、补拍), proxy witnessing (他人代见证), fabricated data or
 * false reports (伪造数据、虚假报告, 二(一)) and manual entry in place of auto-collection (人工录入替代自动采集).
 * Every other type is minor. Codes as in src/modules/violations/types.ts.
 */
export const SERIOUS_VIOLATION_TYPES = [
  'tampered_data',
  'synthesized_image',
  'proxy_witness',
  'fabricated_data',
  'manual_entry_instead_of_auto',
] as const;

/**
 * ⚙ Credit (四(二) 信用联动): each organisation and person starts a calendar year at 100 points.
 * Deductions per violation that enters the credit record; a bonus for a whole previous year without violations
 * (全年无违规的予以加分); levels by score. Serious violations or dishonesty (失信) downgrade and restrict market access
 * (严重违规或失信的，实施信用降级，限制市场准入).
 */
export const CREDIT_BASE_SCORE = 100;
export const CREDIT_DEDUCTION = { minor: 5, serious: 20 } as const;
/** Extra deduction when an administrative penalty is decided (the adverse credit record itself). */
export const CREDIT_PENALTY_DEDUCTION = 15;
export const CREDIT_CLEAN_YEAR_BONUS = 5;
/** Lower bounds of each level, best first: A 优良, B 合格, C 警示, D 不合格. */
export const CREDIT_LEVELS = [
  { level: 'A', min: 100 },
  { level: 'B', min: 85 },
  { level: 'C', min: 70 },
  { level: 'D', min: Number.NEGATIVE_INFINITY },
] as const;
/** A serious violation downgrades by one level and restricts market access for 6 months; dishonesty: level D, 12 months. */
export const CREDIT_SERIOUS_RESTRICTION_MONTHS = 6;
export const CREDIT_DISHONESTY_RESTRICTION_MONTHS = 12;

/**
 * ⚙ Issue 3 item 6 (projects): a project's location is WGS-84 (what GNSS receivers and EXIF give, not the GCJ-02 of
 * Chinese web maps) and must lie inside China's extreme points (漠河 53.56°N, 曾母暗沙 3.86°N, 帕米尔 73.50°E,
 * 乌苏里江口 135.08°E), rounded outwards …
 */
export const CHINA_BOUNDS = { minLng: 73.4, maxLng: 135.1, minLat: 3.8, maxLat: 53.6 } as const;
/** … and, since the platform is Jilin's, inside Jilin's extent (121°38′–131°19′E, 40°50′–46°19′N) plus ~10 km. */
export const JILIN_BOUNDS = { minLng: 121.5, maxLng: 131.45, minLat: 40.75, maxLat: 46.4 } as const;

/** ⚙ A site given as point + radius: at least 20 m (one building plot), at most 5 km. */
export const SITE_RADIUS_MIN_METRES = 20;
export const SITE_RADIUS_MAX_METRES = 5_000;
/** ⚙ A site polygon: at most 500 vertices, and no two vertices more than 30 km apart (a long municipal road). */
export const SITE_POLYGON_MAX_POINTS = 500;
export const SITE_MAX_EXTENT_METRES = 30_000;
/**
 * ⚙ Geofence tolerance (DESIGN §4: "place outside the project's geofence"): a phone's GNSS fix is typically good to
 * 5–20 m in the open and worse between tall buildings, so a capture up to 50 m outside the site boundary counts as on
 * site. The project's own location point must lie within the site by the same tolerance.
 */
export const SITE_GEOFENCE_TOLERANCE_METRES = 50;

/** ⚙ Components (构件/部位, 二(四)): at most 200 registered in one request, at most 480 labels (20 A4 sheets) per PDF. */
export const COMPONENT_REGISTRATION_MAX_ITEMS = 200;
export const COMPONENT_LABELS_MAX_PER_PDF = 480;

/**
 * 一(一) connection (对接) ⚙: "机构资质、设备核验及人员注册" read as at least this many verified pieces of equipment
 * in calibration and this many active registered people holding a certificate in force. 双人复核 needs a second
 * person per batch; that is checked when a batch is reviewed, not here.
 */
export const CONNECTION_MIN_VERIFIED_EQUIPMENT = 1;
export const CONNECTION_MIN_CERTIFIED_PERSONNEL = 1;

/**
 * ⚙ A certificate's dates (资质证书, 入吉备案, 检定/校准证书, 上岗证) are Beijing calendar days, inclusive: "valid to
 * 2026-12-31" is in force until 2027-01-01T00:00+08:00, exclusive. Offset of Beijing time from UTC, in ms.
 */
export const CERTIFICATE_DAY_OFFSET_MS = 8 * HOUR;

/** ⚙ Catalogue (issue 3 item 3): a text field of a raw record without its own maxLength holds at most 200 characters. */
export const RECORD_TEXT_DEFAULT_MAX_LENGTH = 200;

/**
 * ⚙ Process images (过程影像): at most 30 MiB and 50 megapixels each; the pixel count is read from the header and a
 * larger image (a decompression bomb) is refused before any decoding. Thumbnails for the console are 320 px wide.
 */
export const IMAGE_MAX_BYTES = 30 * 1024 * 1024;
export const IMAGE_MAX_PIXELS = 50_000_000;
export const IMAGE_THUMBNAIL_WIDTH = 320;

/**
 * ⚙ Batches and raw records (issue 4). Device and phone clocks drift: a declared completion time or a capture time up
 * to 2 minutes ahead of the platform's clock is accepted as it is; further ahead it cannot be real and is refused.
 */
export const CLIENT_CLOCK_TOLERANCE_MS = 2 * MINUTE;

/** ⚙ A batch lists at most 50 test items, 200 components, 20 pieces of equipment and 20 testers. */
export const BATCH_MAX_ITEMS = 50;
export const BATCH_MAX_COMPONENTS = 200;
export const BATCH_MAX_EQUIPMENT = 20;
export const BATCH_MAX_TESTERS = 20;

/** ⚙ A seal manifest declares at most 10 000 record versions and 10 000 images (larger work is split into batches). */
export const SEAL_MANIFEST_MAX_ITEMS = 10_000;

/**
 * ⚙ Process images (过程影像, issue 4 items 3–5) — consistency flags (DESIGN.md §4). Every one is a flag for the
 * departments to review, never a refusal of real data:
 * - capture time: more than 10 minutes before the batch was opened, or more than 10 minutes after the declared
 *   completion (a tester photographs the set-up just before opening the batch in the app; phone clocks drift);
 * - EXIF against the declared values: capture times more than 5 minutes apart (EXIF is a wall-clock time read as
 *   Beijing time unless the camera wrote its offset), positions more than 100 m apart (two fixes of one phone agree to
 *   tens of metres; the site tolerance is SITE_GEOFENCE_TOLERANCE_METRES);
 * - the same picture used again: see IMAGE_REUSE_MAX_HAMMING at the end of this file.
 */
export const IMAGE_CAPTURE_WINDOW_TOLERANCE_MS = 10 * MINUTE;
export const IMAGE_EXIF_TIME_TOLERANCE_MS = 5 * MINUTE;
export const IMAGE_EXIF_POSITION_TOLERANCE_METRES = 100;

/**
 * ⚙ Editing software (严禁上传合成、篡改的影像, 一(三)): an EXIF Software/ProcessingSoftware/CreatorTool containing one of
 * these (case-insensitive) flags the image. Cameras and phones write their firmware there ("HDR+ 1.0", "17.4.1",
 * "MediaTek Camera Application"), which matches none of them.
 */
export const IMAGE_EDITING_SOFTWARE_PATTERNS = [
  'photoshop',
  'lightroom',
  'gimp',
  'affinity photo',
  'pixelmator',
  'snapseed',
  'picsart',
  'canva',
  'facetune',
  'polarr',
  'vsco',
  'photoscape',
  'paint.net',
  'meitu',
  '美图',
  '醒图',
  '黄油相机',
  '天天p图',
  '光影魔术手',
  '水印相机',
  'remini',
] as const;

/**
 * ⚙ Upload limits: the declared metadata header (base64url JSON) up to 16 KiB; up to 50 record keys per image; the
 * format and pixel count are read from the first bytes while streaming, within at most 512 KiB (a JPEG's SOF follows
 * its APP segments, a HEIF's dimensions are in its meta box); what is not decided by then is decided from the stored
 * file's header before anything decodes it.
 */
export const IMAGE_METADATA_HEADER_MAX_BYTES = 16 * 1024;
export const IMAGE_RECORD_KEYS_MAX = 50;
export const IMAGE_SNIFF_MAX_BYTES = 512 * 1024;

/**
 * ⚙ Image processing (EXIF, thumbnail, perceptual hash) runs after the acknowledgement in a job queue claimed with
 * FOR UPDATE SKIP LOCKED: a claim is a lease of 2 minutes (a crashed worker's job is claimable again after it),
 * retried up to 3 times, 10 s apart; idle workers poll every second, and up to 3 jobs run at once per process: one
 * more than this 2-core machine's cores, because a job also waits (its thumbnail's fsync, its commit) and the cores
 * would idle meanwhile (measured by `npm run bench:ingest`: 2 → 3 jobs took the platform from ~0.64 to ~0.73 of the
 * bare pipeline; 4 gave no more). sharp decodes on its own thread pool.
 */
export const IMAGE_JOB_LEASE_MS = 2 * MINUTE;
export const IMAGE_JOB_MAX_ATTEMPTS = 3;
export const IMAGE_JOB_RETRY_DELAY_MS = 10_000;
export const IMAGE_JOB_POLL_MS = 1_000;
export const IMAGE_WORKER_CONCURRENCY = 3;

/**
 * ⚙ Resumable uploads (tus 1.0): received bytes are made durable in segments of 1 MiB (a dropped connection keeps every byte
 * that arrived; a crashed process loses at most the segment in flight; memory per upload stays at one segment); an
 * unfinished upload can be resumed for 7 days.
 */
export const RESUMABLE_SEGMENT_BYTES = 1024 * 1024;
export const RESUMABLE_UPLOAD_EXPIRY_MS = 7 * DAY;

// ───────────────────────────── Reports (检测报告, issue 5 items 5–6) ─────────────────────────────

/**
 * ⚙ Report numbers (部令57号: numbered per agency, consecutive, never reused or skipped): per agency per Beijing calendar
 * year, six digits of sequence, so up to 999 999 reports an agency a year.
 */
export const REPORT_NUMBER_MAX_SEQ = 999_999;

/**
 * ⚙ The check code printed beside a report's number and carried by its QR code: 8 characters of Crockford base32
 * (40 random bits). Verification needs number and code together, so an altered number, or one guessed in sequence,
 * never shows another report.
 */
export const REPORT_CHECK_CODE_LENGTH = 8;

/** ⚙ The reason given when a report is revoked or replaced by a corrected one: 2 to 500 characters. */
export const REPORT_REASON_MIN_LENGTH = 2;
export const REPORT_REASON_MAX_LENGTH = 500;
// ───────────────────────────── Deadlines (issue 5) ─────────────────────────────

/**
 * ⚙ The deadline sweeper runs in every server process every 15 s, so a batch is locked at most ~15 s (plus the sweep
 * itself) after its deadline, well inside the 60 s; it handles at most 500 due batches per transaction.
 */
export const DEADLINE_SWEEP_INTERVAL_MS = 15_000;
export const DEADLINE_SWEEP_CHUNK = 500;

/** ⚙ A force-majeure filing (不可抗力报备) carries at most 10 evidence documents. */
export const FORCE_MAJEURE_MAX_DOCUMENTS = 10;
/*
 * ── Enforcement (issue 6 items 1–5): graded handling, key supervision list, trial period, credit ──
 */

/** ⚙ 约谈提醒: once an officer confirms an interview, it is held within 15 days (the trial exemption needs "on time"). */
export const INTERVIEW_DUE_DAYS = 15;
/** ⚙ 限期整改: the rectification deadline an officer is offered by default (30 days); they may set 1 to 90 days. */
export const RECTIFICATION_DEFAULT_DAYS = 30;
export const RECTIFICATION_MIN_DAYS = 1;
export const RECTIFICATION_MAX_DAYS = 90;

/**
 * ⚙ 重点监管名单 (三(一)): an organisation is on the list from the confirmation of a 限期整改 or 行政处罚 case. It leaves
 * once every such case is closed and 12 months have passed since the last of those closings and since its last
 * violation — a year of clean conduct after the handling ended.
 */
export const KEY_SUPERVISION_CLEAR_MONTHS = 12;

/**
 * ⚙ "补传超1次" is counted per agency per Beijing calendar year as the number of batches that received supplementary
 * uploads (补传: records or images uploaded while or after the batch was locked), in the year of the first one. A batch
 * completed late once is one 补传, however many files it took.
 */
export const SUPPLEMENTARY_COUNT_UNIT = 'batch' as const;

/** ⚙ The platform re-runs the ladder over every organisation with this year's facts once an hour (and after each event). */
export const ENFORCEMENT_PASS_INTERVAL_MS = HOUR;

/** ⚙ A construction unit's fraud report (二(一) 发现…应及时报告属地住建主管部门): 10–2000 characters, up to 10 attachments. */
export const FRAUD_REPORT_MIN_CHARS = 10;
export const FRAUD_REPORT_MAX_CHARS = 2000;
export const FRAUD_REPORT_MAX_ATTACHMENTS = 10;
/** ⚙ One Excel export of violations or of the key supervision list holds at most 10 000 rows (narrow the filter for more). */
export const VIOLATION_EXPORT_MAX_ROWS = 10_000;
// ───────────────────────────── Inspections (issue 6 items 6–9) ─────────────────────────────

/**
 * ⚙ 日常核查: the daily job snapshots the Beijing day just ended once it is this far past midnight (a seal at 23:59:59
 * has committed by then), polling every 5 minutes; a process that was down catches up to 7 missed days.
 */
export const DAILY_CHECK_RUN_AFTER_MIDNIGHT_MS = 10 * MINUTE;
export const DAILY_CHECK_POLL_MS = 5 * MINUTE;
export const DAILY_CHECK_CATCH_UP_DAYS = 7;
/**
 * ⚙ A batch counts on the day its deadline falls in. A deadline moved by force majeure (clearing + 2 h) is found for
 * batches completed up to 30 days before the day; an older one is not counted again.
 */
export const DAILY_CHECK_DEADLINE_LOOKBACK_DAYS = 30;
/** ⚙ The table, trend and export cover at most 366 days at once. */
export const DAILY_CHECK_MAX_RANGE_DAYS = 366;

/**
 * ⚙ 随机抽查 (双随机): the platform draws the seed (32 random bytes, hex) when the draw is published, so no officer picks
 * it; a population of at most 20 000 batches or agencies, a sample of at most 1 000, at most 50 inspectors in a pool.
 */
export const RANDOM_DRAW_SEED_BYTES = 32;
export const RANDOM_DRAW_MAX_POPULATION = 20_000;
export const RANDOM_DRAW_MAX_SAMPLE = 1_000;
export const RANDOM_DRAW_MAX_POOL = 50;

/** ⚙ 专项检查: a campaign's worklist, frozen at its start, holds at most 2 000 batches. */
export const SPECIAL_CAMPAIGN_MAX_WORKLIST = 2_000;
// ───────────────────────────── Deadlines: force-majeure suspension limit (issue 5 follow-up) ─────────────────────────────

/**
 * ⚙ 故障排除后2小时内完成全部信息的上传: an accepted force-majeure filing suspends the lock only until the agency declares
 * the fault cleared. So that a filing never cleared cannot hold the lock back for ever, a fault not declared cleared
 * within 72 h of the department's acceptance is treated as cleared at acceptance + 72 h (deadline = that + 2 h). 72 h
 * covers the outages the notice has in mind (停电, 网络中断, 设备故障) across a weekend or a public-holiday start, so an
 * honest agency is not caught by it; a fault that genuinely lasts longer ends in a lock the department can lift with
 * a reason (the same path as any other late batch), which keeps a person in the loop instead of an open-ended pause.
 */
export const FORCE_MAJEURE_MAX_SUSPENSION_MS = 72 * HOUR;
// ───────────────────────────── Image forensics (issue 12 item 1) ─────────────────────────────

/**
 * ⚙ How much each forensic finding weighs (an anomaly's `severity` in its evidence; the department decides every one,
 * none refuses the image — DESIGN.md §4): high = the file itself proves alteration or damage (truncated or corrupt data,
 * a thumbnail of another picture); medium = strong signs of re-saving or edited
 * metadata; low = signs with innocent explanations (a stale GPS fix, a messaging app that strips the MakerNote, data
 * appended after the picture).
 */
export const IMAGE_FORENSIC_SEVERITY = {
  jpeg_truncated: 'high',
  jpeg_corrupt_data: 'high',
  jpeg_trailing_data: 'low',
  jpeg_resaved: 'medium',
  exif_modified_after_capture: 'medium',
  exif_gps_time_mismatch: 'medium',
  exif_thumbnail_mismatch: 'high',
  exif_makernote_missing: 'low',
  exif_exposure_implausible: 'medium',
  screenshot_suspected: 'medium',
} as const satisfies Record<string, 'high' | 'medium' | 'low'>;

/**
 * ⚙ Re-save evidence: quantization tables equal to a software encoder's tables (IJG Annex K or a mozjpeg preset) at an
 * integer quality below 90 flag the image. Camera and phone encoders write at 90–100 with their own tables; some
 * Android phones use the IJG tables at 95–100, so a match at 90 or above is kept as evidence in the analysis only
 * (docs/decisions.md "Image forensics").
 */
export const IMAGE_RESAVE_FLAG_BELOW_QUALITY = 90;

/** ⚙ EXIF ModifyDate later than DateTimeOriginal by more than 2 minutes (a camera writes both at capture). */
export const IMAGE_MODIFY_AFTER_CAPTURE_TOLERANCE_MS = 2 * MINUTE;

/**
 * ⚙ The GPS date/time stamp (UTC, the time of the position fix) more than 15 minutes from DateTimeOriginal read with
 * OffsetTimeOriginal (Beijing time when absent): a phone's fix can lag its capture by minutes, not by hours; a GPS time
 * written as local time by hand is 8 hours off.
 */
export const IMAGE_GPS_TIME_TOLERANCE_MS = 15 * MINUTE;

/**
 * ⚙ The EXIF thumbnail (IFD1) against the picture: both reduced to 32×32 grey, levels normalised (mean 128, standard
 * deviation 40); a cell "changed" when the two differ there by more than 12 levels (under a third of a standard
 * deviation). A camera's own thumbnail of its picture changes no cell (fixtures: mean difference 0.7, no cell above 12);
 * flagged when more than 2 % of the frame changed — a grey label painted over a ninth of the fixture's frame reads as
 * 11 % changed (forensics.test.ts).
 */
export const IMAGE_THUMBNAIL_SIZE = 32;
export const IMAGE_THUMBNAIL_CELL_DIFFERENCE = 12;
export const IMAGE_THUMBNAIL_MAX_CHANGED_SHARE = 0.02;

/**
 * ⚙ Plausible exposure data for a picture that names a camera: exposure time 1/64000–60 s, f-number 0.7–64, ISO
 * 12–409600 (the range of cameras on sale); a named camera without any of the three is flagged too (every camera and
 * phone writes them; hand-written EXIF rarely does).
 */
export const IMAGE_EXPOSURE_LIMITS = { exposureTime: [1 / 64_000, 60], fNumber: [0.7, 64], iso: [12, 409_600] } as const;

/**
 * ⚙ Screen sizes (pixels, either orientation) of common phones, tablets and monitors: a picture of exactly such a size
 * without camera EXIF is most likely a screenshot (补拍 from a screen), as is a PNG without camera EXIF.
 */
export const SCREEN_SIZES: readonly (readonly [number, number])[] = [
  [1920, 1080], [2560, 1440], [3840, 2160], [1366, 768], [1440, 900], [1536, 864], [1600, 900], [1280, 720], [1280, 800], [1680, 1050], [1920, 1200],
  [2560, 1600], [2880, 1800], [3024, 1964], [3456, 2234], [2340, 1080], [2400, 1080], [2412, 1080], [2436, 1125], [2532, 1170], [2556, 1179],
  [2622, 1206], [2688, 1242], [2778, 1284], [2796, 1290], [2868, 1320], [1792, 828], [1334, 750], [2208, 1242], [2340, 1116], [2376, 1080],
  [2388, 1080], [2400, 1116], [2640, 1200], [2700, 1224], [2712, 1220], [2772, 1240], [2800, 1260], [3200, 1440], [3088, 1440], [3120, 1440],
  [2560, 1080], [2048, 1536], [2732, 2048], [2388, 1668], [2360, 1640], [2266, 1488], [2560, 1664], [2960, 1848],
];

// ───────────────────────────── Image reuse (issue 12 item 2) ─────────────────────────────

/**
 * ⚙ Perceptual hashes for reuse (src/modules/images/rules/reuse-hash.ts, docs/decisions.md "Image reuse"): besides the
 * whole picture, windows of 80 % of each side at offsets 0, 10 % and 20 % (a 3×3 grid: a crop to 80 % lies within
 * 5 % of one of them); a canonical-orientation choice closer than 2 % of the region's AC energy is kept both ways.
 */
export const IMAGE_REUSE_WINDOW_SCALE = 0.8;
export const IMAGE_REUSE_WINDOW_OFFSETS = [0, 0.1, 0.2] as const;
export const IMAGE_REUSE_CANONICAL_AMBIGUITY = 0.02;

/**
 * ⚙ Reuse threshold: two hashes (63 informative bits, each region's coefficients against their median, so distances are
 * even) within 6 bits are the same picture. Measured (src/modules/images/reuse.test.ts, docs/decisions.md): mirrors,
 * rotations, 50 % scale and JPEG quality 60 stay within 2, brightness +20 % within 6, a crop aligned with a window within
 * 2; different scenes were never nearer than 12. The index (four 16-bit chunks probed within one bit) is exact up to 7.
 */
export const IMAGE_REUSE_MAX_HAMMING = 6;
// ───────────────────────────── Ledger (issue 13) ─────────────────────────────

/**
 * ⚙ 完整性和可追溯性 / 不得篡改数据或影像: receipts are sequenced into the Merkle log by a loop in every server process
 * (one at a time, under an advisory lock) every second, at most this many per transaction; each sequenced batch
 * publishes a signed checkpoint, so checkpoints follow new leaves within seconds (issue 13 asks at least every
 * minute). Tiles are 256 wide (C2SP tlog-tiles).
 */
export const LEDGER_SEQUENCE_INTERVAL_MS = 1_000;
export const LEDGER_SEQUENCE_BATCH = 4_096;
/** ⚙ The scrub job re-hashes every stored blob referred to by a ledger entry, this often, this many per pass. */
export const LEDGER_SCRUB_INTERVAL_MS = 6 * HOUR;
export const LEDGER_SCRUB_BATCH = 500;
/** ⚙ The checkpoint origin (and log key name) is `<host of PUBLIC_BASE_URL, else HOST>/qtrace-ledger`, fixed at the first start. */
export const LEDGER_ORIGIN_SUFFIX = 'qtrace-ledger';
// ───────────────────────────── Anomalies: severity, report gate, recomputation (issue 12 items 3–5) ─────────────────────────────

/**
 * ⚙ One capture-window tolerance for everything captured in a batch — raw records and images alike (DESIGN.md §4):
 * a capture up to 10 minutes before the batch was opened or after its declared completion is inside the window (a
 * tester photographs or measures the set-up just before opening the batch in the app; device clocks drift). Before
 * issue 12 a record 1 s before opening was flagged while an image got these 10 minutes.
 */
export const CAPTURE_WINDOW_TOLERANCE_MS = IMAGE_CAPTURE_WINDOW_TOLERANCE_MS;

/**
 * ⚙ Severity of each kind of anomaly (DESIGN.md §4 "an open anomaly of a blocking severity stops report generation"):
 * - `critical`: evidence of the forbidden acts of 一(三)/二(一) — editing, reuse, a forged signature, proxy witnessing,
 *   a result its own raw readings contradict;
 * - `major`: the record or picture does not fit the batch it claims (time, place, people, instrument, witness);
 * - `minor`: bookkeeping a department looks at without it stopping a report (missing EXIF alone, an image not linked
 *   to a record, an upload after the lock that is already counted as 补传).
 * Codes as in src/modules/batches/anomalies.ts (that module fails to compile if a kind has no severity here).
 */
export const ANOMALY_SEVERITY_OF_KIND = {
  completion_before_capture: 'major',
  capture_outside_window: 'major',
  tester_not_on_batch: 'major',
  equipment_not_on_batch: 'major',
  component_not_on_batch: 'minor',
  record_missing_images: 'major',
  image_without_record: 'minor',
  undeclared_at_seal: 'major',
  location_outside_site: 'major',
  exif_time_mismatch: 'major',
  exif_location_mismatch: 'major',
  exif_missing: 'minor',
  editing_software: 'critical',
  duplicate_image: 'critical',
  image_signature_invalid: 'critical',
  witness_not_registered: 'major',
  witness_no_checkin: 'major',
  witness_no_attestation: 'minor',
  witness_checkin_outside_site: 'major',
  witness_proxy_suspected: 'critical',
  supplementary_upload: 'minor',
  possibly_missing: 'minor',
  record_recompute_mismatch: 'critical',
  record_readings_missing: 'major',
  // Image forensics (IMAGE_FORENSIC_SEVERITY's high/medium/low, read for the report gate): proof of alteration is
  // critical, damage and strong signs of re-saving or edited metadata block until decided, innocent-looking signs do not.
  exif_thumbnail_mismatch: 'critical',
  jpeg_truncated: 'major',
  jpeg_corrupt_data: 'major',
  jpeg_resaved: 'major',
  exif_modified_after_capture: 'major',
  exif_gps_time_mismatch: 'major',
  exif_exposure_implausible: 'major',
  screenshot_suspected: 'major',
  jpeg_trailing_data: 'minor',
  exif_makernote_missing: 'minor',
  // Signed capture (issue 11): an unsigned image is listed for review but does not stop the report — honest agencies
  // still upload unsigned pictures while phones are being enrolled; a stale or inaccurate position likewise.
  unsigned_capture: 'minor',
  capture_position_stale: 'minor',
  capture_position_inaccurate: 'minor',
} as const;

/** ⚙ Severities, most serious first; the desk orders its queue by this, then by age. */
export const ANOMALY_SEVERITIES = ['critical', 'major', 'minor'] as const;

/**
 * ⚙ An open anomaly of one of these severities stops report generation for its batch until a department has decided
 * it (dismissed with a reason, or confirmed as a violation). Minor ones are listed on the report with their state.
 */
export const REPORT_BLOCKING_SEVERITIES = ['critical', 'major'] as const;

/** ⚙ A department's decision on an anomaly states its reason in 2 to 1000 characters. */
export const ANOMALY_DECISION_REASON_MIN = 2;
export const ANOMALY_DECISION_REASON_MAX = 1000;
/** ⚙ A bulk decision covers at most 200 anomalies of one batch. */
export const ANOMALY_BULK_MAX = 200;

/**
 * ⚙ Recomputation (issue 12 item 3): a reported value agrees with the value recomputed from its raw readings when they
 * differ by no more than half a unit of the last digit the standard rounds to (JGJ/T 23-2011 §6: 回弹值 to 0.1,
 * 换算强度 to 0.1 MPa; §7: 推定值 to 0.1 MPa) plus this absolute allowance for a client that rounded once more.
 */
export const RECOMPUTE_ROUNDING_ALLOWANCE = 0.05;

/**
 * ⚙ What a department's confirmation of an anomaly records on the ledger, by kind (the officer may name another type):
 * editing or a forged signature is tampering (篡改), a reused picture is a synthesized or re-shot image (合成、补拍),
 * a result its own readings contradict is fabricated data (伪造数据), a suspected proxy is proxy witnessing; a witness
 * not registered is 无证见证; an upload after the lock is 迟传; the rest are recorded as `other` with the anomaly
 * named in the evidence. One violation per batch and type: confirming three reused pictures of one batch is one act.
 */
export const ANOMALY_CONFIRMED_VIOLATION_TYPE: Record<string, string> = {
  editing_software: 'tampered_data',
  image_signature_invalid: 'tampered_data',
  duplicate_image: 'synthesized_image',
  record_recompute_mismatch: 'fabricated_data',
  witness_proxy_suspected: 'proxy_witness',
  witness_not_registered: 'unregistered_witness',
  supplementary_upload: 'late_upload',
  possibly_missing: 'missing_upload',
};
// ───────────────────────────── Signed field capture (issue 11, DESIGN.md §4) ─────────────────────────────

/**
 * ⚙ A capture key (a phone's WebCrypto key pair, or an agency capture app's key) is valid for 365 days from enrolment;
 * the holder enrols a new one after that (the old one stays on record). One holder has at most 5 keys in force or
 * waiting for approval at once (a phone per hand, a spare, a tablet), so a stolen session cannot flood the approval list.
 */
export const CAPTURE_KEY_VALIDITY_MS = 365 * DAY;
export const CAPTURE_KEYS_PER_HOLDER_MAX = 5;

/**
 * ⚙ A capture challenge (single-use nonce) must reach the platform, with the photo signed over it, within 4 hours of
 * its issue: long enough for a morning in a basement without network plus the notice's 2-hour upload window, short
 * enough that a picture cannot be staged days ahead. A holder has at most 5 unused, unexpired challenges at once (the
 * phone keeps them in hand for capture without network); asking for more returns the ones already held.
 */
export const CAPTURE_CHALLENGE_TTL_MS = 4 * HOUR;
export const CAPTURE_CHALLENGES_HELD_MAX = 5;

/**
 * ⚙ Positions of a signed capture: a fix older than 60 s at the moment of capture, or less accurate than 50 m (the
 * 95 % radius the browser reports), is refused on the phone and, if it arrives anyway, flagged on the platform. 50 m
 * matches SITE_GEOFENCE_TOLERANCE_METRES: a worse fix cannot tell on site from next door.
 */
export const CAPTURE_POSITION_MAX_AGE_MS = 60_000;
export const CAPTURE_POSITION_MAX_ACCURACY_METRES = 50;

/**
 * ⚙ Severity of the capture anomalies for the departments' review (one scale with every other kind,
 * ANOMALY_SEVERITY_OF_KIND): an image that arrived without a capture signature (console file upload, an integration
 * upload with neither a capture manifest nor an instrument's signature) is minor — the notice forbids 补拍 and album
 * pictures, but unsigned images of honest agencies still exist while phones are enrolled, so it does not block the
 * report; a stale or inaccurate position on a signed capture is minor too.
 */
export const CAPTURE_ANOMALY_SEVERITY = {
  unsigned_capture: ANOMALY_SEVERITY_OF_KIND.unsigned_capture,
  capture_position_stale: ANOMALY_SEVERITY_OF_KIND.capture_position_stale,
  capture_position_inaccurate: ANOMALY_SEVERITY_OF_KIND.capture_position_inaccurate,
} as const;

/** ⚙ An app version string in a manifest: 1–40 characters of [0-9A-Za-z.+-]. */
export const CAPTURE_APP_VERSION_MAX_LENGTH = 40;
