/**
 * Types of the QTrace integration API, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run client:generate` after changing a route schema (a test fails while this file is stale).
 */

export interface paths {
    "/api/v1/agencies/{id}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 监管平台对接状态与缺项清单（实时计算） */
        get: operations["getAgencyConnection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}/filings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 入吉备案（各版本，含待核验、已驳回与已替换的历史） */
        get: operations["listAgencyFilings"];
        put?: never;
        /** 提交入吉备案及证明扫描件（待住建部门核验） */
        post: operations["createAgencyFiling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测机构来源与入吉备案（最新提交及当前已核验的备案） */
        get: operations["getAgencyProfile"];
        /** 登记或修改机构来源（带 rowVersion；入吉备案另行提交核验） */
        put: operations["putAgencyProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}/qualifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 资质证书（含待核验、已驳回与已替换的历史） */
        get: operations["listAgencyQualifications"];
        put?: never;
        /** 提交资质证书（待住建部门核验） */
        post: operations["createAgencyQualification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 异常核查清单（住建部门按辖区，机构看本机构） */
        get: operations["listAnomalies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/anomalies/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 住建部门核查异常（填写核查意见） */
        post: operations["acknowledgeAnomaly"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/anomalies/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 住建部门核查决定：排除（说明理由）或确认违规 */
        post: operations["decideAnomaly"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/anomaly-desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 异常核查台：本辖区的异常，按严重程度和发现时间排序（住建部门） */
        get: operations["listDeskAnomalies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/anomaly-desk/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 异常详情及证据 */
        get: operations["getDeskAnomaly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/anomaly-desk/{id}/original/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 疑似原图的缩略图（与被标记影像并排比对） */
        get: operations["getAnomalyDeskOriginalThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志（只增不改） */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登录（控制台）
         * @description 开启两步验证的账号须同时提交 code（验证器中的 6 位数字或一个恢复码）；缺少时答 401 AUTH_SECOND_FACTOR_REQUIRED。
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 */
        get: operations["getAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 登录页所需的平台设置（无需登录） */
        get: operations["listAuthOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码 */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人的两步验证状态 */
        get: operations["getAuthSecondFactor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor/enrollment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开始绑定两步验证（生成密钥和二维码） */
        post: operations["startSecondFactorEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor/enrollment/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 输入验证器中的验证码，完成绑定；返回恢复码（仅显示一次） */
        post: operations["confirmSecondFactorEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解除本人的两步验证（角色不要求时） */
        post: operations["removeSecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测批次列表（按调用者范围过滤；含上传截止时间与剩余时间） */
        get: operations["listBatches"];
        put?: never;
        /** 开启检测批次（现场检测开始时；可带 Idempotency-Key 防重复） */
        post: operations["createBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测批次详情（项目、构件、设备、人员、见证、事件、异常、时限） */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/anomalies/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 对一个批次的异常批量作出核查决定（不选则为全部待核查异常） */
        post: operations["createBatchAnomaliesDecide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批次的见证签到记录 */
        get: operations["listBatchCheckins"];
        put?: never;
        /**
         * 见证人员现场签到（请求体为现场照片，X-QTrace-Metadata 申报拍摄时间和位置）
         * @description 见证人员本人账号签到；X-QTrace-Metadata 为 base64url 编码的 JSON { capturedAt, location: { lat, lng } }；Idempotency-Key 必填。
         */
        post: operations["createBatchCheckin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申报现场检测完成时间（上传截止 = 完成时间 + 2 小时） */
        post: operations["completeBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批次上传时限、锁定状态与不可抗力报备 */
        get: operations["getBatchDeadline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批次状态变更记录（时间线） */
        get: operations["listBatchEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/force-majeure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不可抗力报备（完成后 2 小时内，报项目所在地住建部门） */
        post: operations["fileBatchForceMajeure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批次的影像：申报信息与 EXIF 并列，附一致性核查异常 */
        get: operations["listBatchImages"];
        put?: never;
        /**
         * 上传过程影像（请求体为图像原始字节，申报信息在 X-QTrace-Metadata 头）
         * @description Content-Type: image/jpeg、image/png、image/webp、image/heic、image/avif（或 application/octet-stream，类型按内容判定）；单张不超过 30 MB。Idempotency-Key 必填，重试返回第一次的结果。影像在确认后异步处理（EXIF、缩略图、查重），status 由 processing 变为 done。
         */
        post: operations["createBatchImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/manual-entry-exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本批次的人工录入例外 */
        get: operations["listBatchManualEntryExceptions"];
        put?: never;
        /** 住建部门批准本批次某检测项目人工录入（例外，须说明理由） */
        post: operations["createBatchManualEntryException"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批次原始记录（含全部历史版本，标记最新版本） */
        get: operations["listBatchRecords"];
        put?: never;
        /** 上传原始记录（须带 Idempotency-Key；重试返回首次结果；更正为新版本） */
        post: operations["createBatchRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 授权签字人出具检测报告（已封存、已复核、未锁定、机构已对接；编号每机构每年连续） */
        post: operations["issueBatchReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 双人复核：通过，或说明理由退回更正（复核人不得为本批次检测人员） */
        post: operations["reviewBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/seal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传负责人封存批次（声明上传完整：记录与影像的数量和内容摘要） */
        post: operations["sealBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 住建部门处理后解锁批次报告生成权限（须说明理由） */
        post: operations["unlockBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 创建可续传的影像上传（tus 1.0 creation）
         * @description Tus-Resumable: 1.0.0，Upload-Length 为图像字节数，申报信息放在 X-QTrace-Metadata 头（base64url JSON）或 tus Upload-Metadata 的 metadata 项（base64）；Idempotency-Key 必填。返回 Location，之后用 PATCH 发送数据、HEAD 查询偏移量；最后一段到达后影像自动归入批次。
         */
        post: operations["createBatchUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}/witness-attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 见证人员确认见证（本人，实时） */
        post: operations["createBatchWitnessAttestation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/witness-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 开启批次时可选的见证人员：当前在该项目登记有效的见证人员（仅 ID 与姓名） */
        get: operations["listBatchesWitnessOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作日日历加载情况与缺失年度提醒 */
        get: operations["getCalendarStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某年度节假日安排（生效版本及历次加载记录） */
        get: operations["getCalendarYear"];
        /** 加载某年度节假日安排（平台管理员；生成新版本，旧版本保留） */
        put: operations["putCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/capture/challenges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 领取采集挑战码（一次性；返回手中全部未用、未过期的挑战码，不足时补足）
         * @description positionMaxAgeMs / positionMaxAccuracyMetres：平台政策规定的定位时效与精度上限，手机据此拒绝过旧或不够精确的定位（超出的签名采集到达平台后被标记）；challengeTtlMs：挑战码有效期。
         */
        post: operations["createCaptureChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/capture/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 采集设备列表：本人的（默认），或本单位全部（管理员，scope=organisation） */
        get: operations["listCaptureKeys"];
        put?: never;
        /** 登记本人的采集设备公钥（手机或机构采集程序），待本单位管理员批准 */
        post: operations["createCaptureKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/capture/keys/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批准采集设备（本单位管理员；监理单位由本单位另一名见证人员） */
        post: operations["approveCaptureKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/capture/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 吊销采集设备（持有人或本单位管理员；须说明原因） */
        post: operations["revokeCaptureKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 现行检测项目目录（专项 → 现场检测项目 → 原始记录字段） */
        get: operations["getCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测项目目录的全部版本（新版在前） */
        get: operations["listCatalogueVersions"];
        put?: never;
        /** 发布检测项目目录新版本（平台管理员；旧版本保留，已开批次沿用其版本） */
        post: operations["createCatalogueVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogue/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测项目目录的指定版本 */
        get: operations["getCatalogueVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 委托列表（建设单位、受托机构、项目监理与施工单位、属地住建部门各见其范围） */
        get: operations["listCommissions"];
        put?: never;
        /** 委托检测机构（建设单位；未对接、超出资质、资质过期或被限制市场准入的机构将被拒绝并说明原因） */
        post: operations["createCommission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 委托详情 */
        get: operations["getCommission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 终止委托（委托方建设单位；记录保留） */
        post: operations["terminateCommission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/agency-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可委托的检测机构（是否完成对接、现有资质专项、是否限制市场准入） */
        get: operations["listCommissionsAgencyOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/components/resolve/{componentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 扫码解析构件标识（返回构件及所属项目；无权查看时 404） */
        get: operations["resolveComponent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位信用（分值、等级、市场准入限制） */
        get: operations["listCreditOrganisations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员信用（按违规记录中的涉及人员） */
        get: operations["listCreditPersons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit/restrictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 限制市场准入记录 */
        get: operations["listCreditRestrictions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/daily-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 日常核查汇总表：所选辖区及其下一级区域在日期范围内的合计（仅本辖区及下级） */
        get: operations["listDailyChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/daily-checks/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出日常核查 Excel（汇总与逐日两张表，仅本辖区及下级） */
        get: operations["getDailyChecksExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/daily-checks/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某辖区某日的全部核算版本（重新核算留痕） */
        get: operations["getDailyChecksHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/daily-checks/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重新核算：当日为临时数据；已结束的日期须说明理由，数据有变化时新增版本（原版本保留） */
        post: operations["recomputeDailyChecks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/daily-checks/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 日常核查趋势：所选辖区逐日数据（无数据的日期版本为空） */
        get: operations["getDailyChecksTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传附件（资质证书扫描件、书面授权等；PDF/JPEG/PNG） */
        post: operations["createDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 附件信息 */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载附件 */
        get: operations["getDocumentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 分级处置案件（本辖区／本单位） */
        get: operations["listEnforcementCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 处置案件详情（含处置过程） */
        get: operations["getEnforcementCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/cases/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认平台建议（约谈：15日内约谈；整改：设定整改期限） */
        post: operations["confirmEnforcementCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/cases/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予处置（须说明理由） */
        post: operations["dismissEnforcementCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/cases/{id}/interview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记约谈情况（时间、参加人员、纪要；可同时认定是否故意） */
        post: operations["interviewEnforcementCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/cases/{id}/penalty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记行政处罚决定（文号、内容；记不良信用记录；严重违规或失信的限制市场准入） */
        post: operations["penaliseEnforcementCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/cases/{id}/rectification-decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核整改报告：accepted 整改合格 · rejected 整改不合格（逾期未提交报告的也可判定不合格） */
        post: operations["decideEnforcementCaseRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/cases/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 被责令整改单位提交整改报告（附件先经 /documents 上传） */
        post: operations["issueEnforcementCaseReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/key-supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 重点监管名单（本辖区） */
        get: operations["getEnforcementKeySupervision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement/key-supervision/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出重点监管名单（Excel，本辖区） */
        get: operations["getEnforcementKeySupervisionExportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/equipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测设备列表（含检定/校准到期预警） */
        get: operations["listEquipment"];
        put?: never;
        /** 登记检测设备（提交核验） */
        post: operations["createEquipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/equipment/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备详情（检定/校准历史与设备密钥） */
        get: operations["getEquipment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/equipment/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 设备核验通过（住建部门） */
        post: operations["approveEquipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/equipment/{id}/calibrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检定/校准证书历史 */
        get: operations["listEquipmentCalibrations"];
        put?: never;
        /** 登记新的检定/校准证书 */
        post: operations["createEquipmentCalibration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/equipment/{id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 设备密钥（含已轮换的旧密钥） */
        get: operations["listEquipmentKeys"];
        put?: never;
        /** 登记或轮换设备公钥（旧密钥自新密钥启用时停用，保留用于验证历史数据） */
        post: operations["createEquipmentKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/equipment/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 设备核验驳回（须说明理由） */
        post: operations["rejectEquipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/equipment/{id}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 被驳回的设备重新提交核验 */
        post: operations["resubmitEquipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/filings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 入吉备案详情 */
        get: operations["getFiling"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/filings/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 入吉备案核验通过（住建部门） */
        post: operations["approveFiling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/filings/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 入吉备案核验驳回（须说明理由） */
        post: operations["rejectFiling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/force-majeure-filings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 不可抗力报备列表（inbox=true：本部门待审核的收件箱） */
        get: operations["listForceMajeureFilings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/force-majeure-filings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 不可抗力报备详情 */
        get: operations["getForceMajeureFiling"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/force-majeure-filings/{id}/clearance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申报故障排除时间（此后 2 小时内完成全部上传） */
        post: operations["clearForceMajeureFiling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/force-majeure-filings/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 住建部门审核不可抗力报备（同意／驳回；驳回须说明理由） */
        post: operations["decideForceMajeureFiling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/force-majeure-filings/{id}/documents/{documentId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载报备证明材料 */
        get: operations["getForceMajeureFilingDocumentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fraud-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 问题举报（建设单位：本单位提交的；住建部门：本辖区的） */
        get: operations["listFraudReports"];
        put?: never;
        /** 建设单位举报发现的篡改、伪造等问题（转项目所在地住建部门） */
        post: operations["createFraudReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fraud-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 问题举报详情 */
        get: operations["getFraudReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fraud-reports/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予认定（须说明理由） */
        post: operations["dismissFraudReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fraud-reports/{id}/record-violation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 根据举报认定违规（记入违规台账） */
        post: operations["recordFraudReportViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/images/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 影像详情 */
        get: operations["getImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/images/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 影像原图（按内容哈希校验后输出） */
        get: operations["getImageContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/images/{id}/reuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 影像重复使用比对：疑似原图和疑似复用本图的影像（部门可并排查看） */
        get: operations["getImageReuse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/images/{id}/reuse/{matchId}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 比对中另一张影像的缩略图（无权查看该影像时 404） */
        get: operations["getImageReuseThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/images/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 影像缩略图（JPEG；处理中返回 409） */
        get: operations["getImageThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection-findings/{id}/violation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 将“发现问题”的检查记录认定为违规（记入违规台账，来源：监管人员） */
        post: operations["recordInspectionFindingViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/checkpoints/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 最新检查点（JSON） */
        get: operations["getLedgerCheckpointsLatest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 两个树大小之间的一致性证明 */
        get: operations["getLedgerConsistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/cosignatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检查点的联署签名（默认最新检查点） */
        get: operations["listLedgerCosignatures"];
        put?: never;
        /** 见证方提交检查点的联署签名（C2SP tlog-cosignature/v1） */
        post: operations["createLedgerCosignature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 回执（账本条目）及其包含证明 */
        get: operations["getLedgerEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 叶子的包含证明（按叶子序号） */
        get: operations["getLedgerInclusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/integrity-alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 完整性告警（存储文件与哈希不符；平台管理员） */
        get: operations["listLedgerIntegrityAlarms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账本公钥（验证检查点签名） */
        get: operations["getLedgerKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/objects/{type}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某对象的全部回执及包含证明 */
        get: operations["getLedgerObject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machine-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 接口凭证列表 */
        get: operations["listMachineCredentials"];
        put?: never;
        /** 新建接口凭证（密钥只显示这一次） */
        post: operations["createMachineCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machine-credentials/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 吊销接口凭证 */
        post: operations["revokeMachineCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的通知（最新在前） */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记为已读 */
        post: operations["readNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部标记为已读 */
        post: operations["readAllNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未读通知数 */
        get: operations["getNotificationsUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 机构列表（按调用者辖区/机构范围过滤） */
        get: operations["listOrganisations"];
        put?: never;
        /** 新建机构（平台管理员） */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 机构详情 */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改机构信息（带 rowVersion） */
        patch: operations["updateOrganisation"];
        trace?: never;
    };
    "/api/v1/organisations/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用机构 */
        post: operations["disableOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 启用机构 */
        post: operations["enableOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测人员列表（身份证号脱敏） */
        get: operations["listPersonnel"];
        put?: never;
        /** 注册检测人员（同一时间只能在一家检测机构在职） */
        post: operations["createPersonnel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personnel/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员详情 */
        get: operations["getPersonnel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改人员信息（岗位、关联账号；带 rowVersion） */
        patch: operations["updatePersonnel"];
        trace?: never;
    };
    "/api/v1/personnel/{id}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员证书（含历史） */
        get: operations["listPersonnelCertificates"];
        put?: never;
        /** 登记上岗证/职业资格证书 */
        post: operations["createPersonnelCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personnel/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 办理离职 */
        post: operations["leavePersonnel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personnel/{id}/reveal-id": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 查看完整身份证号（本机构管理员或平台管理员；留痕审计） */
        post: operations["revealPersonnelId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目列表（参建单位、受委托检测机构、属地住建部门各见其范围） */
        get: operations["listProjects"];
        put?: never;
        /** 登记项目（建设单位用户登记本单位项目，或平台管理员） */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目详情 */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改项目信息（建设单位或平台管理员，带 rowVersion；所在地不可改） */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/api/v1/projects/{id}/components": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目的构件列表 */
        get: operations["listProjectComponents"];
        put?: never;
        /** 登记构件/部位（项目施工单位；平台生成唯一标识；整批成功或整批拒绝） */
        post: operations["createProjectComponent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/components/labels.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 打印构件二维码标签（A4，每页 3×8 枚；可按编号或楼栋筛选） */
        get: operations["getProjectComponentsLabelsPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/participant-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可选参建单位（登记项目时选择建设、监理、施工单位） */
        get: operations["listProjectsParticipantOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/captures/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公开核验照片水印上的验证码：拍摄时间、地点、检测机构、批次和照片哈希（无需登录） */
        get: operations["getPublicCapture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/reports/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公开核验检测报告（无需登录；报告编号与验证码须一致，否则一律答复“报告编号不存在或已被篡改”） */
        get: operations["getPublicReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/qualifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 资质证书详情 */
        get: operations["getQualification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/qualifications/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 资质证书核验通过（住建部门） */
        post: operations["approveQualification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/qualifications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 资质证书核验驳回（须说明理由） */
        post: operations["rejectQualification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/random-draws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 随机抽查列表（本辖区及下级；被列入检查人员名单的也可见） */
        get: operations["listRandomDraws"];
        put?: never;
        /** 发布随机抽查：冻结抽查总体、检查人员名单并由平台生成公示随机种子（尚未抽取） */
        post: operations["createRandomDraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/random-draws/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 随机抽查详情（种子、总体摘要、抽取结果、检查发现） */
        get: operations["getRandomDraw"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/random-draws/{id}/draw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 执行抽取（仅一次；按公示的种子、总体与名单计算） */
        post: operations["drawRandomDraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/random-draws/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 抽中的检查人员记录检查发现 */
        post: operations["createRandomDrawFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/random-draws/{id}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 抽查公示记录（JSON）：种子、完整总体、检查人员名单与结果，供 npm run redraw 离线复核 */
        get: operations["getRandomDrawRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/random-draws/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 复核抽取：用公示的种子与总体重新计算，并与保存的结果比对 */
        get: operations["getRandomDrawVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/random-draws/inspector-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可列入检查人员名单的本辖区住建部门监管人员 */
        get: operations["listRandomDrawsInspectorCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 行政区划（辖区）列表 */
        get: operations["listRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测报告列表（按调用者范围过滤） */
        get: operations["listReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测报告详情（含报告内容） */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载检测报告 PDF（出具时生成并保存，每次下载内容相同） */
        get: operations["getReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销检测报告（辖区住建部门或本机构管理员；须说明理由） */
        post: operations["revokeReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/supersede": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 出具更正报告（新编号，替代原报告；须说明更正原因） */
        post: operations["supersedeReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 靠前服务请求列表（机构看本机构，住建部门看本辖区） */
        get: operations["listServiceRequests"];
        put?: never;
        /** 检测机构提出靠前服务请求（设备对接、影像采集或其他） */
        post: operations["createServiceRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务请求详情 */
        get: operations["getServiceRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-requests/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 住建部门办结服务请求（填写办理情况） */
        post: operations["closeServiceRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-requests/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 住建部门安排（或改期）走访：日期与走访人员 */
        post: operations["scheduleServiceRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/special-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 专项检查列表（本辖区及下级） */
        get: operations["listSpecialCampaigns"];
        put?: never;
        /** 开展专项检查：按专项、辖区、时段、异常类型生成并冻结检查清单 */
        post: operations["createSpecialCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/special-campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 专项检查详情（检查清单、检查发现、总结） */
        get: operations["getSpecialCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/special-campaigns/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束专项检查并填写总结 */
        post: operations["closeSpecialCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/special-campaigns/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 记录检查清单中某批次的检查发现 */
        post: operations["createSpecialCampaignFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/special-campaigns/anomaly-kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 专项检查可选的异常类型（代码与名称） */
        get: operations["listSpecialCampaignsAnomalyKinds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supplementary-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 检测机构年度补传次数（按批次计；用于分级处置） */
        get: operations["listSupplementaryUploads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        /** tus 能力查询 */
        options: operations["getUploadCapabilities"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可续传上传的状态（JSON） */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        /** tus：终止未完成的上传 */
        delete: operations["deleteUpload"];
        options?: never;
        head?: never;
        /** tus：从 Upload-Offset 处续传数据（Content-Type: application/offset+octet-stream） */
        patch: operations["updateUpload"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表（按范围过滤） */
        get: operations["listUsers"];
        put?: never;
        /** 新建用户 */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户详情 */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用用户 */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 启用用户 */
        post: operations["enableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置用户密码（下次登录须修改） */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改用户角色 */
        put: operations["putUserRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/second-factor/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置用户的两步验证（如手机丢失），须写明原因 */
        post: operations["resetUserSecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verification-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待核验队列：本辖区待核验的入吉备案、资质证书与检测设备（住建部门） */
        get: operations["getVerificationQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 违规记录（本单位／本辖区；可按类型、单位、项目、期间筛选） */
        get: operations["listViolations"];
        put?: never;
        /** 监管人员认定违规（本辖区内的项目或单位） */
        post: operations["createViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 违规记录详情 */
        get: operations["getViolation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violations/{id}/intent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 认定是否故意（仅一次；试行期非故意迟传/漏传可不纳入信用记录） */
        post: operations["declareViolationIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violations/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出违规记录（Excel；与列表相同的筛选与辖区范围） */
        get: operations["getViolationsExportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/witnesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 见证人员列表（本单位／本辖区） */
        get: operations["listWitnesses"];
        put?: never;
        /** 登记见证人员（附书面授权） */
        post: operations["createWitness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/witnesses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 见证人员详情 */
        get: operations["getWitness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/witnesses/{id}/authorizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记见证变更（新授权、更换、撤销；应在变更后3个工作日内登记） */
        post: operations["createWitnessAuthorization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/witnesses/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 见证人员授权登记与变更记录（含被更换记录） */
        get: operations["getWitnessHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 进程存活 */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ledger/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账本最新检查点（C2SP signed note，text/plain） */
        get: operations["getLedgerCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据库与文件存储可用 */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcknowledgeAnomalyRequest: {
            note: string;
        };
        Anomaly: {
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            acknowledgeNote: string | null;
            /** Format: uuid */
            agencyId: string;
            /** Format: uuid */
            batchId: string;
            /** @description 未核查时是否阻止出具检测报告 */
            blocking: boolean;
            decidedByName: string | null;
            decision: ("dismissed" | "confirmed") | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            detectedAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description 异常类型（稳定代码）
             * @enum {unknown}
             */
            kind: "completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing";
            kindLabel: string;
            regionCode: string;
            /**
             * @description critical 严重 · major 较重 · minor 一般（策略模块规定）
             * @enum {unknown}
             */
            severity: "critical" | "major" | "minor";
            /** @description open 待核查 · acknowledged 已核查 */
            status: "open" | "acknowledged";
            subjectId: string | null;
            /** @description batch · record · image · checkin · attestation · seal */
            subjectType: string;
            violationId: string | null;
        };
        AnomalyListItem: {
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            acknowledgeNote: string | null;
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** Format: uuid */
            batchId: string;
            batchNumber: string;
            /** @description 未核查时是否阻止出具检测报告 */
            blocking: boolean;
            decidedByName: string | null;
            decision: ("dismissed" | "confirmed") | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            detectedAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description 异常类型（稳定代码）
             * @enum {unknown}
             */
            kind: "completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing";
            kindLabel: string;
            /** Format: uuid */
            projectId: string;
            projectName: string;
            regionCode: string;
            /**
             * @description critical 严重 · major 较重 · minor 一般（策略模块规定）
             * @enum {unknown}
             */
            severity: "critical" | "major" | "minor";
            /** @description open 待核查 · acknowledged 已核查 */
            status: "open" | "acknowledged";
            subjectId: string | null;
            /** @description batch · record · image · checkin · attestation · seal */
            subjectType: string;
            violationId: string | null;
        };
        ApproveEquipmentResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** @description 具备自动采集功能 */
            autoCollect: boolean;
            autoCollectProtocol: string | null;
            calibrations: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 当前是否在有效期内 */
                inForce: boolean;
                /** @description 检定/校准机构 */
                issuingBody: string;
                /** @description verification 检定 · calibration 校准 */
                kind: "verification" | "calibration";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description valid 有效 · expiring 即将到期 · not_in_force 不在有效期内 · none 未登记 */
            calibrationState: "valid" | "expiring" | "not_in_force" | "none";
            calibrationValidUntil: string | null;
            /** @description 检定/校准将在预警天数内到期 */
            calibrationWarning: boolean;
            /** Format: date-time */
            createdAt: string;
            currentKeyFingerprint: string | null;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            /** @description 设备类型，如 回弹仪 */
            equipmentType: string;
            /** Format: uuid */
            id: string;
            keys: {
                /** Format: date-time */
                createdAt: string;
                /** @description 公钥 SHA-256 指纹（十六进制） */
                fingerprint: string;
                /** Format: uuid */
                id: string;
                /** @description Ed25519 公钥（32 字节原始值的 base64） */
                publicKey: string;
                /** Format: date-time */
                validFrom: string;
                validTo: string | null;
            }[];
            maker: string;
            model: string;
            rowVersion: number;
            /** @description 出厂编号（本机构内唯一） */
            serialNumber: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @description 已核验且检定/校准有效，可用于检测批次 */
            usable: boolean;
        };
        ApproveFilingResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            date: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
            inForce: boolean;
            /** @description 入吉备案编号 */
            number: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
            /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
            version: number;
        };
        ApproveQualificationResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificateNumber: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** @description comprehensive 综合资质 · specialised 专项资质 */
            grade: "comprehensive" | "specialised";
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被替换且在有效期内 */
            inForce: boolean;
            issuer: string;
            replacesId: string | null;
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        AuditRecord: {
            action: string;
            actorId: string | null;
            actorName: string | null;
            actorRole: string;
            actorType: string;
            /** Format: date-time */
            at: string;
            clientIp: string | null;
            details: {
                [key: string]: unknown;
            };
            id: number;
            organisationId: string | null;
            organisationName: string | null;
            regionCode: string | null;
            requestId: string | null;
            targetId: string | null;
            targetType: string;
        };
        BatchDeadline: {
            /** Format: uuid */
            batchId: string;
            batchNumber: string;
            /** @description 当前用户可办理的操作 */
            can: {
                clear: boolean;
                file: boolean;
                unlock: boolean;
            };
            completedAt: string | null;
            deadline: {
                basis: ("completion" | "force_majeure_cleared" | "force_majeure_limit") | null;
                deadline: string | null;
                overdue: boolean;
                remainingMs: number | null;
                sealedOnTime: boolean | null;
                /**
                 * @description open 未申报完成 · running 计时中 · suspended 不可抗力报备暂停
                 * @enum {unknown}
                 */
                state: "open" | "running" | "suspended";
                warning: boolean;
            };
            filings: components["schemas"]["ForceMajeureFiling"][];
            filingWindowEndsAt: string | null;
            lock: {
                locked: boolean;
                lockedAt: string | null;
                lockReason: string | null;
                unlockedAt: string | null;
                unlockReason: string | null;
            };
            sealedAt: string | null;
            status: string;
        };
        BatchDetail: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            anomalies: components["schemas"]["Anomaly"][];
            attestations: components["schemas"]["WitnessAttestation"][];
            /** @description 批次编号，如 JC-2026-000123（每机构每年连续） */
            batchNumber: string;
            /** @description 开启时锁定的检测项目目录版本 */
            catalogueVersion: number;
            commission: {
                contractNumber: string | null;
                /** Format: uuid */
                id: string;
            };
            completedAt: string | null;
            components: {
                building: string | null;
                code: string;
                componentType: string | null;
                display: string;
                floor: string | null;
                position: string | null;
            }[];
            /** @description 2 小时上传时限（完成时间 + 2 小时） */
            deadline: {
                basis: ("completion" | "force_majeure_cleared" | "force_majeure_limit") | null;
                deadline: string | null;
                /** @description 已超过截止时间且未按时封存 */
                overdue: boolean;
                remainingMs: number | null;
                sealedOnTime: boolean | null;
                /** @description open 未申报完成 · running 计时中 · suspended 不可抗力报备暂停 */
                state: "open" | "running" | "suspended";
                /** @description 临近截止（30 分钟内）且未封存 */
                warning: boolean;
            };
            equipment: {
                autoCollect: boolean;
                equipmentType: string;
                /** Format: uuid */
                id: string;
                model: string;
                serialNumber: string;
            }[];
            events: components["schemas"]["BatchEvent"][];
            firstUploadAt: string | null;
            /** Format: uuid */
            id: string;
            itemCodes: string[];
            items: {
                autoCollected: boolean;
                code: string;
                minImages: number;
                name: string;
                standard: string;
            }[];
            /** @description 原始记录条数（不计历史版本） */
            latestRecordCount: number;
            lock: {
                locked: boolean;
                lockedAt: string | null;
                lockReason: string | null;
                unlockedAt: string | null;
                unlockReason: string | null;
            };
            /** @description 报告生成权限已锁定 */
            locked: boolean;
            manualEntryExceptions: components["schemas"]["ManualEntryException"][];
            note: string | null;
            openAnomalyCount: number;
            /** Format: date-time */
            openedAt: string;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description 原始记录版本数 */
            recordCount: number;
            regionCode: string;
            reportedAt: string | null;
            reviewedAt: string | null;
            reviews: {
                decision: "approve" | "return";
                /** Format: uuid */
                id: string;
                reasons: string | null;
                /** Format: date-time */
                reviewedAt: string;
                reviewer: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                /** Format: uuid */
                sealId: string;
            }[];
            sealedAt: string | null;
            seals: {
                /** Format: uuid */
                id: string;
                imageCount: number;
                manifestSha256: string;
                recordCount: number;
                /** Format: date-time */
                sealedAt: string;
                sealedByName: string | null;
                sealedByType: string;
                seq: number;
            }[];
            /**
             * @description 专项代码
             * @enum {unknown}
             */
            specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
            specialtyName: string;
            /**
             * @description opened 已开启 · uploading 上传中 · completed 现场检测完成 · sealed 已封存（待复核） · reviewed 已复核 · reported 已出具报告
             * @enum {unknown}
             */
            status: "opened" | "uploading" | "completed" | "sealed" | "reviewed" | "reported";
            statusLabel: string;
            testers: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            uploadOwner: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            witness: {
                /** Format: uuid */
                id: string;
                name: string;
                registeredNow: boolean;
            };
        };
        BatchEvent: {
            actorName: string | null;
            actorType: string;
            /** Format: date-time */
            at: string;
            details: {
                [key: string]: unknown;
            };
            event: string;
            fromStatus: string | null;
            id: number;
            reason: string | null;
            toStatus: string | null;
        };
        BatchSummary: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description 批次编号，如 JC-2026-000123（每机构每年连续） */
            batchNumber: string;
            completedAt: string | null;
            /** @description 2 小时上传时限（完成时间 + 2 小时） */
            deadline: {
                basis: ("completion" | "force_majeure_cleared" | "force_majeure_limit") | null;
                deadline: string | null;
                /** @description 已超过截止时间且未按时封存 */
                overdue: boolean;
                remainingMs: number | null;
                sealedOnTime: boolean | null;
                /** @description open 未申报完成 · running 计时中 · suspended 不可抗力报备暂停 */
                state: "open" | "running" | "suspended";
                /** @description 临近截止（30 分钟内）且未封存 */
                warning: boolean;
            };
            firstUploadAt: string | null;
            /** Format: uuid */
            id: string;
            itemCodes: string[];
            /** @description 报告生成权限已锁定 */
            locked: boolean;
            openAnomalyCount: number;
            /** Format: date-time */
            openedAt: string;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description 原始记录版本数 */
            recordCount: number;
            regionCode: string;
            reportedAt: string | null;
            reviewedAt: string | null;
            sealedAt: string | null;
            /**
             * @description 专项代码
             * @enum {unknown}
             */
            specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
            specialtyName: string;
            /**
             * @description opened 已开启 · uploading 上传中 · completed 现场检测完成 · sealed 已封存（待复核） · reviewed 已复核 · reported 已出具报告
             * @enum {unknown}
             */
            status: "opened" | "uploading" | "completed" | "sealed" | "reviewed" | "reported";
            statusLabel: string;
        };
        CalendarStatus: {
            currentYear: number;
            currentYearLoaded: boolean;
            nextYear: number;
            /** @description 自此日起（北京时间）提醒加载下一年度 */
            nextYearAlertFrom: string;
            nextYearLoaded: boolean;
            /** @description 北京时间今日 */
            today: string;
            /** @description 未加载年度的提醒：其间的工作日期限按周末规则暂定 */
            warnings: {
                code: "CALENDAR_CURRENT_YEAR_MISSING" | "CALENDAR_NEXT_YEAR_MISSING";
                message: string;
                year: number;
            }[];
            years: {
                /** @description 放假天数 */
                holidays: number;
                /** Format: date-time */
                loadedAt: string;
                /** @description 调休上班天数 */
                makeupWorkdays: number;
                source: string;
                version: number;
                year: number;
            }[];
        };
        CalendarYearVersion: {
            /** @description 放假日期（含假期内的周末） */
            holidays: string[];
            /** Format: date-time */
            loadedAt: string;
            /** @description 为空表示随版本发布、启动时加载 */
            loadedBy: {
                id: string;
                name: string;
            } | null;
            /** @description 调休上班日（周六或周日） */
            makeupWorkdays: string[];
            /** @description 来源：国务院办公厅通知文号或网址 */
            source: string;
            /** @description 第几次加载；最新版本生效，旧版本保留 */
            version: number;
            year: number;
        };
        CaptureChallenge: {
            /** @description 验证码（8 位 Crockford base32），印在照片水印上，可在公开核验页查询 */
            code: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            issuedAt: string;
            /** @description 32 字节随机数（base64url，43 位），写入采集清单 challenge.nonce */
            nonce: string;
        };
        CaptureChallenges: {
            /** @description 挑战码有效期（毫秒）：照片须在此期限内到达平台 */
            challengeTtlMs: number;
            items: components["schemas"]["CaptureChallenge"][];
            /** @description 定位精度上限（米，95% 半径） */
            positionMaxAccuracyMetres: number;
            /** @description 定位时效上限（毫秒）：拍摄时定位结果不得早于此时长 */
            positionMaxAgeMs: number;
        };
        CaptureKey: {
            /**
             * @description Ed25519，或 ES256（ECDSA P-256 + SHA-256，签名为 IEEE P1363 r‖s）
             * @enum {unknown}
             */
            algorithm: "Ed25519" | "ES256";
            approvedAt: string | null;
            approvedBy: string | null;
            /** Format: date-time */
            enrolledAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description 公钥指纹：SPKI DER 的 SHA-256（小写十六进制） */
            fingerprint: string;
            /** Format: uuid */
            id: string;
            label: string;
            /** Format: uuid */
            organisationId: string;
            owner: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {unknown} */
                type: "user" | "machine";
            };
            /** @description 公钥 SubjectPublicKeyInfo（DER）的 base64 */
            publicKey: string;
            revokedAt: string | null;
            revokeReason: string | null;
            /**
             * @description pending 待批准 · approved 已批准 · revoked 已吊销 · expired 已过期
             * @enum {unknown}
             */
            state: "pending" | "approved" | "revoked" | "expired";
        };
        CaptureKeyEnrolment: {
            /** @description 设备名称，如“张三的手机” */
            label: string;
            /** @description Ed25519 或 P-256 公钥的 SPKI（base64/base64url 或 PEM） */
            publicKey: string;
        };
        CaptureKeyRevocation: {
            reason: string;
        };
        CaptureStatus: {
            algorithm: ("Ed25519" | "ES256") | null;
            appVersion: string | null;
            code: string | null;
            keyId: string | null;
            positionAccuracy: number | null;
            /**
             * @description verified 签名采集已验证 · unsigned 未经签名采集
             * @enum {unknown}
             */
            status: "verified" | "unsigned";
        };
        ChangePasswordRequest: {
            currentPassword: string;
            newPassword: string;
        };
        ClearForceMajeureFilingRequest: {
            /** Format: date-time */
            clearedAt: string;
            note?: string | null;
        };
        CloseServiceRequestRequest: {
            note: string;
        };
        CloseSpecialCampaignRequest: {
            summary: string;
        };
        CompleteBatchRequest: {
            /**
             * Format: date-time
             * @description 现场检测完成时间 T
             */
            completedAt: string;
        };
        ConfirmEnforcementCaseRequest: {
            /** @description 整改期限（天） */
            dueDays?: number;
            note?: string | null;
            /** @description 案件版本（并发保护；可省略） */
            rowVersion?: number;
        };
        ConfirmSecondFactorEnrollmentRequest: {
            code: string;
        };
        ConfirmSecondFactorEnrollmentResponse: {
            recoveryCodes: string[];
        };
        CreateAgencyFilingRequest: {
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            date: string;
            /**
             * Format: uuid
             * @description 入吉备案证明扫描件（先经 POST /documents 上传）
             */
            documentId: string;
            /** @description 入吉备案编号 */
            number: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        CreateAgencyFilingResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            date: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
            inForce: boolean;
            /** @description 入吉备案编号 */
            number: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
            /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
            version: number;
        };
        CreateAgencyQualificationRequest: {
            certificateNumber: string;
            /**
             * Format: uuid
             * @description 证书扫描件（先经 POST /documents 上传）
             */
            documentId: string;
            /** @description comprehensive 综合资质 · specialised 专项资质 */
            grade: "comprehensive" | "specialised";
            issuer: string;
            replacesId?: string | null;
            /** @description 专项资质须填写；综合资质涵盖全部九个专项 */
            specialties?: string[];
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        CreateAgencyQualificationResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificateNumber: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** @description comprehensive 综合资质 · specialised 专项资质 */
            grade: "comprehensive" | "specialised";
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被替换且在有效期内 */
            inForce: boolean;
            issuer: string;
            replacesId: string | null;
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        CreateBatchAnomaliesDecideRequest: {
            anomalyIds?: string[];
            /** @enum {string} */
            decision: "dismiss";
            /** @description 核查理由 */
            reason: string;
        } | {
            anomalyIds?: string[];
            /** @enum {string} */
            decision: "confirm";
            /** @description 核查理由 */
            reason: string;
            /**
             * @description 确认违规时记入的违规类型（不填则按异常类型）
             * @enum {unknown}
             */
            violationType?: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
        };
        CreateBatchAnomaliesDecideResponse: {
            decided: number;
            items: {
                acknowledgedAt: string | null;
                acknowledgedBy: string | null;
                acknowledgeNote: string | null;
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /** Format: uuid */
                batchId: string;
                batchNumber: string;
                batchStatus: string;
                /** @description 未核查时是否阻止出具检测报告 */
                blocking: boolean;
                decidedByName: string | null;
                decision: ("dismissed" | "confirmed") | null;
                details: {
                    [key: string]: unknown;
                };
                /** Format: date-time */
                detectedAt: string;
                /** Format: uuid */
                id: string;
                /**
                 * @description 异常类型（稳定代码）
                 * @enum {unknown}
                 */
                kind: "completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing";
                kindLabel: string;
                /** @description 疑似原图（重复/翻拍影像） */
                originalImageId: string | null;
                /** Format: uuid */
                projectId: string;
                projectName: string;
                /** @enum {unknown} */
                proposedViolationType: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
                regionCode: string;
                /**
                 * @description critical 严重 · major 较重 · minor 一般（策略模块规定）
                 * @enum {unknown}
                 */
                severity: "critical" | "major" | "minor";
                /** @description open 待核查 · acknowledged 已核查 */
                status: "open" | "acknowledged";
                subjectId: string | null;
                /** @description batch · record · image · checkin · attestation · seal */
                subjectType: string;
                violationId: string | null;
                violationTypeLabel: string;
            }[];
        };
        CreateBatchManualEntryExceptionRequest: {
            itemCode: string;
            reason: string;
        };
        CreateBatchRecordRequest: {
            /** @description 采集时间，带时区的 RFC 3339 */
            capturedAt: string;
            /** @description 构件唯一标识（QC 开头） */
            componentId: string;
            correctionOf?: {
                /** @description 更正理由 */
                reason: string;
                /** @description 被更正的（最新）版本号 */
                version: number;
            };
            /** Format: uuid */
            equipmentId: string;
            itemCode: string;
            /** @description 记录键：客户端为每条原始记录生成，更正时保持不变 */
            recordKey: string;
            /** @description 设备对规范化 JSON（RFC 8785）的 Ed25519 签名 */
            signature?: {
                /** @enum {string} */
                alg: "Ed25519";
                /** Format: uuid */
                keyId?: string;
                /** @description 64 字节签名的 base64/base64url */
                value: string;
            };
            /**
             * @description auto 设备自动采集（须带设备签名） · manual 人工录入（仅在允许时）
             * @enum {unknown}
             */
            source: "auto" | "manual";
            /** Format: uuid */
            testerPersonId: string;
            /** @description 按检测项目目录字段填写的数值 */
            values: {
                [key: string]: unknown;
            };
        };
        CreateBatchRequest: {
            /** Format: uuid */
            commissionId: string;
            /** @description 本项目构件唯一标识（QC 开头） */
            componentIds: string[];
            equipmentIds: string[];
            /** @description 检测项目代码（开启时现行目录版本） */
            itemCodes: string[];
            note?: string | null;
            /** Format: uuid */
            projectId: string;
            /**
             * @description 专项代码
             * @enum {unknown}
             */
            specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
            testerPersonIds: string[];
            /** Format: uuid */
            uploadOwnerPersonId: string;
            /** Format: uuid */
            witnessPersonId: string;
        };
        CreateBatchWitnessAttestationRequest: {
            /** @description 见证说明 */
            statement: string;
        };
        CreateCatalogueVersionRequest: {
            /** @description 编辑所基于的版本号；已有更新版本时返回 409 */
            basedOnVersion: number;
            document: {
                specialties: {
                    /**
                     * @description 专项代码（资质标准九个专项）
                     * @enum {unknown}
                     */
                    code: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                    items: {
                        /** @description 是否通常由设备自动采集（严禁人工录入替代自动采集） */
                        autoCollected: boolean;
                        /** @description 检测项目代码，全目录唯一 */
                        code: string;
                        /** @description 原始记录字段 */
                        fields: {
                            /** @description 字段键（camelCase） */
                            key: string;
                            /** @description 字段名称 */
                            label: string;
                            /** @description 物理上限（含） */
                            max?: number;
                            /** @description 文本最大长度 */
                            maxLength?: number;
                            /** @description 物理下限（含） */
                            min?: number;
                            options?: {
                                /** @description 选项名称 */
                                label: string;
                                /** @description 选项值（机器可读） */
                                value: string;
                            }[];
                            /** @description 是否必填 */
                            required: boolean;
                            /**
                             * @description number 数值 · integer 整数 · string 文本 · enum 选项
                             * @enum {unknown}
                             */
                            type: "number" | "integer" | "string" | "enum";
                            /** @description 计量单位；无量纲量写 — */
                            unit?: string;
                        }[];
                        /** @description 每条原始记录至少应有的过程影像数 */
                        minImages: number;
                        /** @description 检测项目名称 */
                        name: string;
                        note?: string;
                        /** @description 依据标准 */
                        standard: string;
                    }[];
                    name: string;
                    note?: string;
                }[];
            };
            /** @description 本版修改说明 */
            note: string;
        };
        CreateCatalogueVersionResponse: {
            /** @description 发布人 */
            authorName: string;
            changes: {
                added: string[];
                changed: string[];
                removed: string[];
            };
            /** @description 文档 SHA-256（键排序后的 JSON） */
            checksum: string;
            /** Format: date-time */
            createdAt: string;
            document: {
                specialties: {
                    /**
                     * @description 专项代码（资质标准九个专项）
                     * @enum {unknown}
                     */
                    code: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                    items: {
                        /** @description 是否通常由设备自动采集（严禁人工录入替代自动采集） */
                        autoCollected: boolean;
                        /** @description 检测项目代码，全目录唯一 */
                        code: string;
                        /** @description 原始记录字段 */
                        fields: {
                            /** @description 字段键（camelCase） */
                            key: string;
                            /** @description 字段名称 */
                            label: string;
                            /** @description 物理上限（含） */
                            max?: number;
                            /** @description 文本最大长度 */
                            maxLength?: number;
                            /** @description 物理下限（含） */
                            min?: number;
                            options?: {
                                /** @description 选项名称 */
                                label: string;
                                /** @description 选项值（机器可读） */
                                value: string;
                            }[];
                            /** @description 是否必填 */
                            required: boolean;
                            /**
                             * @description number 数值 · integer 整数 · string 文本 · enum 选项
                             * @enum {unknown}
                             */
                            type: "number" | "integer" | "string" | "enum";
                            /** @description 计量单位；无量纲量写 — */
                            unit?: string;
                        }[];
                        /** @description 每条原始记录至少应有的过程影像数 */
                        minImages: number;
                        /** @description 检测项目名称 */
                        name: string;
                        note?: string;
                        /** @description 依据标准 */
                        standard: string;
                    }[];
                    name: string;
                    note?: string;
                }[];
            };
            /** @description 检测项目数 */
            itemCount: number;
            /** @description 修改说明 */
            note: string;
            /** @description 版本号 */
            version: number;
        };
        CreateCommissionRequest: {
            /** Format: uuid */
            agencyId: string;
            contractNumber?: string | null;
            note?: string | null;
            /** Format: uuid */
            projectId: string;
            /** @description 委托检测的专项 */
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
        };
        CreateCommissionResponse: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            constructionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description 委托合同编号 */
            contractNumber: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            note: string | null;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            projectRegionCode: string;
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** @description active 有效 · terminated 已终止 */
            status: "active" | "terminated";
            terminatedAt: string | null;
            terminationReason: string | null;
        };
        CreateEquipmentCalibrationRequest: {
            certificateNumber: string;
            /**
             * Format: uuid
             * @description 证书扫描件（先经 POST /documents 上传）
             */
            documentId: string;
            issuingBody: string;
            /** @description verification 检定 · calibration 校准 */
            kind: "verification" | "calibration";
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        CreateEquipmentCalibrationResponse: {
            certificateNumber: string;
            /** Format: date-time */
            createdAt: string;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            /** @description 当前是否在有效期内 */
            inForce: boolean;
            /** @description 检定/校准机构 */
            issuingBody: string;
            /** @description verification 检定 · calibration 校准 */
            kind: "verification" | "calibration";
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        CreateEquipmentKeyRequest: {
            /** @description Ed25519 公钥：32 字节原始值的 base64，或 PEM（SPKI） */
            publicKey: string;
            /**
             * Format: date-time
             * @description 启用时间，默认当前；不得早于当前
             */
            validFrom?: string;
        };
        CreateEquipmentKeyResponse: {
            /** Format: date-time */
            createdAt: string;
            /** @description 公钥 SHA-256 指纹（十六进制） */
            fingerprint: string;
            /** Format: uuid */
            id: string;
            /** @description Ed25519 公钥（32 字节原始值的 base64） */
            publicKey: string;
            /** Format: date-time */
            validFrom: string;
            validTo: string | null;
        };
        CreateEquipmentRequest: {
            agencyId?: string | null;
            autoCollect: boolean;
            autoCollectProtocol?: string | null;
            calibration?: {
                certificateNumber: string;
                /**
                 * Format: uuid
                 * @description 证书扫描件（先经 POST /documents 上传）
                 */
                documentId: string;
                issuingBody: string;
                /** @description verification 检定 · calibration 校准 */
                kind: "verification" | "calibration";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            } | null;
            equipmentType: string;
            maker: string;
            model: string;
            publicKey?: string | null;
            serialNumber: string;
        };
        CreateEquipmentResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** @description 具备自动采集功能 */
            autoCollect: boolean;
            autoCollectProtocol: string | null;
            calibrations: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 当前是否在有效期内 */
                inForce: boolean;
                /** @description 检定/校准机构 */
                issuingBody: string;
                /** @description verification 检定 · calibration 校准 */
                kind: "verification" | "calibration";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description valid 有效 · expiring 即将到期 · not_in_force 不在有效期内 · none 未登记 */
            calibrationState: "valid" | "expiring" | "not_in_force" | "none";
            calibrationValidUntil: string | null;
            /** @description 检定/校准将在预警天数内到期 */
            calibrationWarning: boolean;
            /** Format: date-time */
            createdAt: string;
            currentKeyFingerprint: string | null;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            /** @description 设备类型，如 回弹仪 */
            equipmentType: string;
            /** Format: uuid */
            id: string;
            keys: {
                /** Format: date-time */
                createdAt: string;
                /** @description 公钥 SHA-256 指纹（十六进制） */
                fingerprint: string;
                /** Format: uuid */
                id: string;
                /** @description Ed25519 公钥（32 字节原始值的 base64） */
                publicKey: string;
                /** Format: date-time */
                validFrom: string;
                validTo: string | null;
            }[];
            maker: string;
            model: string;
            rowVersion: number;
            /** @description 出厂编号（本机构内唯一） */
            serialNumber: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @description 已核验且检定/校准有效，可用于检测批次 */
            usable: boolean;
        };
        CreateFraudReportRequest: {
            description: string;
            documentIds?: string[];
            /** Format: uuid */
            projectId: string;
            subjectOrganisationId?: string | null;
        };
        CreateLedgerCosignatureRequest: {
            note: string;
        };
        CreateLedgerCosignatureResponse: {
            accepted: {
                keyId: string;
                name: string;
                timestamp: number;
            }[];
            size: number;
        };
        CreateMachineCredentialRequest: {
            name: string;
        };
        CreateMachineCredentialResponse: {
            credential: components["schemas"]["MachineCredential"];
            secret: string;
        };
        CreateOrganisationRequest: {
            contactName?: string | null;
            contactPhone?: string | null;
            name: string;
            regionCode: string;
            /**
             * @description agency 检测机构 · construction_unit 建设单位 · supervision_unit 监理单位 · contractor 施工单位 · department 住建部门
             * @enum {unknown}
             */
            type: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
            uscc?: string | null;
        };
        CreatePersonnelCertificateRequest: {
            certificateNumber: string;
            documentId?: string | null;
            /**
             * @description post 上岗证 · professional 职业资格证书
             * @enum {unknown}
             */
            kind: "post" | "professional";
            specialty: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        CreatePersonnelCertificateResponse: {
            certificateNumber: string;
            /** Format: date-time */
            createdAt: string;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            inForce: boolean;
            /**
             * @description post 上岗证 · professional 职业资格证书
             * @enum {unknown}
             */
            kind: "post" | "professional";
            /**
             * @description 专项代码（2023 资质标准的九个专项）
             * @enum {unknown}
             */
            specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        CreatePersonnelRequest: {
            agencyId?: string | null;
            certificates?: {
                certificateNumber: string;
                documentId?: string | null;
                /**
                 * @description post 上岗证 · professional 职业资格证书
                 * @enum {unknown}
                 */
                kind: "post" | "professional";
                specialty: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            joinedOn?: string;
            name: string;
            /** @description 身份证号（GB 11643 校验）；只加密保存，不以明文存储 */
            residentId: string;
            roles: ("tester" | "reviewer" | "signatory" | "upload_owner" | "technical_lead")[];
            userId?: string | null;
        };
        CreatePersonnelResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificates: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                inForce: boolean;
                /**
                 * @description post 上岗证 · professional 职业资格证书
                 * @enum {unknown}
                 */
                kind: "post" | "professional";
                /**
                 * @description 专项代码（2023 资质标准的九个专项）
                 * @enum {unknown}
                 */
                specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description 持有效证书的专项 */
            certifiedSpecialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            joinedOn: string;
            leftOn: string | null;
            name: string;
            /** @description 脱敏身份证号；完整号码仅可经审计的 reveal-id 查看 */
            residentIdMasked: string;
            roles: ("tester" | "reviewer" | "signatory" | "upload_owner" | "technical_lead")[];
            rowVersion: number;
            /** @description active 在职 · left 已离职 */
            status: "active" | "left";
            userId: string | null;
            username: string | null;
        };
        CreateProjectComponentRequest: {
            items: {
                building: string;
                componentType: string;
                floor?: string | null;
                note?: string | null;
                position: string;
            }[];
        };
        CreateProjectComponentResponse: {
            items: {
                /** @description 楼栋（单体） */
                building: string;
                /** @description 构件唯一标识（标签上印的编号，QC 开头 13 位） */
                code: string;
                /** @description 构件类型（如 柱、梁、板、桩、焊缝、外墙保温） */
                componentType: string;
                /** Format: date-time */
                createdAt: string;
                /** @description 楼层；道路、桥梁等无楼层时为空 */
                floor: string | null;
                /** Format: uuid */
                id: string;
                note: string | null;
                /** @description 轴线或部位（如 A-3轴、K0+120~K0+180 左幅） */
                position: string;
                /** Format: uuid */
                projectId: string;
            }[];
        };
        CreateProjectRequest: {
            address: string;
            /** Format: uuid */
            constructionUnitId?: string;
            contractorId?: string | null;
            /** @description 项目定位点 */
            location: {
                /** @description 纬度（WGS-84） */
                lat: number;
                /** @description 经度（WGS-84） */
                lng: number;
            };
            name: string;
            /** @description 施工许可证号 */
            permitNumber: string;
            /** @description 县级行政区代码 */
            regionCode: string;
            /** @description 施工现场范围（用于影像位置核验）：多边形，或圆心加半径 */
            site: {
                /** @description 闭合边界：首尾两点相同，至少 4 个点 */
                ring: [
                    number,
                    number
                ][];
                /** @enum {string} */
                type: "polygon";
            } | {
                /** @description [经度, 纬度]，WGS-84 */
                center: [
                    number,
                    number
                ];
                /** @description 半径（米） */
                radiusMetres: number;
                /** @enum {string} */
                type: "circle";
            };
            supervisionUnitId?: string | null;
        };
        CreateProjectResponse: {
            address: string;
            constructionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            contractor: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** @description 属地住建部门所在区划（县级无住建部门的由市级管辖） */
            departmentRegionCode: string;
            /** Format: uuid */
            id: string;
            /** @description 项目定位点 */
            location: {
                /** @description 纬度（WGS-84） */
                lat: number;
                /** @description 经度（WGS-84） */
                lng: number;
            };
            name: string;
            /** @description 施工许可证号 */
            permitNumber: string;
            /** @description 项目所在县级行政区 */
            regionCode: string;
            regionName: string;
            /** @description 乐观锁版本号：修改时原样带回 */
            rowVersion: number;
            /** @description 施工现场范围（用于影像位置核验）：多边形，或圆心加半径 */
            site: {
                /** @description 闭合边界：首尾两点相同，至少 4 个点 */
                ring: [
                    number,
                    number
                ][];
                /** @enum {string} */
                type: "polygon";
            } | {
                /** @description [经度, 纬度]，WGS-84 */
                center: [
                    number,
                    number
                ];
                /** @description 半径（米） */
                radiusMetres: number;
                /** @enum {string} */
                type: "circle";
            };
            supervisionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateRandomDrawFindingRequest: {
            /** Format: uuid */
            itemId: string;
            note: string;
            /** @description compliant 未发现问题 · problem 发现问题 */
            outcome: "compliant" | "problem";
        };
        CreateRandomDrawRequest: {
            inspectorCount: number;
            inspectorPool: string[];
            kind: "batches" | "agencies";
            /**
             * Format: date
             * @description 北京时间日期 YYYY-MM-DD
             */
            periodFrom: string;
            /**
             * Format: date
             * @description 北京时间日期 YYYY-MM-DD
             */
            periodTo: string;
            regionCode: string;
            sampleSize: number;
            specialty?: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground") | null;
            title: string;
        };
        CreateServiceRequestRequest: {
            contactPhone?: string | null;
            description: string;
            projectId?: string | null;
            /**
             * @description equipment_connection 设备对接 · image_capture 影像采集 · other 其他
             * @enum {unknown}
             */
            type: "equipment_connection" | "image_capture" | "other";
        };
        CreateSpecialCampaignFindingRequest: {
            /** Format: uuid */
            batchId: string;
            note: string;
            /** @description compliant 未发现问题 · problem 发现问题 */
            outcome: "compliant" | "problem";
        };
        CreateSpecialCampaignRequest: {
            anomalyKind?: ("completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing") | null;
            /**
             * Format: date
             * @description 北京时间日期 YYYY-MM-DD
             */
            periodFrom: string;
            /**
             * Format: date
             * @description 北京时间日期 YYYY-MM-DD
             */
            periodTo: string;
            regionCode: string;
            specialty?: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground") | null;
            title: string;
        };
        CreateUserRequest: {
            displayName: string;
            organisationId: string | null;
            password: string;
            roles: ("platform_admin" | "dept_officer" | "agency_admin" | "upload_owner" | "tester" | "reviewer" | "signatory" | "witness" | "construction_user" | "contractor_user")[];
            /** @description 3–64 位字母、数字、点、下划线或连字符 */
            username: string;
        };
        CreateViolationRequest: {
            batchRef?: string | null;
            /** @description 认定事实 */
            description: string;
            intentional?: boolean | null;
            /** Format: date-time */
            occurredAt: string;
            /** Format: uuid */
            organisationId: string;
            personRef?: string | null;
            projectId?: string | null;
            /**
             * @description late_upload 迟传 · missing_upload 漏传 · tampered_data 篡改数据或影像 · synthesized_image 合成或补拍影像 · fabricated_data 伪造检测数据或出具虚假报告 · manual_entry_instead_of_auto 人工录入替代自动采集 · unregistered_witness 无证见证 · proxy_witness 他人代见证 · witness_change_late 见证变更逾期 · no_double_review 未双人复核 · unqualified_commission 委托未对接或无资质机构 · other 其他
             * @enum {unknown}
             */
            type: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
        };
        CreateWitnessAuthorizationRequest: {
            /**
             * Format: date-time
             * @description 变更实际发生时间
             */
            changedAt: string;
            documentId?: string | null;
            /** @description new_authorization 新授权 · replacement 本人更换另一名见证人员 · revocation 撤销授权 */
            kind: "new_authorization" | "replacement" | "revocation";
            /** @description 授权见证的项目（须由本监理单位监理） */
            projectIds?: string[];
            reason?: string | null;
            replacesWitnessId?: string | null;
            signedOn?: string | null;
        };
        CreateWitnessAuthorizationResponse: {
            registration: components["schemas"]["WitnessRegistration"];
            witness: components["schemas"]["Witness"];
        };
        CreateWitnessRequest: {
            authorization: {
                changedAt?: string | null;
                /** Format: uuid */
                documentId: string;
                /** @description 授权见证的项目（须由本监理单位监理） */
                projectIds: string[];
                replacesWitnessId?: string | null;
                /** @description YYYY-MM-DD（北京时间日历日） */
                signedOn: string;
            };
            /** @description 身份证号（18位） */
            idNumber: string;
            name: string;
            phone: string;
            supervisionUnitId?: string | null;
            userId?: string | null;
        };
        CreateWitnessResponse: {
            registration: components["schemas"]["WitnessRegistration"];
            witness: components["schemas"]["Witness"];
        };
        DecideAnomalyRequest: {
            /**
             * @description 排除（须说明理由）
             * @enum {string}
             */
            decision: "dismiss";
            /** @description 核查理由 */
            reason: string;
        } | {
            /**
             * @description 确认违规（记入违规台账，进入分级处置）
             * @enum {string}
             */
            decision: "confirm";
            /** @description 核查理由 */
            reason: string;
            /**
             * @description 确认违规时记入的违规类型（不填则按异常类型）
             * @enum {unknown}
             */
            violationType?: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
        };
        DecideAnomalyResponse: {
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            acknowledgeNote: string | null;
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** Format: uuid */
            batchId: string;
            batchNumber: string;
            batchStatus: string;
            /** @description 未核查时是否阻止出具检测报告 */
            blocking: boolean;
            decidedByName: string | null;
            decision: ("dismissed" | "confirmed") | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            detectedAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description 异常类型（稳定代码）
             * @enum {unknown}
             */
            kind: "completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing";
            kindLabel: string;
            /** @description 疑似原图（重复/翻拍影像） */
            originalImageId: string | null;
            /** Format: uuid */
            projectId: string;
            projectName: string;
            /** @enum {unknown} */
            proposedViolationType: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
            regionCode: string;
            /**
             * @description critical 严重 · major 较重 · minor 一般（策略模块规定）
             * @enum {unknown}
             */
            severity: "critical" | "major" | "minor";
            /** @description open 待核查 · acknowledged 已核查 */
            status: "open" | "acknowledged";
            subjectId: string | null;
            /** @description batch · record · image · checkin · attestation · seal */
            subjectType: string;
            violationId: string | null;
            violationTypeLabel: string;
        };
        DecideEnforcementCaseRectificationRequest: {
            /** @enum {unknown} */
            decision: "accepted" | "rejected";
            intent?: ("unintentional" | "intentional") | null;
            note: string;
            /** @description 案件版本（并发保护；可省略） */
            rowVersion?: number;
        };
        DecideForceMajeureFilingRequest: {
            /** @enum {unknown} */
            decision: "accept" | "reject";
            reason?: string | null;
        };
        DeclareViolationIntentRequest: {
            intentional: boolean;
        };
        DismissEnforcementCaseRequest: {
            reason: string;
            /** @description 案件版本（并发保护；可省略） */
            rowVersion?: number;
        };
        DismissFraudReportRequest: {
            reason: string;
        };
        Document: {
            contentType: string;
            filename: string;
            id: string;
            sha256: string;
            size: number;
            /** Format: date-time */
            uploadedAt: string;
        };
        EnforcementCase: {
            closedAt: string | null;
            confirmedAt: string | null;
            confirmedBy: string | null;
            decisionNote: string | null;
            dismissedAt: string | null;
            dismissReason: string | null;
            /** @description 约谈或整改期限 */
            dueAt: string | null;
            /** Format: uuid */
            id: string;
            interview: {
                attendees: string;
                /** Format: date-time */
                heldAt: string;
                minutes: string;
            } | null;
            marketRestrictionId: string | null;
            organisation: {
                id: string;
                name: string;
                regionCode: string;
                /** @enum {unknown} */
                type: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
            };
            outcome: ("held" | "accepted" | "rejected" | "decided") | null;
            outcomeLabel: string | null;
            penalty: {
                content: string;
                decisionNumber: string;
                dishonest: boolean;
            } | null;
            /** Format: date-time */
            proposedAt: string;
            reasonLabels: string[];
            reasons: string[];
            /** @description 处置部门辖区 */
            regionCode: string;
            regionName: string;
            report: {
                documentIds: string[];
                /** Format: date-time */
                submittedAt: string;
                text: string;
            } | null;
            /**
             * @description interview 约谈提醒 · rectification 限期整改 · penalty 行政处罚
             * @enum {unknown}
             */
            rung: "interview" | "rectification" | "penalty";
            rungLabel: string;
            /**
             * @description proposed 平台建议 · confirmed 已确认 · report_submitted 已提交整改报告 · closed 已办结 · dismissed 不予处置 · superseded 已被取代
             * @enum {unknown}
             */
            status: "proposed" | "confirmed" | "report_submitted" | "closed" | "dismissed" | "superseded";
            statusLabel: string;
            /** @description 提出建议时本年度补传批次数 */
            supplementaryUploads: number;
            violationIds: string[];
            year: number;
        };
        /** @description 统一错误格式 */
        ErrorResponse: {
            /** @description 稳定的机器可读错误码 */
            code: string;
            /** @description 可供程序处理的细节，如出具报告被拒时尚待处理的异常清单（anomalies） */
            details?: {
                [key: string]: unknown;
            };
            /** @description 出错的字段，如 body.uscc */
            field?: string;
            /** @description 中文错误说明 */
            message: string;
        };
        FileBatchForceMajeureRequest: {
            /** @description 证明材料（先经 POST /documents 上传） */
            documentIds?: string[];
            /** @description 不可抗力情况说明 */
            reason: string;
        };
        ForceMajeureFiling: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** Format: uuid */
            batchId: string;
            batchNumber: string;
            clearedAt: string | null;
            clearedDeadline: string | null;
            clearedDeclaredAt: string | null;
            clearedNote: string | null;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            /** @description 审核部门：项目所在县（市、区）住建部门，未设的由市级住建部门 */
            department: {
                id: string | null;
                name: string | null;
                regionCode: string;
                regionName: string;
            };
            documents: {
                contentType: string;
                filename: string;
                /** Format: uuid */
                id: string;
                sha256: string;
                size: number;
            }[];
            /** Format: date-time */
            filedAt: string;
            filedByName: string;
            /** @enum {unknown} */
            filedByType: "user" | "machine";
            /** Format: uuid */
            id: string;
            originalDeadline: string | null;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            reason: string;
            /** @description 项目所在区划 */
            regionCode: string;
            /**
             * @description pending 待审核 · accepted 已同意 · rejected 已驳回
             * @enum {unknown}
             */
            status: "pending" | "accepted" | "rejected";
            statusLabel: string;
        };
        FraudReport: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            documentIds: string[];
            handledAt: string | null;
            handledBy: string | null;
            handlingNote: string | null;
            /** Format: uuid */
            id: string;
            project: {
                id: string;
                name: string;
            };
            regionCode: string;
            regionName: string;
            reportedBy: string;
            reporter: {
                id: string;
                name: string;
            };
            /**
             * @description open 待处理 · recorded 已认定违规 · dismissed 不予认定
             * @enum {unknown}
             */
            status: "open" | "recorded" | "dismissed";
            subjectOrganisation: {
                id: string;
                name: string;
            } | null;
            violationId: string | null;
        };
        GetAgencyConnectionResponse: {
            /** Format: uuid */
            agencyId: string;
            /** Format: date-time */
            checkedAt: string;
            checklist: {
                item: "origin" | "qualification" | "equipment" | "personnel";
                message: string;
                ok: boolean;
            }[];
            /** @description 是否已完成监管平台对接（由登记数据计算得出） */
            connected: boolean;
        };
        GetAgencyProfileResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            filing: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                date: string;
                decidedAt: string | null;
                decidedByName: string | null;
                decisionReason: string | null;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
                inForce: boolean;
                /** @description 入吉备案编号 */
                number: string;
                /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                status: "pending" | "verified" | "rejected";
                /** Format: date-time */
                submittedAt: string;
                supersededAt: string | null;
                supersededBy: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
                /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
                version: number;
            } | null;
            origin: ("local" | "out_of_province") | null;
            /** @description 乐观锁版本号；尚未保存过时为 0，首次保存时带 0 */
            rowVersion: number;
            updatedAt: string | null;
            verifiedFiling: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                date: string;
                decidedAt: string | null;
                decidedByName: string | null;
                decisionReason: string | null;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
                inForce: boolean;
                /** @description 入吉备案编号 */
                number: string;
                /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                status: "pending" | "verified" | "rejected";
                /** Format: date-time */
                submittedAt: string;
                supersededAt: string | null;
                supersededBy: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
                /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
                version: number;
            } | null;
        };
        GetAuthSecondFactorResponse: {
            enrolled: boolean;
            enrolledAt: string | null;
            recoveryCodesLeft: number;
            required: boolean;
        };
        GetCalendarYearResponse: {
            current: components["schemas"]["CalendarYearVersion"];
            history: components["schemas"]["CalendarYearVersion"][];
        };
        GetCatalogueResponse: {
            /** @description 发布人 */
            authorName: string;
            /** @description 文档 SHA-256（键排序后的 JSON） */
            checksum: string;
            /** Format: date-time */
            createdAt: string;
            document: {
                specialties: {
                    /**
                     * @description 专项代码（资质标准九个专项）
                     * @enum {unknown}
                     */
                    code: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                    items: {
                        /** @description 是否通常由设备自动采集（严禁人工录入替代自动采集） */
                        autoCollected: boolean;
                        /** @description 检测项目代码，全目录唯一 */
                        code: string;
                        /** @description 原始记录字段 */
                        fields: {
                            /** @description 字段键（camelCase） */
                            key: string;
                            /** @description 字段名称 */
                            label: string;
                            /** @description 物理上限（含） */
                            max?: number;
                            /** @description 文本最大长度 */
                            maxLength?: number;
                            /** @description 物理下限（含） */
                            min?: number;
                            options?: {
                                /** @description 选项名称 */
                                label: string;
                                /** @description 选项值（机器可读） */
                                value: string;
                            }[];
                            /** @description 是否必填 */
                            required: boolean;
                            /**
                             * @description number 数值 · integer 整数 · string 文本 · enum 选项
                             * @enum {unknown}
                             */
                            type: "number" | "integer" | "string" | "enum";
                            /** @description 计量单位；无量纲量写 — */
                            unit?: string;
                        }[];
                        /** @description 每条原始记录至少应有的过程影像数 */
                        minImages: number;
                        /** @description 检测项目名称 */
                        name: string;
                        note?: string;
                        /** @description 依据标准 */
                        standard: string;
                    }[];
                    name: string;
                    note?: string;
                }[];
            };
            /** @description 检测项目数 */
            itemCount: number;
            /** @description 修改说明 */
            note: string;
            /** @description 版本号 */
            version: number;
        };
        GetCatalogueVersionResponse: {
            /** @description 发布人 */
            authorName: string;
            /** @description 文档 SHA-256（键排序后的 JSON） */
            checksum: string;
            /** Format: date-time */
            createdAt: string;
            document: {
                specialties: {
                    /**
                     * @description 专项代码（资质标准九个专项）
                     * @enum {unknown}
                     */
                    code: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                    items: {
                        /** @description 是否通常由设备自动采集（严禁人工录入替代自动采集） */
                        autoCollected: boolean;
                        /** @description 检测项目代码，全目录唯一 */
                        code: string;
                        /** @description 原始记录字段 */
                        fields: {
                            /** @description 字段键（camelCase） */
                            key: string;
                            /** @description 字段名称 */
                            label: string;
                            /** @description 物理上限（含） */
                            max?: number;
                            /** @description 文本最大长度 */
                            maxLength?: number;
                            /** @description 物理下限（含） */
                            min?: number;
                            options?: {
                                /** @description 选项名称 */
                                label: string;
                                /** @description 选项值（机器可读） */
                                value: string;
                            }[];
                            /** @description 是否必填 */
                            required: boolean;
                            /**
                             * @description number 数值 · integer 整数 · string 文本 · enum 选项
                             * @enum {unknown}
                             */
                            type: "number" | "integer" | "string" | "enum";
                            /** @description 计量单位；无量纲量写 — */
                            unit?: string;
                        }[];
                        /** @description 每条原始记录至少应有的过程影像数 */
                        minImages: number;
                        /** @description 检测项目名称 */
                        name: string;
                        note?: string;
                        /** @description 依据标准 */
                        standard: string;
                    }[];
                    name: string;
                    note?: string;
                }[];
            };
            /** @description 检测项目数 */
            itemCount: number;
            /** @description 修改说明 */
            note: string;
            /** @description 版本号 */
            version: number;
        };
        GetCommissionResponse: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            constructionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description 委托合同编号 */
            contractNumber: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            note: string | null;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            projectRegionCode: string;
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** @description active 有效 · terminated 已终止 */
            status: "active" | "terminated";
            terminatedAt: string | null;
            terminationReason: string | null;
        };
        GetDailyChecksHistoryResponse: {
            /** @description 当日新增异常 */
            anomaliesOpened: number;
            complianceRate: number | null;
            /** @description 按时封存 */
            compliant: number;
            computedAt: string | null;
            computedByName: string;
            day: string;
            /** @description 应传批次（截止时间在当日） */
            due: number;
            final: boolean | null;
            /** @description 迟传（截止已过未按时封存） */
            late: number;
            /** @description 漏传（开启 24 小时未申报完成） */
            missing: number;
            /** @description 待封存（截止未到，仅限当日临时数据） */
            pending: number;
            reason: string | null;
            /** @description 当日办结靠前服务请求 */
            serviceRequestsClosed: number;
            /** @description 当日新增靠前服务请求 */
            serviceRequestsOpened: number;
            /** @description 不可抗力报备暂停计时 */
            suspended: number;
            version: number | null;
        }[];
        GetDailyChecksTrendResponse: {
            days: {
                /** @description 当日新增异常 */
                anomaliesOpened: number;
                complianceRate: number | null;
                /** @description 按时封存 */
                compliant: number;
                computedAt: string | null;
                day: string;
                /** @description 应传批次（截止时间在当日） */
                due: number;
                final: boolean | null;
                /** @description 迟传（截止已过未按时封存） */
                late: number;
                /** @description 漏传（开启 24 小时未申报完成） */
                missing: number;
                /** @description 待封存（截止未到，仅限当日临时数据） */
                pending: number;
                /** @description 当日办结靠前服务请求 */
                serviceRequestsClosed: number;
                /** @description 当日新增靠前服务请求 */
                serviceRequestsOpened: number;
                /** @description 不可抗力报备暂停计时 */
                suspended: number;
                version: number | null;
            }[];
            region: {
                code: string;
                level: "province" | "city" | "county";
                name: string;
            };
        };
        GetDeskAnomalyResponse: {
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            acknowledgeNote: string | null;
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** Format: uuid */
            batchId: string;
            batchNumber: string;
            batchStatus: string;
            /** @description 未核查时是否阻止出具检测报告 */
            blocking: boolean;
            decidedByName: string | null;
            decision: ("dismissed" | "confirmed") | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            detectedAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description 异常类型（稳定代码）
             * @enum {unknown}
             */
            kind: "completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing";
            kindLabel: string;
            /** @description 疑似原图（重复/翻拍影像） */
            originalImageId: string | null;
            /** Format: uuid */
            projectId: string;
            projectName: string;
            /** @enum {unknown} */
            proposedViolationType: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
            regionCode: string;
            /**
             * @description critical 严重 · major 较重 · minor 一般（策略模块规定）
             * @enum {unknown}
             */
            severity: "critical" | "major" | "minor";
            /** @description open 待核查 · acknowledged 已核查 */
            status: "open" | "acknowledged";
            subjectId: string | null;
            /** @description batch · record · image · checkin · attestation · seal */
            subjectType: string;
            violationId: string | null;
            violationTypeLabel: string;
        };
        GetEnforcementCaseResponse: {
            closedAt: string | null;
            confirmedAt: string | null;
            confirmedBy: string | null;
            decisionNote: string | null;
            dismissedAt: string | null;
            dismissReason: string | null;
            /** @description 约谈或整改期限 */
            dueAt: string | null;
            events: {
                actorName: string | null;
                /** Format: date-time */
                at: string;
                details: {
                    [key: string]: unknown;
                };
                event: string;
            }[];
            /** Format: uuid */
            id: string;
            interview: {
                attendees: string;
                /** Format: date-time */
                heldAt: string;
                minutes: string;
            } | null;
            marketRestrictionId: string | null;
            organisation: {
                id: string;
                name: string;
                regionCode: string;
                /** @enum {unknown} */
                type: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
            };
            outcome: ("held" | "accepted" | "rejected" | "decided") | null;
            outcomeLabel: string | null;
            penalty: {
                content: string;
                decisionNumber: string;
                dishonest: boolean;
            } | null;
            /** Format: date-time */
            proposedAt: string;
            reasonLabels: string[];
            reasons: string[];
            /** @description 处置部门辖区 */
            regionCode: string;
            regionName: string;
            report: {
                documentIds: string[];
                /** Format: date-time */
                submittedAt: string;
                text: string;
            } | null;
            /**
             * @description interview 约谈提醒 · rectification 限期整改 · penalty 行政处罚
             * @enum {unknown}
             */
            rung: "interview" | "rectification" | "penalty";
            rungLabel: string;
            /**
             * @description proposed 平台建议 · confirmed 已确认 · report_submitted 已提交整改报告 · closed 已办结 · dismissed 不予处置 · superseded 已被取代
             * @enum {unknown}
             */
            status: "proposed" | "confirmed" | "report_submitted" | "closed" | "dismissed" | "superseded";
            statusLabel: string;
            /** @description 提出建议时本年度补传批次数 */
            supplementaryUploads: number;
            violationIds: string[];
            year: number;
        };
        GetEnforcementKeySupervisionResponse: {
            items: {
                handlingRegionName: string;
                leaveRule: string;
                /** @description 若无新的违规，预计移出时间；案件未办结时为空 */
                leavesAt: string | null;
                organisation: {
                    id: string;
                    name: string;
                    regionCode: string;
                    regionName: string;
                    /** @enum {unknown} */
                    type: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
                    typeLabel: string;
                };
                reasons: string[];
                /** @enum {unknown} */
                rung: "rectification" | "penalty";
                rungLabel: string;
                /** Format: date-time */
                since: string;
                violationsThisYear: number;
            }[];
        };
        GetEquipmentResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** @description 具备自动采集功能 */
            autoCollect: boolean;
            autoCollectProtocol: string | null;
            calibrations: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 当前是否在有效期内 */
                inForce: boolean;
                /** @description 检定/校准机构 */
                issuingBody: string;
                /** @description verification 检定 · calibration 校准 */
                kind: "verification" | "calibration";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description valid 有效 · expiring 即将到期 · not_in_force 不在有效期内 · none 未登记 */
            calibrationState: "valid" | "expiring" | "not_in_force" | "none";
            calibrationValidUntil: string | null;
            /** @description 检定/校准将在预警天数内到期 */
            calibrationWarning: boolean;
            /** Format: date-time */
            createdAt: string;
            currentKeyFingerprint: string | null;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            /** @description 设备类型，如 回弹仪 */
            equipmentType: string;
            /** Format: uuid */
            id: string;
            keys: {
                /** Format: date-time */
                createdAt: string;
                /** @description 公钥 SHA-256 指纹（十六进制） */
                fingerprint: string;
                /** Format: uuid */
                id: string;
                /** @description Ed25519 公钥（32 字节原始值的 base64） */
                publicKey: string;
                /** Format: date-time */
                validFrom: string;
                validTo: string | null;
            }[];
            maker: string;
            model: string;
            rowVersion: number;
            /** @description 出厂编号（本机构内唯一） */
            serialNumber: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @description 已核验且检定/校准有效，可用于检测批次 */
            usable: boolean;
        };
        GetFilingResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            date: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
            inForce: boolean;
            /** @description 入吉备案编号 */
            number: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
            /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
            version: number;
        };
        GetHealthzResponse: {
            /** @enum {string} */
            status: "ok";
        };
        GetImageReuseResponse: {
            items: components["schemas"]["ImageReuseEvidence"][];
        };
        GetLedgerObjectResponse: components["schemas"]["LedgerEntryProof"][];
        GetNotificationsUnreadCountResponse: {
            unread: number;
        };
        GetPersonnelResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificates: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                inForce: boolean;
                /**
                 * @description post 上岗证 · professional 职业资格证书
                 * @enum {unknown}
                 */
                kind: "post" | "professional";
                /**
                 * @description 专项代码（2023 资质标准的九个专项）
                 * @enum {unknown}
                 */
                specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description 持有效证书的专项 */
            certifiedSpecialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            joinedOn: string;
            leftOn: string | null;
            name: string;
            /** @description 脱敏身份证号；完整号码仅可经审计的 reveal-id 查看 */
            residentIdMasked: string;
            roles: ("tester" | "reviewer" | "signatory" | "upload_owner" | "technical_lead")[];
            rowVersion: number;
            /** @description active 在职 · left 已离职 */
            status: "active" | "left";
            userId: string | null;
            username: string | null;
        };
        GetProjectResponse: {
            address: string;
            constructionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            contractor: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** @description 属地住建部门所在区划（县级无住建部门的由市级管辖） */
            departmentRegionCode: string;
            /** Format: uuid */
            id: string;
            /** @description 项目定位点 */
            location: {
                /** @description 纬度（WGS-84） */
                lat: number;
                /** @description 经度（WGS-84） */
                lng: number;
            };
            name: string;
            /** @description 施工许可证号 */
            permitNumber: string;
            /** @description 项目所在县级行政区 */
            regionCode: string;
            regionName: string;
            /** @description 乐观锁版本号：修改时原样带回 */
            rowVersion: number;
            /** @description 施工现场范围（用于影像位置核验）：多边形，或圆心加半径 */
            site: {
                /** @description 闭合边界：首尾两点相同，至少 4 个点 */
                ring: [
                    number,
                    number
                ][];
                /** @enum {string} */
                type: "polygon";
            } | {
                /** @description [经度, 纬度]，WGS-84 */
                center: [
                    number,
                    number
                ];
                /** @description 半径（米） */
                radiusMetres: number;
                /** @enum {string} */
                type: "circle";
            };
            supervisionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** Format: date-time */
            updatedAt: string;
        };
        GetPublicReportResponse: {
            agencyName: string;
            /** @description 平台发现的异常及住建部门的核查决定（报告出具时的状态）；2026 年 12 月前出具的报告不含此项 */
            anomalies: {
                decidedAt: string | null;
                /** @description 住建部门的核查决定：排除 / 确认违规 / 待核查 */
                decisionLabel: string;
                /** Format: date-time */
                detectedAt: string;
                /** @description 异常类型 */
                kindLabel: string;
                /** @description 严重程度 */
                severityLabel: string;
            }[];
            contentSha256: string;
            pdfSha256: string;
            projectName: string;
            /** Format: date */
            reportDate: string;
            reportNumber: string;
            /**
             * @description valid 有效 · superseded 已被更正报告替代 · revoked 已撤销
             * @enum {unknown}
             */
            status: "valid" | "superseded" | "revoked";
            statusChangedAt: string | null;
            statusLabel: string;
            supersededBy: string | null;
        };
        GetQualificationResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificateNumber: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** @description comprehensive 综合资质 · specialised 专项资质 */
            grade: "comprehensive" | "specialised";
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被替换且在有效期内 */
            inForce: boolean;
            issuer: string;
            replacesId: string | null;
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        GetRandomDrawRecordResponse: {
            /** Format: uuid */
            id: string;
            inspectorCount: number;
            inspectorPool: string[];
            inspectors: string[] | null;
            kind: string;
            poolDigest: string;
            population: string[];
            populationDigest: string;
            sampleSize: number;
            seed: string;
            selection: string[] | null;
        };
        GetRandomDrawVerifyResponse: {
            inspectors: string[];
            /** @description 重新计算的结果与保存的抽取结果一致 */
            matches: boolean;
            poolDigestMatches: boolean;
            populationDigestMatches: boolean;
            selection: string[];
        };
        GetReadyzResponse: {
            blobs: string;
            database: string;
            /** @enum {string} */
            status: "ready";
        };
        GetVerificationQueueResponse: {
            equipment: {
                items: {
                    /** Format: uuid */
                    agencyId: string;
                    agencyName: string;
                    /** @description 具备自动采集功能 */
                    autoCollect: boolean;
                    autoCollectProtocol: string | null;
                    /** @description valid 有效 · expiring 即将到期 · not_in_force 不在有效期内 · none 未登记 */
                    calibrationState: "valid" | "expiring" | "not_in_force" | "none";
                    calibrationValidUntil: string | null;
                    /** @description 检定/校准将在预警天数内到期 */
                    calibrationWarning: boolean;
                    /** Format: date-time */
                    createdAt: string;
                    currentKeyFingerprint: string | null;
                    decidedAt: string | null;
                    decidedByName: string | null;
                    decisionReason: string | null;
                    /** @description 设备类型，如 回弹仪 */
                    equipmentType: string;
                    /** Format: uuid */
                    id: string;
                    maker: string;
                    model: string;
                    rowVersion: number;
                    /** @description 出厂编号（本机构内唯一） */
                    serialNumber: string;
                    /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                    status: "pending" | "verified" | "rejected";
                    /** Format: date-time */
                    submittedAt: string;
                    /** @description 已核验且检定/校准有效，可用于检测批次 */
                    usable: boolean;
                }[];
                total: number;
            };
            filings: {
                items: {
                    /** Format: uuid */
                    agencyId: string;
                    agencyName: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD，北京时间日历日（含当日）
                     */
                    date: string;
                    decidedAt: string | null;
                    decidedByName: string | null;
                    decisionReason: string | null;
                    documentId: string | null;
                    /** Format: uuid */
                    id: string;
                    /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
                    inForce: boolean;
                    /** @description 入吉备案编号 */
                    number: string;
                    /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                    status: "pending" | "verified" | "rejected";
                    /** Format: date-time */
                    submittedAt: string;
                    supersededAt: string | null;
                    supersededBy: string | null;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD，北京时间日历日（含当日）
                     */
                    validFrom: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD，北京时间日历日（含当日）
                     */
                    validTo: string;
                    /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
                    version: number;
                }[];
                total: number;
            };
            qualifications: {
                items: {
                    /** Format: uuid */
                    agencyId: string;
                    agencyName: string;
                    certificateNumber: string;
                    decidedAt: string | null;
                    decidedByName: string | null;
                    decisionReason: string | null;
                    documentId: string | null;
                    /** @description comprehensive 综合资质 · specialised 专项资质 */
                    grade: "comprehensive" | "specialised";
                    /** Format: uuid */
                    id: string;
                    /** @description 已核验、未被替换且在有效期内 */
                    inForce: boolean;
                    issuer: string;
                    replacesId: string | null;
                    specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
                    /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                    status: "pending" | "verified" | "rejected";
                    /** Format: date-time */
                    submittedAt: string;
                    supersededAt: string | null;
                    supersededBy: string | null;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD，北京时间日历日（含当日）
                     */
                    validFrom: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD，北京时间日历日（含当日）
                     */
                    validTo: string;
                }[];
                total: number;
            };
        };
        GetWitnessHistoryResponse: {
            items: components["schemas"]["WitnessRegistration"][];
        };
        Image: {
            analysedAt: string | null;
            /** Format: uuid */
            batchId: string;
            /** @description 签名采集：verified 为手机或采集程序在现场以登记密钥签名、平台验证通过 */
            capture: {
                algorithm: ("Ed25519" | "ES256") | null;
                appVersion: string | null;
                code: string | null;
                keyId: string | null;
                positionAccuracy: number | null;
                /**
                 * @description verified 签名采集已验证 · unsigned 未经签名采集
                 * @enum {unknown}
                 */
                status: "verified" | "unsigned";
            };
            /** @enum {unknown} */
            channel: "direct" | "resumable";
            contentType: string;
            /** @description 客户端申报的拍摄时间、位置、检测人员、设备、构件和对应原始记录 */
            declared: {
                /** Format: date-time */
                capturedAt: string;
                componentId: string | null;
                componentIdDisplay: string | null;
                equipmentId: string | null;
                location: {
                    lat: number;
                    lng: number;
                };
                recordKeys: string[];
                testerPersonId: string | null;
            };
            exif: {
                latitude: number | null;
                longitude: number | null;
                make: string | null;
                model: string | null;
                offset: string | null;
                software: string | null;
                takenAt: string | null;
                takenAtLocal: string | null;
            } | null;
            /** @description 一致性核查发现的异常（供住建部门核查，影像照常接收） */
            flags: {
                details: {
                    [key: string]: unknown;
                };
                /** Format: date-time */
                detectedAt: string;
                kind: string;
                label: string;
                /** @enum {unknown} */
                status: "open" | "acknowledged";
            }[];
            format: string;
            height: number;
            /** Format: uuid */
            id: string;
            /**
             * @description process 过程影像 · witness_checkin 见证签到照片
             * @enum {unknown}
             */
            kind: "process" | "witness_checkin";
            perceptualHash: string | null;
            previewNote: string | null;
            /** @description 原图内容的 SHA-256（小写十六进制） */
            sha256: string;
            signatureKeyId: string | null;
            /** @description 是否带有经设备密钥验证的签名 */
            signed: boolean;
            size: number;
            /**
             * @description processing 已接收、EXIF/缩略图/查重处理中 · done 已处理 · failed 处理失败
             * @enum {unknown}
             */
            status: "processing" | "done" | "failed";
            /** @description 补传（批次锁定期间或锁定后上传） */
            supplementary: boolean;
            thumbnail: {
                height: number;
                width: number;
            } | null;
            /** Format: date-time */
            uploadedAt: string;
            uploadedBy: {
                id: string;
                name: string;
                /** @enum {unknown} */
                type: "user" | "machine";
            };
            width: number;
        };
        ImageReuseEvidence: {
            /** Format: date-time */
            detectedAt: string;
            hammingDistance: number | null;
            imageHash: string | null;
            imageRegion: string | null;
            /**
             * @description identical 文件完全相同 · similar 感知哈希相近
             * @enum {unknown}
             */
            match: "identical" | "similar";
            /** Format: uuid */
            matchId: string;
            maxDistance: number;
            originalHash: string | null;
            originalRegion: string | null;
            other: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /** Format: uuid */
                batchId: string;
                batchNumber: string;
                /** Format: date-time */
                capturedAt: string;
                /** Format: uuid */
                imageId: string;
                /** Format: uuid */
                projectId: string;
                projectName: string;
                thumbnail: {
                    height: number;
                    width: number;
                } | null;
                /** Format: date-time */
                uploadedAt: string;
            } | null;
            /**
             * @description same_batch 同一批次 · same_agency 本机构其他批次 · other_agency 其他机构
             * @enum {unknown}
             */
            otherIn: "same_batch" | "same_agency" | "other_agency";
            /**
             * @description original 本影像疑似重复使用了这张更早的影像 · copy 这张更晚的影像疑似重复使用了本影像
             * @enum {unknown}
             */
            role: "original" | "copy";
            /** @description 两张影像之间的变换：none、mirror（左右镜像）、flip（上下翻转）、rotate90/180/270（顺时针旋转）、transpose、transverse */
            transform: string;
        };
        ImageUpload: {
            /** Format: uuid */
            batchId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            imageId: string | null;
            length: number;
            location: string;
            offset: number;
            refusal: {
                code: string;
                field?: string;
                message: string;
                status: number;
            } | null;
            /**
             * @description receiving 接收中 · attached 已归入批次 · refused 已拒收 · terminated 已终止
             * @enum {unknown}
             */
            state: "receiving" | "attached" | "refused" | "terminated";
        };
        InspectionFinding: {
            campaignId: string | null;
            drawId: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            itemId: string;
            itemKind: "batch" | "agency";
            note: string;
            /** @description compliant 未发现问题 · problem 发现问题 */
            outcome: "compliant" | "problem";
            outcomeLabel: string;
            /** Format: date-time */
            recordedAt: string;
            recordedByName: string;
            violationId: string | null;
        };
        IntegrityAlarm: {
            actualSha256: string | null;
            /** Format: date-time */
            detectedAt: string;
            /** @enum {unknown} */
            foundBy: "download" | "scrub" | "audit";
            /** Format: uuid */
            id: string;
            /** @enum {unknown} */
            kind: "blob_hash_mismatch" | "blob_missing";
            objects: {
                id: string;
                leafIndex: number | null;
                type: string;
            }[];
            sha256: string;
        };
        InterviewEnforcementCaseRequest: {
            attendees: string;
            /** Format: date-time */
            heldAt: string;
            intent?: ("unintentional" | "intentional") | null;
            minutes: string;
            /** @description 案件版本（并发保护；可省略） */
            rowVersion?: number;
        };
        IssueEnforcementCaseReportRequest: {
            documentIds?: string[];
            text: string;
        };
        LeavePersonnelRequest: {
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            date: string;
            reason?: string;
        };
        LeavePersonnelResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificates: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                inForce: boolean;
                /**
                 * @description post 上岗证 · professional 职业资格证书
                 * @enum {unknown}
                 */
                kind: "post" | "professional";
                /**
                 * @description 专项代码（2023 资质标准的九个专项）
                 * @enum {unknown}
                 */
                specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description 持有效证书的专项 */
            certifiedSpecialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            joinedOn: string;
            leftOn: string | null;
            name: string;
            /** @description 脱敏身份证号；完整号码仅可经审计的 reveal-id 查看 */
            residentIdMasked: string;
            roles: ("tester" | "reviewer" | "signatory" | "upload_owner" | "technical_lead")[];
            rowVersion: number;
            /** @description active 在职 · left 已离职 */
            status: "active" | "left";
            userId: string | null;
            username: string | null;
        };
        LedgerCheckpoint: {
            /** @description the C2SP signed note, as served at /ledger/checkpoint */
            note: string;
            publishedAt: string | null;
            /** @description base64 of the RFC 9162 root hash */
            rootHash: string;
            size: number;
        };
        LedgerConsistency: {
            checkpoint: components["schemas"]["LedgerCheckpoint"];
            fromRootHash: string | null;
            fromSize: number;
            proof: string[];
            toRootHash: string;
            toSize: number;
        };
        LedgerCosignatures: {
            cosignatures: {
                /** Format: date-time */
                cosignedAt: string;
                keyId: string;
                name: string;
                /** Format: date-time */
                receivedAt: string;
            }[];
            /** @description the checkpoint with the cosignature lines appended */
            note: string;
            size: number;
        };
        LedgerEntryProof: {
            checkpoint: components["schemas"]["LedgerCheckpoint"] | null;
            contentSha256: string;
            /** @description the leaf: RFC 8785 JSON */
            entry: string;
            entryId: number;
            inclusionProof: string[] | null;
            leafHash: string;
            leafIndex: number | null;
            objectId: string;
            objectType: string;
            treeSize: number | null;
        };
        LedgerPublicKey: {
            /** @enum {string} */
            algorithm: "Ed25519";
            keyId: string;
            /** @description checkpoint origin and key name */
            origin: string;
            /** @description raw Ed25519 public key, base64 */
            publicKey: string;
            /** @description C2SP signed-note verifier key <name>+<key ID hex>+<base64(0x01 ‖ key)> */
            vkey: string;
        };
        ListAgencyFilingsResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            date: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
            inForce: boolean;
            /** @description 入吉备案编号 */
            number: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
            /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
            version: number;
        }[];
        ListAgencyQualificationsResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificateNumber: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** @description comprehensive 综合资质 · specialised 专项资质 */
            grade: "comprehensive" | "specialised";
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被替换且在有效期内 */
            inForce: boolean;
            issuer: string;
            replacesId: string | null;
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        }[];
        ListAnomaliesResponse: {
            items: components["schemas"]["AnomalyListItem"][];
            total: number;
        };
        ListAuditResponse: {
            items: components["schemas"]["AuditRecord"][];
            total: number;
        };
        ListAuthOptionsResponse: {
            /** @description 管理员和住建部门监管人员必须使用两步验证（生产环境默认开启） */
            secondFactorRequired: boolean;
        };
        ListBatchCheckinsResponse: components["schemas"]["WitnessCheckin"][];
        ListBatchesResponse: {
            items: components["schemas"]["BatchSummary"][];
            total: number;
        };
        ListBatchesWitnessOptionsResponse: {
            /** Format: uuid */
            id: string;
            name: string;
        }[];
        ListBatchEventsResponse: components["schemas"]["BatchEvent"][];
        ListBatchImagesResponse: {
            items: components["schemas"]["Image"][];
            total: number;
        };
        ListBatchManualEntryExceptionsResponse: components["schemas"]["ManualEntryException"][];
        ListBatchRecordsResponse: components["schemas"]["RawRecord"][];
        ListCaptureKeysResponse: {
            items: components["schemas"]["CaptureKey"][];
        };
        ListCatalogueVersionsResponse: {
            /** @description 发布人 */
            authorName: string;
            /** @description 文档 SHA-256（键排序后的 JSON） */
            checksum: string;
            /** Format: date-time */
            createdAt: string;
            /** @description 检测项目数 */
            itemCount: number;
            /** @description 修改说明 */
            note: string;
            /** @description 版本号 */
            version: number;
        }[];
        ListCommissionsAgencyOptionsResponse: {
            items: {
                /** @description 是否已完成平台对接 */
                connected: boolean;
                /** Format: uuid */
                id: string;
                name: string;
                /** @description 当前有效资质覆盖的专项 */
                qualifiedSpecialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
                regionCode: string;
                regionName: string;
                /** @description 是否被限制市场准入 */
                restricted: boolean;
                uscc: string | null;
            }[];
            total: number;
        };
        ListCommissionsResponse: {
            items: {
                agency: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                constructionUnit: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                /** @description 委托合同编号 */
                contractNumber: string | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                note: string | null;
                project: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                projectRegionCode: string;
                specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
                /** @description active 有效 · terminated 已终止 */
                status: "active" | "terminated";
                terminatedAt: string | null;
                terminationReason: string | null;
            }[];
            total: number;
        };
        ListCreditOrganisationsResponse: {
            items: {
                breakdown: {
                    base: number;
                    bonus: number;
                    deductions: number;
                };
                countedViolations: number;
                dishonest: boolean;
                downgraded: boolean;
                exemptViolations: number;
                /**
                 * @description A 优良 · B 合格 · C 警示 · D 不合格
                 * @enum {unknown}
                 */
                level: "A" | "B" | "C" | "D";
                organisation: {
                    id: string;
                    name: string;
                    regionCode: string;
                    regionName: string;
                    /** @enum {unknown} */
                    type: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
                    typeLabel: string;
                };
                penalties: number;
                pendingViolations: number;
                restriction: {
                    id: string;
                    reason: string;
                    restrictedUntil: string | null;
                } | null;
                score: number;
                violations: number;
                year: number;
            }[];
        };
        ListCreditPersonsResponse: {
            items: {
                countedViolations: number;
                /** @enum {unknown} */
                level: "A" | "B" | "C" | "D";
                organisation: {
                    id: string;
                    name: string;
                };
                personName: string;
                personRef: string;
                score: number;
                violations: number;
                year: number;
            }[];
        };
        ListCreditRestrictionsResponse: {
            items: {
                caseReference: string | null;
                id: string;
                inForce: boolean;
                liftedAt: string | null;
                organisation: {
                    id: string;
                    name: string;
                    /** @enum {unknown} */
                    type: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
                };
                reason: string;
                /** Format: date-time */
                restrictedFrom: string;
                restrictedUntil: string | null;
            }[];
        };
        ListDailyChecksResponse: {
            days: number;
            from: string;
            region: {
                code: string;
                level: "province" | "city" | "county";
                name: string;
            };
            rows: {
                /** @description 当日新增异常 */
                anomaliesOpened: number;
                complianceRate: number | null;
                /** @description 按时封存 */
                compliant: number;
                /** @description 范围内有核查数据的天数 */
                daysCovered: number;
                /** @description 应传批次（截止时间在当日） */
                due: number;
                /** @description 迟传（截止已过未按时封存） */
                late: number;
                level: string;
                /** @description 漏传（开启 24 小时未申报完成） */
                missing: number;
                /** @description 待封存（截止未到，仅限当日临时数据） */
                pending: number;
                /** @description 含当日临时数据 */
                provisional: boolean;
                regionCode: string;
                regionName: string;
                /** @description 当日办结靠前服务请求 */
                serviceRequestsClosed: number;
                /** @description 当日新增靠前服务请求 */
                serviceRequestsOpened: number;
                /** @description 不可抗力报备暂停计时 */
                suspended: number;
            }[];
            to: string;
        };
        ListDeskAnomaliesResponse: {
            /** @description 其中阻止出具报告的 */
            blockingOpen: number;
            items: {
                acknowledgedAt: string | null;
                acknowledgedBy: string | null;
                acknowledgeNote: string | null;
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /** Format: uuid */
                batchId: string;
                batchNumber: string;
                batchStatus: string;
                /** @description 未核查时是否阻止出具检测报告 */
                blocking: boolean;
                decidedByName: string | null;
                decision: ("dismissed" | "confirmed") | null;
                details: {
                    [key: string]: unknown;
                };
                /** Format: date-time */
                detectedAt: string;
                /** Format: uuid */
                id: string;
                /**
                 * @description 异常类型（稳定代码）
                 * @enum {unknown}
                 */
                kind: "completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing";
                kindLabel: string;
                /** @description 疑似原图（重复/翻拍影像） */
                originalImageId: string | null;
                /** Format: uuid */
                projectId: string;
                projectName: string;
                /** @enum {unknown} */
                proposedViolationType: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
                regionCode: string;
                /**
                 * @description critical 严重 · major 较重 · minor 一般（策略模块规定）
                 * @enum {unknown}
                 */
                severity: "critical" | "major" | "minor";
                /** @description open 待核查 · acknowledged 已核查 */
                status: "open" | "acknowledged";
                subjectId: string | null;
                /** @description batch · record · image · checkin · attestation · seal */
                subjectType: string;
                violationId: string | null;
                violationTypeLabel: string;
            }[];
            /** @description 辖区内待核查异常数 */
            open: number;
            total: number;
        };
        ListEnforcementCasesResponse: {
            items: components["schemas"]["EnforcementCase"][];
            total: number;
        };
        ListEquipmentCalibrationsResponse: {
            certificateNumber: string;
            /** Format: date-time */
            createdAt: string;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            /** @description 当前是否在有效期内 */
            inForce: boolean;
            /** @description 检定/校准机构 */
            issuingBody: string;
            /** @description verification 检定 · calibration 校准 */
            kind: "verification" | "calibration";
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        }[];
        ListEquipmentKeysResponse: {
            /** Format: date-time */
            createdAt: string;
            /** @description 公钥 SHA-256 指纹（十六进制） */
            fingerprint: string;
            /** Format: uuid */
            id: string;
            /** @description Ed25519 公钥（32 字节原始值的 base64） */
            publicKey: string;
            /** Format: date-time */
            validFrom: string;
            validTo: string | null;
        }[];
        ListEquipmentResponse: {
            items: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /** @description 具备自动采集功能 */
                autoCollect: boolean;
                autoCollectProtocol: string | null;
                /** @description valid 有效 · expiring 即将到期 · not_in_force 不在有效期内 · none 未登记 */
                calibrationState: "valid" | "expiring" | "not_in_force" | "none";
                calibrationValidUntil: string | null;
                /** @description 检定/校准将在预警天数内到期 */
                calibrationWarning: boolean;
                /** Format: date-time */
                createdAt: string;
                currentKeyFingerprint: string | null;
                decidedAt: string | null;
                decidedByName: string | null;
                decisionReason: string | null;
                /** @description 设备类型，如 回弹仪 */
                equipmentType: string;
                /** Format: uuid */
                id: string;
                maker: string;
                model: string;
                rowVersion: number;
                /** @description 出厂编号（本机构内唯一） */
                serialNumber: string;
                /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                status: "pending" | "verified" | "rejected";
                /** Format: date-time */
                submittedAt: string;
                /** @description 已核验且检定/校准有效，可用于检测批次 */
                usable: boolean;
            }[];
            total: number;
        };
        ListForceMajeureFilingsResponse: {
            items: components["schemas"]["ForceMajeureFiling"][];
            total: number;
        };
        ListFraudReportsResponse: {
            items: components["schemas"]["FraudReport"][];
            total: number;
        };
        ListLedgerIntegrityAlarmsResponse: components["schemas"]["IntegrityAlarm"][];
        ListMachineCredentialsResponse: {
            items: components["schemas"]["MachineCredential"][];
        };
        ListNotificationsResponse: {
            items: components["schemas"]["Notification"][];
            total: number;
            /** @description 未读总数 */
            unread: number;
        };
        ListOrganisationsResponse: {
            items: components["schemas"]["Organisation"][];
            total: number;
        };
        ListPersonnelCertificatesResponse: {
            certificateNumber: string;
            /** Format: date-time */
            createdAt: string;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            inForce: boolean;
            /**
             * @description post 上岗证 · professional 职业资格证书
             * @enum {unknown}
             */
            kind: "post" | "professional";
            /**
             * @description 专项代码（2023 资质标准的九个专项）
             * @enum {unknown}
             */
            specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        }[];
        ListPersonnelResponse: {
            items: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /** @description 持有效证书的专项 */
                certifiedSpecialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                joinedOn: string;
                leftOn: string | null;
                name: string;
                /** @description 脱敏身份证号；完整号码仅可经审计的 reveal-id 查看 */
                residentIdMasked: string;
                roles: ("tester" | "reviewer" | "signatory" | "upload_owner" | "technical_lead")[];
                rowVersion: number;
                /** @description active 在职 · left 已离职 */
                status: "active" | "left";
                userId: string | null;
                username: string | null;
            }[];
            total: number;
        };
        ListProjectComponentsResponse: {
            items: {
                /** @description 楼栋（单体） */
                building: string;
                /** @description 构件唯一标识（标签上印的编号，QC 开头 13 位） */
                code: string;
                /** @description 构件类型（如 柱、梁、板、桩、焊缝、外墙保温） */
                componentType: string;
                /** Format: date-time */
                createdAt: string;
                /** @description 楼层；道路、桥梁等无楼层时为空 */
                floor: string | null;
                /** Format: uuid */
                id: string;
                note: string | null;
                /** @description 轴线或部位（如 A-3轴、K0+120~K0+180 左幅） */
                position: string;
                /** Format: uuid */
                projectId: string;
            }[];
            total: number;
        };
        ListProjectsParticipantOptionsResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            regionName: string;
            uscc: string | null;
        }[];
        ListProjectsResponse: {
            items: {
                address: string;
                constructionUnit: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                contractor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                /** Format: date-time */
                createdAt: string;
                /** @description 属地住建部门所在区划（县级无住建部门的由市级管辖） */
                departmentRegionCode: string;
                /** Format: uuid */
                id: string;
                /** @description 项目定位点 */
                location: {
                    /** @description 纬度（WGS-84） */
                    lat: number;
                    /** @description 经度（WGS-84） */
                    lng: number;
                };
                name: string;
                /** @description 施工许可证号 */
                permitNumber: string;
                /** @description 项目所在县级行政区 */
                regionCode: string;
                regionName: string;
                /** @description 乐观锁版本号：修改时原样带回 */
                rowVersion: number;
                /** @description 施工现场范围（用于影像位置核验）：多边形，或圆心加半径 */
                site: {
                    /** @description 闭合边界：首尾两点相同，至少 4 个点 */
                    ring: [
                        number,
                        number
                    ][];
                    /** @enum {string} */
                    type: "polygon";
                } | {
                    /** @description [经度, 纬度]，WGS-84 */
                    center: [
                        number,
                        number
                    ];
                    /** @description 半径（米） */
                    radiusMetres: number;
                    /** @enum {string} */
                    type: "circle";
                };
                supervisionUnit: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                /** Format: date-time */
                updatedAt: string;
            }[];
            total: number;
        };
        ListRandomDrawsInspectorCandidatesResponse: {
            departmentName: string;
            /** Format: uuid */
            id: string;
            name: string;
            regionCode: string;
        }[];
        ListRandomDrawsResponse: {
            items: components["schemas"]["RandomDrawSummary"][];
            total: number;
        };
        ListRegionsResponse: {
            items: components["schemas"]["Region"][];
        };
        ListReportsResponse: {
            items: components["schemas"]["ReportSummary"][];
            total: number;
        };
        ListServiceRequestsResponse: {
            items: components["schemas"]["ServiceRequest"][];
            total: number;
        };
        ListSpecialCampaignsAnomalyKindsResponse: {
            code: string;
            label: string;
        }[];
        ListSpecialCampaignsResponse: {
            items: components["schemas"]["SpecialCampaignSummary"][];
            total: number;
        };
        ListSupplementaryUploadsResponse: {
            /** Format: uuid */
            agencyId: string;
            /** @description 有补传的批次数（补传次数） */
            batches: number;
            /** @description 补传的原始记录版本和过程影像数 */
            uploads: number;
            year: number;
        };
        ListUsersResponse: {
            items: components["schemas"]["User"][];
            total: number;
        };
        ListViolationsResponse: {
            items: components["schemas"]["Violation"][];
            total: number;
        };
        ListWitnessesResponse: {
            items: components["schemas"]["Witness"][];
            total: number;
        };
        LoginRequest: {
            /** @description 两步验证码或恢复码 */
            code?: string;
            password: string;
            username: string;
        };
        LoginResponse: {
            user: components["schemas"]["Me"];
        };
        MachineCredential: {
            /** Format: date-time */
            createdAt: string;
            createdByName: string;
            id: string;
            keyId: string;
            lastUsedAt: string | null;
            name: string;
            organisationId: string;
            revokedAt: string | null;
        };
        ManualEntryException: {
            /** Format: uuid */
            batchId: string;
            department: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** Format: date-time */
            grantedAt: string;
            grantedByName: string;
            /** Format: uuid */
            id: string;
            itemCode: string;
            reason: string;
        };
        Me: {
            assignableRoles: ("platform_admin" | "dept_officer" | "agency_admin" | "upload_owner" | "tester" | "reviewer" | "signatory" | "witness" | "construction_user" | "contractor_user")[];
            displayName: string;
            id: string;
            jurisdiction: {
                code: string;
                /** @enum {unknown} */
                level: "province" | "city" | "county";
                name: string;
            } | null;
            mustChangePassword: boolean;
            organisation: {
                id: string;
                name: string;
                regionCode: string;
                /** @enum {unknown} */
                type: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
            } | null;
            roles: ("platform_admin" | "dept_officer" | "agency_admin" | "upload_owner" | "tester" | "reviewer" | "signatory" | "witness" | "construction_user" | "contractor_user")[];
            secondFactor: {
                /** @description 已绑定两步验证 */
                enrolled: boolean;
                /** @description 本次登录须先绑定两步验证，其他功能暂不可用 */
                enrollmentPending: boolean;
                /** @description 本人角色按平台配置必须使用两步验证 */
                required: boolean;
            };
            username: string;
        };
        Notification: {
            batchId: string | null;
            body: string;
            /** Format: date-time */
            createdAt: string;
            filingId: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description deadline_approaching 上传时限临近 · batch_locked 批次已锁定 · batch_unlocked 批次已解锁 · force_majeure_filed 不可抗力报备待审核 · force_majeure_decided 不可抗力报备已审核 · batch_possibly_missing 疑似漏传
             * @enum {unknown}
             */
            kind: "deadline_approaching" | "batch_locked" | "batch_unlocked" | "force_majeure_filed" | "force_majeure_decided" | "batch_possibly_missing";
            kindLabel: string;
            readAt: string | null;
            title: string;
        };
        Organisation: {
            contactName: string | null;
            contactPhone: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            regionCode: string;
            regionName: string;
            /** @description 乐观锁版本号：修改时原样带回 */
            rowVersion: number;
            status: "active" | "disabled";
            /**
             * @description agency 检测机构 · construction_unit 建设单位 · supervision_unit 监理单位 · contractor 施工单位 · department 住建部门
             * @enum {unknown}
             */
            type: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
            /** @description 统一社会信用代码 */
            uscc: string | null;
        };
        PenaliseEnforcementCaseRequest: {
            content: string;
            decisionNumber: string;
            /** @description 是否认定失信 */
            dishonest: boolean;
            /** @description 案件版本（并发保护；可省略） */
            rowVersion?: number;
        };
        PublicCapture: {
            agencyName: string;
            /**
             * @description Ed25519，或 ES256（ECDSA P-256 + SHA-256，签名为 IEEE P1363 r‖s）
             * @enum {unknown}
             */
            algorithm: "Ed25519" | "ES256";
            batchNumber: string;
            /** Format: date-time */
            capturedAt: string;
            code: string;
            /** @enum {unknown} */
            kind: "process" | "witness_checkin";
            location: {
                accuracy: number;
                lat: number;
                lng: number;
            };
            /** Format: date-time */
            receivedAt: string;
            sha256: string;
            /** Format: date-time */
            verifiedAt: string;
        };
        PutAgencyProfileRequest: {
            /** @description local 本省注册 · out_of_province 外省入吉 */
            origin: "local" | "out_of_province";
            rowVersion: number;
        };
        PutAgencyProfileResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            filing: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                date: string;
                decidedAt: string | null;
                decidedByName: string | null;
                decisionReason: string | null;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
                inForce: boolean;
                /** @description 入吉备案编号 */
                number: string;
                /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                status: "pending" | "verified" | "rejected";
                /** Format: date-time */
                submittedAt: string;
                supersededAt: string | null;
                supersededBy: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
                /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
                version: number;
            } | null;
            origin: ("local" | "out_of_province") | null;
            /** @description 乐观锁版本号；尚未保存过时为 0，首次保存时带 0 */
            rowVersion: number;
            updatedAt: string | null;
            verifiedFiling: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                date: string;
                decidedAt: string | null;
                decidedByName: string | null;
                decisionReason: string | null;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
                inForce: boolean;
                /** @description 入吉备案编号 */
                number: string;
                /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                status: "pending" | "verified" | "rejected";
                /** Format: date-time */
                submittedAt: string;
                supersededAt: string | null;
                supersededBy: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
                /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
                version: number;
            } | null;
        };
        PutCalendarYearRequest: {
            holidays: string[];
            makeupWorkdays: string[];
            /** @description 国务院办公厅通知文号或网址 */
            source: string;
        };
        PutUserRolesRequest: {
            roles: ("platform_admin" | "dept_officer" | "agency_admin" | "upload_owner" | "tester" | "reviewer" | "signatory" | "witness" | "construction_user" | "contractor_user")[];
        };
        RandomDraw: {
            department: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            drawnAt: string | null;
            findings: components["schemas"]["InspectionFinding"][];
            /** Format: uuid */
            id: string;
            inspectorCount: number;
            inspectorPool: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            inspectors: {
                /** Format: uuid */
                id: string;
                name: string;
            }[] | null;
            /** @description batches 抽批次 · agencies 抽机构 */
            kind: "batches" | "agencies";
            periodFrom: string;
            periodTo: string;
            /** @description 检查人员名单的 SHA-256 */
            poolDigest: string;
            /** @description 抽查总体（排序后的 ID，换行分隔）的 SHA-256 */
            populationDigest: string;
            populationSize: number;
            /** Format: date-time */
            publishedAt: string;
            publishedByName: string;
            regionCode: string;
            regionName: string;
            sampleSize: number;
            /** @description 发布时由平台生成并公示的随机种子 */
            seed: string;
            selection: {
                agencyName: string;
                /** Format: uuid */
                id: string;
                kind: "batch" | "agency";
                label: string;
                projectName: string | null;
                regionCode: string;
            }[] | null;
            specialty: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground") | null;
            specialtyName: string | null;
            /** @description published 已公示种子 · drawn 已抽取 */
            status: "published" | "drawn";
            title: string;
        };
        RandomDrawSummary: {
            department: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            drawnAt: string | null;
            /** Format: uuid */
            id: string;
            inspectorCount: number;
            /** @description batches 抽批次 · agencies 抽机构 */
            kind: "batches" | "agencies";
            periodFrom: string;
            periodTo: string;
            /** @description 检查人员名单的 SHA-256 */
            poolDigest: string;
            /** @description 抽查总体（排序后的 ID，换行分隔）的 SHA-256 */
            populationDigest: string;
            populationSize: number;
            /** Format: date-time */
            publishedAt: string;
            publishedByName: string;
            regionCode: string;
            regionName: string;
            sampleSize: number;
            /** @description 发布时由平台生成并公示的随机种子 */
            seed: string;
            specialty: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground") | null;
            specialtyName: string | null;
            /** @description published 已公示种子 · drawn 已抽取 */
            status: "published" | "drawn";
            title: string;
        };
        RawRecord: {
            /** Format: uuid */
            batchId: string;
            /** Format: date-time */
            capturedAt: string;
            componentId: string;
            /** @description 内容摘要（封存清单中声明） */
            contentSha256: string;
            correctionReason: string | null;
            /** Format: uuid */
            equipmentId: string;
            /** @description 本版本记录的异常类型 */
            flags: ("completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing")[];
            /** Format: uuid */
            id: string;
            itemCode: string;
            /** @description 是否为该记录的最新版本 */
            latest: boolean;
            /** @description 人工录入（标记） */
            manual: boolean;
            manualExceptionId: string | null;
            /** Format: date-time */
            receivedAt: string;
            recordKey: string;
            signature: {
                /** @enum {string} */
                alg: "Ed25519";
                /** Format: uuid */
                keyId: string;
                /** @description 设备签名的规范化 JSON 原文 */
                signedPayload: string;
                value: string;
            } | null;
            /**
             * @description auto 设备自动采集（须带设备签名） · manual 人工录入（仅在允许时）
             * @enum {unknown}
             */
            source: "auto" | "manual";
            submittedBy: {
                name: string | null;
                type: string;
            };
            /** @description 补传（批次锁定期间或解锁后上传） */
            supplementary: boolean;
            /** Format: uuid */
            testerPersonId: string;
            values: {
                [key: string]: unknown;
            };
            version: number;
        };
        ReadAllNotificationsResponse: {
            updated: number;
        };
        RecomputeDailyChecksRequest: {
            /**
             * Format: date
             * @description 北京时间日期 YYYY-MM-DD
             */
            day?: string;
            reason?: string | null;
        };
        RecomputeDailyChecksResponse: {
            day: string;
            final: boolean;
            skipped: boolean;
            unchanged: number;
            written: number;
        };
        RecordFraudReportViolationRequest: {
            intentional?: boolean | null;
            note: string;
            /** Format: date-time */
            occurredAt: string;
            /** Format: uuid */
            organisationId: string;
            personRef?: string | null;
            /** @enum {unknown} */
            type: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
        };
        RecordInspectionFindingViolationRequest: {
            intentional?: boolean | null;
            /**
             * @description 违规类型
             * @enum {unknown}
             */
            type: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
        };
        RecordInspectionFindingViolationResponse: {
            finding: components["schemas"]["InspectionFinding"];
            /** Format: uuid */
            violationId: string;
        };
        Region: {
            /** @description GB/T 2260 代码（长白山等平台自定义代码见文档） */
            code: string;
            /** @description 是否为 GB/T 2260 正式代码 */
            gb2260: boolean;
            /** @description 是否设有本级住建部门 */
            hasDepartment: boolean;
            level: "province" | "city" | "county";
            name: string;
            parentCode: string | null;
        };
        RejectEquipmentRequest: {
            reason: string;
        };
        RejectEquipmentResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** @description 具备自动采集功能 */
            autoCollect: boolean;
            autoCollectProtocol: string | null;
            calibrations: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 当前是否在有效期内 */
                inForce: boolean;
                /** @description 检定/校准机构 */
                issuingBody: string;
                /** @description verification 检定 · calibration 校准 */
                kind: "verification" | "calibration";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description valid 有效 · expiring 即将到期 · not_in_force 不在有效期内 · none 未登记 */
            calibrationState: "valid" | "expiring" | "not_in_force" | "none";
            calibrationValidUntil: string | null;
            /** @description 检定/校准将在预警天数内到期 */
            calibrationWarning: boolean;
            /** Format: date-time */
            createdAt: string;
            currentKeyFingerprint: string | null;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            /** @description 设备类型，如 回弹仪 */
            equipmentType: string;
            /** Format: uuid */
            id: string;
            keys: {
                /** Format: date-time */
                createdAt: string;
                /** @description 公钥 SHA-256 指纹（十六进制） */
                fingerprint: string;
                /** Format: uuid */
                id: string;
                /** @description Ed25519 公钥（32 字节原始值的 base64） */
                publicKey: string;
                /** Format: date-time */
                validFrom: string;
                validTo: string | null;
            }[];
            maker: string;
            model: string;
            rowVersion: number;
            /** @description 出厂编号（本机构内唯一） */
            serialNumber: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @description 已核验且检定/校准有效，可用于检测批次 */
            usable: boolean;
        };
        RejectFilingRequest: {
            reason: string;
        };
        RejectFilingResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            date: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被新版本替换且在有效期内（计入对接状态） */
            inForce: boolean;
            /** @description 入吉备案编号 */
            number: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
            /** @description 本机构第几次提交入吉备案（变更即新版本，旧版本不被改写） */
            version: number;
        };
        RejectQualificationRequest: {
            reason: string;
        };
        RejectQualificationResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificateNumber: string;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            documentId: string | null;
            /** @description comprehensive 综合资质 · specialised 专项资质 */
            grade: "comprehensive" | "specialised";
            /** Format: uuid */
            id: string;
            /** @description 已核验、未被替换且在有效期内 */
            inForce: boolean;
            issuer: string;
            replacesId: string | null;
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            supersededAt: string | null;
            supersededBy: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validFrom: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            validTo: string;
        };
        RemoveSecondFactorRequest: {
            code: string;
        };
        ReportDetail: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            batch: {
                batchNumber: string;
                /** Format: uuid */
                id: string;
            };
            /** @description 验证码（8 位），与报告编号一起用于公开核验 */
            checkCode: string;
            /** @description 报告内容（PDF 所载数据；contentSha256 为其 RFC 8785 规范形式的 SHA-256） */
            content: {
                [key: string]: unknown;
            };
            contentSha256: string;
            /** Format: date-time */
            generatedAt: string;
            /** Format: uuid */
            id: string;
            pdfSha256: string;
            pdfSize: number;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            regionCode: string;
            /**
             * Format: date
             * @description 报告日期（北京时间）
             */
            reportDate: string;
            /** @description 报告编号：机构组织机构代码-年度-六位序号，每机构每年连续 */
            reportNumber: string;
            revokedAt: string | null;
            revokedByName: string | null;
            revokeReason: string | null;
            signatory: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            specialtyName: string;
            /**
             * @description valid 有效 · superseded 已被更正报告替代 · revoked 已撤销
             * @enum {unknown}
             */
            status: "valid" | "superseded" | "revoked";
            statusLabel: string;
            summary: {
                fail: number;
                pass: number;
                records: number;
                /** @description 原始记录不含评定结论，平台不判定 */
                undetermined: number;
            };
            supersededAt: string | null;
            supersededBy: {
                /** Format: uuid */
                id: string;
                reportNumber: string;
            } | null;
            supersedes: {
                /** Format: uuid */
                id: string;
                reason: string;
                reportNumber: string;
            } | null;
            /** @description 公开核验页面路径（二维码内容去掉域名） */
            verifyPath: string;
        };
        ReportSummary: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            batch: {
                batchNumber: string;
                /** Format: uuid */
                id: string;
            };
            /** @description 验证码（8 位），与报告编号一起用于公开核验 */
            checkCode: string;
            contentSha256: string;
            /** Format: date-time */
            generatedAt: string;
            /** Format: uuid */
            id: string;
            pdfSha256: string;
            pdfSize: number;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            regionCode: string;
            /**
             * Format: date
             * @description 报告日期（北京时间）
             */
            reportDate: string;
            /** @description 报告编号：机构组织机构代码-年度-六位序号，每机构每年连续 */
            reportNumber: string;
            revokedAt: string | null;
            revokedByName: string | null;
            revokeReason: string | null;
            signatory: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            specialtyName: string;
            /**
             * @description valid 有效 · superseded 已被更正报告替代 · revoked 已撤销
             * @enum {unknown}
             */
            status: "valid" | "superseded" | "revoked";
            statusLabel: string;
            summary: {
                fail: number;
                pass: number;
                records: number;
                /** @description 原始记录不含评定结论，平台不判定 */
                undetermined: number;
            };
            supersededAt: string | null;
            supersededBy: {
                /** Format: uuid */
                id: string;
                reportNumber: string;
            } | null;
            supersedes: {
                /** Format: uuid */
                id: string;
                reason: string;
                reportNumber: string;
            } | null;
            /** @description 公开核验页面路径（二维码内容去掉域名） */
            verifyPath: string;
        };
        ResetUserPasswordRequest: {
            newPassword: string;
        };
        ResetUserSecondFactorRequest: {
            reason: string;
        };
        ResolveComponentResponse: {
            /** @description 楼栋（单体） */
            building: string;
            /** @description 构件唯一标识（标签上印的编号，QC 开头 13 位） */
            code: string;
            /** @description 构件类型（如 柱、梁、板、桩、焊缝、外墙保温） */
            componentType: string;
            /** Format: date-time */
            createdAt: string;
            /** @description 楼层；道路、桥梁等无楼层时为空 */
            floor: string | null;
            /** Format: uuid */
            id: string;
            note: string | null;
            /** @description 轴线或部位（如 A-3轴、K0+120~K0+180 左幅） */
            position: string;
            project: {
                address: string;
                constructionUnit: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                contractor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                /** Format: date-time */
                createdAt: string;
                /** @description 属地住建部门所在区划（县级无住建部门的由市级管辖） */
                departmentRegionCode: string;
                /** Format: uuid */
                id: string;
                /** @description 项目定位点 */
                location: {
                    /** @description 纬度（WGS-84） */
                    lat: number;
                    /** @description 经度（WGS-84） */
                    lng: number;
                };
                name: string;
                /** @description 施工许可证号 */
                permitNumber: string;
                /** @description 项目所在县级行政区 */
                regionCode: string;
                regionName: string;
                /** @description 乐观锁版本号：修改时原样带回 */
                rowVersion: number;
                /** @description 施工现场范围（用于影像位置核验）：多边形，或圆心加半径 */
                site: {
                    /** @description 闭合边界：首尾两点相同，至少 4 个点 */
                    ring: [
                        number,
                        number
                    ][];
                    /** @enum {string} */
                    type: "polygon";
                } | {
                    /** @description [经度, 纬度]，WGS-84 */
                    center: [
                        number,
                        number
                    ];
                    /** @description 半径（米） */
                    radiusMetres: number;
                    /** @enum {string} */
                    type: "circle";
                };
                supervisionUnit: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                /** Format: date-time */
                updatedAt: string;
            };
            /** Format: uuid */
            projectId: string;
        };
        ResubmitEquipmentResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            /** @description 具备自动采集功能 */
            autoCollect: boolean;
            autoCollectProtocol: string | null;
            calibrations: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                /** @description 当前是否在有效期内 */
                inForce: boolean;
                /** @description 检定/校准机构 */
                issuingBody: string;
                /** @description verification 检定 · calibration 校准 */
                kind: "verification" | "calibration";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description valid 有效 · expiring 即将到期 · not_in_force 不在有效期内 · none 未登记 */
            calibrationState: "valid" | "expiring" | "not_in_force" | "none";
            calibrationValidUntil: string | null;
            /** @description 检定/校准将在预警天数内到期 */
            calibrationWarning: boolean;
            /** Format: date-time */
            createdAt: string;
            currentKeyFingerprint: string | null;
            decidedAt: string | null;
            decidedByName: string | null;
            decisionReason: string | null;
            /** @description 设备类型，如 回弹仪 */
            equipmentType: string;
            /** Format: uuid */
            id: string;
            keys: {
                /** Format: date-time */
                createdAt: string;
                /** @description 公钥 SHA-256 指纹（十六进制） */
                fingerprint: string;
                /** Format: uuid */
                id: string;
                /** @description Ed25519 公钥（32 字节原始值的 base64） */
                publicKey: string;
                /** Format: date-time */
                validFrom: string;
                validTo: string | null;
            }[];
            maker: string;
            model: string;
            rowVersion: number;
            /** @description 出厂编号（本机构内唯一） */
            serialNumber: string;
            /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
            status: "pending" | "verified" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @description 已核验且检定/校准有效，可用于检测批次 */
            usable: boolean;
        };
        RevealPersonnelIdResponse: {
            residentId: string;
        };
        ReviewBatchRequest: {
            /** @description approve 通过 · return 退回 */
            decision: "approve" | "return";
            reasons?: string | null;
        };
        RevokeReportRequest: {
            reason: string;
        };
        ScheduleServiceRequestRequest: {
            /** Format: uuid */
            officerId: string;
            /**
             * Format: date
             * @description 北京时间日期 YYYY-MM-DD
             */
            visitDate: string;
        };
        /** @description 封存清单：本批次全部原始记录版本与影像的数量和内容摘要 */
        SealBatchRequest: {
            imageCount: number;
            images: {
                sha256: string;
            }[];
            recordCount: number;
            records: {
                recordKey: string;
                /** @description 该版本的内容摘要（上传应答中的 contentSha256） */
                sha256: string;
                version: number;
            }[];
        };
        ServiceRequest: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            closedAt: string | null;
            closeNote: string | null;
            contactPhone: string | null;
            /** Format: date-time */
            createdAt: string;
            createdByName: string;
            description: string;
            /** Format: uuid */
            id: string;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** @description 受理辖区（项目所在地，未指定项目时为机构所在地） */
            regionCode: string;
            regionName: string;
            scheduledAt: string | null;
            /**
             * @description requested 待安排 · scheduled 已安排走访 · closed 已办结
             * @enum {unknown}
             */
            status: "requested" | "scheduled" | "closed";
            statusLabel: string;
            /**
             * @description equipment_connection 设备对接 · image_capture 影像采集 · other 其他
             * @enum {unknown}
             */
            type: "equipment_connection" | "image_capture" | "other";
            typeLabel: string;
            visitDate: string | null;
            visitOfficer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
        };
        SpecialCampaign: {
            anomalyKind: string | null;
            anomalyKindLabel: string | null;
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            createdByName: string;
            department: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            findings: components["schemas"]["InspectionFinding"][];
            /** Format: uuid */
            id: string;
            inspectedCount: number;
            periodFrom: string;
            periodTo: string;
            problemCount: number;
            regionCode: string;
            regionName: string;
            specialty: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground") | null;
            specialtyName: string | null;
            /** @description open 进行中 · closed 已结束 */
            status: "open" | "closed";
            summary: string | null;
            title: string;
            worklist: {
                agencyName: string;
                /** Format: uuid */
                batchId: string;
                batchNumber: string;
                latestOutcome: ("compliant" | "problem") | null;
                /** Format: date-time */
                openedAt: string;
                position: number;
                projectName: string;
                regionCode: string;
                specialtyName: string;
                status: string;
                statusLabel: string;
            }[];
            worklistSize: number;
        };
        SpecialCampaignSummary: {
            anomalyKind: string | null;
            anomalyKindLabel: string | null;
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            createdByName: string;
            department: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** Format: uuid */
            id: string;
            inspectedCount: number;
            periodFrom: string;
            periodTo: string;
            problemCount: number;
            regionCode: string;
            regionName: string;
            specialty: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground") | null;
            specialtyName: string | null;
            /** @description open 进行中 · closed 已结束 */
            status: "open" | "closed";
            summary: string | null;
            title: string;
            worklistSize: number;
        };
        StartSecondFactorEnrollmentResponse: {
            otpauthUri: string;
            /** @description PNG 二维码（data URL） */
            qrDataUrl: string;
            /** @description 手工输入用的密钥（Base32） */
            secret: string;
        };
        SupersedeReportRequest: {
            reason: string;
        };
        TerminateCommissionRequest: {
            reason: string;
        };
        TerminateCommissionResponse: {
            agency: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            constructionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description 委托合同编号 */
            contractNumber: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            note: string | null;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            projectRegionCode: string;
            specialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** @description active 有效 · terminated 已终止 */
            status: "active" | "terminated";
            terminatedAt: string | null;
            terminationReason: string | null;
        };
        UnlockBatchRequest: {
            reason: string;
        };
        UpdateOrganisationRequest: {
            contactName?: string | null;
            contactPhone?: string | null;
            name?: string;
            rowVersion: number;
        };
        UpdatePersonnelRequest: {
            name?: string;
            roles?: ("tester" | "reviewer" | "signatory" | "upload_owner" | "technical_lead")[];
            rowVersion: number;
            userId?: string | null;
        };
        UpdatePersonnelResponse: {
            /** Format: uuid */
            agencyId: string;
            agencyName: string;
            certificates: {
                certificateNumber: string;
                /** Format: date-time */
                createdAt: string;
                documentId: string | null;
                /** Format: uuid */
                id: string;
                inForce: boolean;
                /**
                 * @description post 上岗证 · professional 职业资格证书
                 * @enum {unknown}
                 */
                kind: "post" | "professional";
                /**
                 * @description 专项代码（2023 资质标准的九个专项）
                 * @enum {unknown}
                 */
                specialty: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD，北京时间日历日（含当日）
                 */
                validTo: string;
            }[];
            /** @description 持有效证书的专项 */
            certifiedSpecialties: ("building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground")[];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description YYYY-MM-DD，北京时间日历日（含当日）
             */
            joinedOn: string;
            leftOn: string | null;
            name: string;
            /** @description 脱敏身份证号；完整号码仅可经审计的 reveal-id 查看 */
            residentIdMasked: string;
            roles: ("tester" | "reviewer" | "signatory" | "upload_owner" | "technical_lead")[];
            rowVersion: number;
            /** @description active 在职 · left 已离职 */
            status: "active" | "left";
            userId: string | null;
            username: string | null;
        };
        UpdateProjectRequest: {
            address?: string;
            contractorId?: string | null;
            /** @description 项目定位点 */
            location?: {
                /** @description 纬度（WGS-84） */
                lat: number;
                /** @description 经度（WGS-84） */
                lng: number;
            };
            name?: string;
            permitNumber?: string;
            rowVersion: number;
            /** @description 施工现场范围（用于影像位置核验）：多边形，或圆心加半径 */
            site?: {
                /** @description 闭合边界：首尾两点相同，至少 4 个点 */
                ring: [
                    number,
                    number
                ][];
                /** @enum {string} */
                type: "polygon";
            } | {
                /** @description [经度, 纬度]，WGS-84 */
                center: [
                    number,
                    number
                ];
                /** @description 半径（米） */
                radiusMetres: number;
                /** @enum {string} */
                type: "circle";
            };
            supervisionUnitId?: string | null;
        };
        UpdateProjectResponse: {
            address: string;
            constructionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            contractor: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** @description 属地住建部门所在区划（县级无住建部门的由市级管辖） */
            departmentRegionCode: string;
            /** Format: uuid */
            id: string;
            /** @description 项目定位点 */
            location: {
                /** @description 纬度（WGS-84） */
                lat: number;
                /** @description 经度（WGS-84） */
                lng: number;
            };
            name: string;
            /** @description 施工许可证号 */
            permitNumber: string;
            /** @description 项目所在县级行政区 */
            regionCode: string;
            regionName: string;
            /** @description 乐观锁版本号：修改时原样带回 */
            rowVersion: number;
            /** @description 施工现场范围（用于影像位置核验）：多边形，或圆心加半径 */
            site: {
                /** @description 闭合边界：首尾两点相同，至少 4 个点 */
                ring: [
                    number,
                    number
                ][];
                /** @enum {string} */
                type: "polygon";
            } | {
                /** @description [经度, 纬度]，WGS-84 */
                center: [
                    number,
                    number
                ];
                /** @description 半径（米） */
                radiusMetres: number;
                /** @enum {string} */
                type: "circle";
            };
            supervisionUnit: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** Format: date-time */
            updatedAt: string;
        };
        User: {
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            id: string;
            lastLoginAt: string | null;
            organisationId: string | null;
            organisationName: string | null;
            roles: ("platform_admin" | "dept_officer" | "agency_admin" | "upload_owner" | "tester" | "reviewer" | "signatory" | "witness" | "construction_user" | "contractor_user")[];
            status: "active" | "disabled";
            username: string;
        };
        Violation: {
            batchRef: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description pending 待定（试行期待约谈整改结果）· counts 已记入信用记录 · exempt 试行期不纳入信用记录
             * @enum {unknown}
             */
            creditStatus: "pending" | "counts" | "exempt";
            /** @description 证据（时间、编号、哈希等） */
            evidence: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** @description 是否故意；为空表示尚未认定 */
            intentional: boolean | null;
            /** Format: date-time */
            occurredAt: string;
            /** Format: uuid */
            organisationId: string;
            organisationName: string;
            /** @enum {unknown} */
            organisationType: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
            /** @description 涉及人员（用户 ID 或说明） */
            personRef: string | null;
            projectId: string | null;
            /** @description 认定人员；平台自动记录时为空 */
            recordedBy: {
                id: string;
                name: string;
            } | null;
            /** @description 处置部门所在辖区 */
            regionCode: string;
            regionName: string;
            /**
             * @description minor 一般 · serious 严重
             * @enum {unknown}
             */
            severity: "minor" | "serious";
            severityLabel: string;
            /**
             * @description automatic 平台自动发现 · officer 监管人员认定
             * @enum {unknown}
             */
            source: "automatic" | "officer";
            /**
             * @description late_upload 迟传 · missing_upload 漏传 · tampered_data 篡改数据或影像 · synthesized_image 合成或补拍影像 · fabricated_data 伪造检测数据或出具虚假报告 · manual_entry_instead_of_auto 人工录入替代自动采集 · unregistered_witness 无证见证 · proxy_witness 他人代见证 · witness_change_late 见证变更逾期 · no_double_review 未双人复核 · unqualified_commission 委托未对接或无资质机构 · other 其他
             * @enum {unknown}
             */
            type: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
            typeLabel: string;
        };
        Witness: {
            /** @description 当前是否在至少一个项目登记 */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description 身份证号（脱敏；平台不保存明文） */
            idNumberMasked: string;
            name: string;
            phone: string;
            /** @description 当前登记的项目 */
            projects: {
                projectId: string;
                projectName: string;
                /** Format: date-time */
                since: string;
            }[];
            /** Format: uuid */
            supervisionUnitId: string;
            supervisionUnitName: string;
            user: {
                displayName: string;
                id: string;
                username: string;
            } | null;
        };
        WitnessAttestation: {
            /** Format: date-time */
            attestedAt: string;
            /** Format: uuid */
            batchId: string;
            /** Format: uuid */
            id: string;
            /** @description 见证时是否在本项目登记有效 */
            registered: boolean;
            statement: string;
            witness: {
                /** Format: uuid */
                id: string;
                name: string;
            };
        };
        WitnessCheckin: {
            /** Format: uuid */
            batchId: string;
            /** Format: date-time */
            checkedInAt: string;
            flags: {
                details: {
                    [key: string]: unknown;
                };
                /** Format: date-time */
                detectedAt: string;
                kind: string;
                label: string;
                /** @enum {unknown} */
                status: "open" | "acknowledged";
            }[];
            /** Format: uuid */
            id: string;
            /** @description 签到位置在项目范围内（含定位容差） */
            insideSite: boolean;
            location: {
                lat: number;
                lng: number;
            };
            /** @description 签到人是批次登记的见证人员 */
            namedOnBatch: boolean;
            /** @description 签到照片（影像类型 witness_checkin） */
            photo: {
                analysedAt: string | null;
                /** Format: uuid */
                batchId: string;
                /** @description 签名采集：verified 为手机或采集程序在现场以登记密钥签名、平台验证通过 */
                capture: {
                    algorithm: ("Ed25519" | "ES256") | null;
                    appVersion: string | null;
                    code: string | null;
                    keyId: string | null;
                    positionAccuracy: number | null;
                    /**
                     * @description verified 签名采集已验证 · unsigned 未经签名采集
                     * @enum {unknown}
                     */
                    status: "verified" | "unsigned";
                };
                /** @enum {unknown} */
                channel: "direct" | "resumable";
                contentType: string;
                /** @description 客户端申报的拍摄时间、位置、检测人员、设备、构件和对应原始记录 */
                declared: {
                    /** Format: date-time */
                    capturedAt: string;
                    componentId: string | null;
                    componentIdDisplay: string | null;
                    equipmentId: string | null;
                    location: {
                        lat: number;
                        lng: number;
                    };
                    recordKeys: string[];
                    testerPersonId: string | null;
                };
                exif: {
                    latitude: number | null;
                    longitude: number | null;
                    make: string | null;
                    model: string | null;
                    offset: string | null;
                    software: string | null;
                    takenAt: string | null;
                    takenAtLocal: string | null;
                } | null;
                /** @description 一致性核查发现的异常（供住建部门核查，影像照常接收） */
                flags: {
                    details: {
                        [key: string]: unknown;
                    };
                    /** Format: date-time */
                    detectedAt: string;
                    kind: string;
                    label: string;
                    /** @enum {unknown} */
                    status: "open" | "acknowledged";
                }[];
                format: string;
                height: number;
                /** Format: uuid */
                id: string;
                /**
                 * @description process 过程影像 · witness_checkin 见证签到照片
                 * @enum {unknown}
                 */
                kind: "process" | "witness_checkin";
                perceptualHash: string | null;
                previewNote: string | null;
                /** @description 原图内容的 SHA-256（小写十六进制） */
                sha256: string;
                signatureKeyId: string | null;
                /** @description 是否带有经设备密钥验证的签名 */
                signed: boolean;
                size: number;
                /**
                 * @description processing 已接收、EXIF/缩略图/查重处理中 · done 已处理 · failed 处理失败
                 * @enum {unknown}
                 */
                status: "processing" | "done" | "failed";
                /** @description 补传（批次锁定期间或锁定后上传） */
                supplementary: boolean;
                thumbnail: {
                    height: number;
                    width: number;
                } | null;
                /** Format: date-time */
                uploadedAt: string;
                uploadedBy: {
                    id: string;
                    name: string;
                    /** @enum {unknown} */
                    type: "user" | "machine";
                };
                width: number;
            };
            /** Format: uuid */
            userId: string;
            witness: {
                name: string;
                /** Format: uuid */
                personId: string;
            };
        };
        WitnessRegistration: {
            changedAt: string | null;
            deadline: {
                /** Format: date-time */
                dueAt: string;
                /** @description 应完成更新登记的最后一个工作日 */
                dueDate: string;
                /** @description 为真：期间含尚未加载节假日安排的年度，按周末规则暂定 */
                provisional: boolean;
                uncoveredYears: number[];
                workingDays: number;
            } | null;
            document: {
                id: string;
                sha256: string;
            } | null;
            effects: {
                /** @description grant 登记生效 · end 终止 */
                effect: "grant" | "end";
                /** Format: date-time */
                effectiveAt: string;
                projectId: string;
                projectName: string;
                witnessId: string;
            }[];
            /** Format: uuid */
            id: string;
            /**
             * @description initial 首次授权登记 · new_authorization 新授权 · replacement 更换见证人员 · revocation 撤销授权
             * @enum {unknown}
             */
            kind: "initial" | "new_authorization" | "replacement" | "revocation";
            kindLabel: string;
            late: boolean | null;
            reason: string | null;
            /** Format: date-time */
            registeredAt: string;
            registeredBy: {
                id: string;
                name: string;
            };
            replacesWitness: {
                id: string;
                name: string;
            } | null;
            signedOn: string | null;
            violationId: string | null;
            /** Format: uuid */
            witnessId: string;
            witnessName: string;
        };
    };
    responses: {
        /** @description 错误（统一格式 `{ code, message, field? }`；本操作可能的 `code` 见 `x-error-codes`） */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAgencyConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetAgencyConnectionResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listAgencyFilings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAgencyFilingsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createAgencyFiling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgencyFilingRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateAgencyFilingResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getAgencyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetAgencyProfileResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    putAgencyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutAgencyProfileRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PutAgencyProfileResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listAgencyQualifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAgencyQualificationsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createAgencyQualification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgencyQualificationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateAgencyQualificationResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listAnomalies: {
        parameters: {
            query?: {
                agencyId?: string;
                batchId?: string;
                from?: string;
                /** @description 异常类型（稳定代码） */
                kind?: "completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing";
                page?: number;
                pageSize?: number;
                status?: "open" | "acknowledged";
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAnomaliesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    acknowledgeAnomaly: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeAnomalyRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnomalyListItem"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    decideAnomaly: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideAnomalyRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecideAnomalyResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listDeskAnomalies: {
        parameters: {
            query?: {
                batchId?: string;
                kind?: "completion_before_capture" | "capture_outside_window" | "tester_not_on_batch" | "equipment_not_on_batch" | "component_not_on_batch" | "record_missing_images" | "image_without_record" | "undeclared_at_seal" | "location_outside_site" | "exif_time_mismatch" | "exif_location_mismatch" | "exif_missing" | "editing_software" | "duplicate_image" | "image_signature_invalid" | "jpeg_truncated" | "jpeg_corrupt_data" | "jpeg_trailing_data" | "jpeg_resaved" | "exif_modified_after_capture" | "exif_gps_time_mismatch" | "exif_thumbnail_mismatch" | "exif_makernote_missing" | "exif_exposure_implausible" | "screenshot_suspected" | "unsigned_capture" | "capture_position_stale" | "capture_position_inaccurate" | "witness_not_registered" | "witness_no_checkin" | "witness_no_attestation" | "witness_checkin_outside_site" | "witness_proxy_suspected" | "supplementary_upload" | "possibly_missing" | "record_recompute_mismatch" | "record_readings_missing";
                page?: number;
                pageSize?: number;
                severity?: "critical" | "major" | "minor";
                /** @description open 待核查（默认）· decided 已核查 */
                status?: "open" | "decided";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListDeskAnomaliesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getDeskAnomaly: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetDeskAnomalyResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getAnomalyDeskOriginalThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                action?: string;
                page?: number;
                pageSize?: number;
                targetId?: string;
                targetType?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAuditResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            429: components["responses"]["Error"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listAuthOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAuthOptionsResponse"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getAuthSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetAuthSecondFactorResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    startSecondFactorEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartSecondFactorEnrollmentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    confirmSecondFactorEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmSecondFactorEnrollmentRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfirmSecondFactorEnrollmentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    removeSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveSecondFactorRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listBatches: {
        parameters: {
            query?: {
                agencyId?: string;
                /** @description 开启时间不早于 */
                from?: string;
                locked?: boolean;
                page?: number;
                pageSize?: number;
                projectId?: string;
                /** @description 批次编号（部分） */
                q?: string;
                /** @description 专项代码 */
                specialty?: "building_materials" | "main_structure" | "steel_structure" | "foundation" | "building_energy" | "curtain_wall" | "municipal_materials" | "road" | "bridge_underground";
                /** @description opened 已开启 · uploading 上传中 · completed 现场检测完成 · sealed 已封存（待复核） · reviewed 已复核 · reported 已出具报告 */
                status?: "opened" | "uploading" | "completed" | "sealed" | "reviewed" | "reported";
                /** @description 开启时间早于 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListBatchesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createBatch: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatchRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createBatchAnomaliesDecide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatchAnomaliesDecideRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateBatchAnomaliesDecideResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listBatchCheckins: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListBatchCheckinsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createBatchCheckin: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
                "x-qtrace-metadata"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WitnessCheckin"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    completeBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteBatchRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getBatchDeadline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDeadline"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listBatchEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListBatchEventsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    fileBatchForceMajeure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileBatchForceMajeureRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceMajeureFiling"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    listBatchImages: {
        parameters: {
            query?: {
                kind?: "process" | "witness_checkin";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListBatchImagesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createBatchImage: {
        parameters: {
            query?: never;
            header?: {
                /** @description 客户端生成的唯一键，重试时保持不变 */
                "idempotency-key"?: string;
                /** @description 申报信息：base64url 编码的 JSON（见集成接口文档） */
                "x-qtrace-metadata"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Image"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Image"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            410: components["responses"]["Error"];
            412: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    listBatchManualEntryExceptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListBatchManualEntryExceptionsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createBatchManualEntryException: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatchManualEntryExceptionRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManualEntryException"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    listBatchRecords: {
        parameters: {
            query?: {
                /** @description 只列最新版本 */
                latestOnly?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListBatchRecordsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createBatchRecord: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatchRecordRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RawRecord"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    issueBatchReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    reviewBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewBatchRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    sealBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description 封存清单：本批次全部原始记录版本与影像的数量和内容摘要 */
        requestBody: {
            content: {
                "application/json": components["schemas"]["SealBatchRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        field?: string;
                        message: string;
                        /** @description 封存清单中未收到或不符的每一项 */
                        problems?: {
                            arrived?: string;
                            declared?: string;
                            /** @description 清单中的序号（从 0 开始） */
                            index: number;
                            kind: "record_missing" | "record_mismatch" | "image_missing";
                            recordKey?: string;
                            sha256?: string;
                            version?: number;
                        }[];
                    };
                };
            };
        };
    };
    unlockBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnlockBatchRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDeadline"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createBatchUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description 客户端生成的唯一键，重试时保持不变 */
                "idempotency-key"?: string;
                /** @description 申报信息：base64url 编码的 JSON（见集成接口文档） */
                "x-qtrace-metadata"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageUpload"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            410: components["responses"]["Error"];
            412: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    createBatchWitnessAttestation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatchWitnessAttestationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WitnessAttestation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    listBatchesWitnessOptions: {
        parameters: {
            query: {
                projectId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListBatchesWitnessOptionsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getCalendarStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarStatus"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetCalendarYearResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    putCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCalendarYearRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearVersion"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createCaptureChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureChallenges"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listCaptureKeys: {
        parameters: {
            query?: {
                scope?: "mine" | "organisation";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCaptureKeysResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createCaptureKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaptureKeyEnrolment"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureKey"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    approveCaptureKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureKey"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    revokeCaptureKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaptureKeyRevocation"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureKey"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetCatalogueResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    listCatalogueVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCatalogueVersionsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createCatalogueVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCatalogueVersionRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateCatalogueVersionResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getCatalogueVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetCatalogueVersionResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listCommissions: {
        parameters: {
            query?: {
                agencyId?: string;
                page?: number;
                pageSize?: number;
                projectId?: string;
                status?: "active" | "terminated";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCommissionsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createCommission: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommissionRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateCommissionResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getCommission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetCommissionResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    terminateCommission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminateCommissionRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminateCommissionResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listCommissionsAgencyOptions: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCommissionsAgencyOptionsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    resolveComponent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                componentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolveComponentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listCreditOrganisations: {
        parameters: {
            query?: {
                q?: string;
                type?: "agency" | "supervision_unit" | "construction_unit";
                /** @description 年度（北京时间日历年；默认今年） */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCreditOrganisationsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listCreditPersons: {
        parameters: {
            query?: {
                /** @description 年度（北京时间日历年；默认今年） */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCreditPersonsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listCreditRestrictions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCreditRestrictionsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listDailyChecks: {
        parameters: {
            query: {
                /** @description 北京时间日期 YYYY-MM-DD */
                from: string;
                /** @description 辖区代码，缺省为本部门辖区 */
                regionCode?: string;
                /** @description 北京时间日期 YYYY-MM-DD */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListDailyChecksResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getDailyChecksExport: {
        parameters: {
            query: {
                /** @description 北京时间日期 YYYY-MM-DD */
                from: string;
                /** @description 辖区代码，缺省为本部门辖区 */
                regionCode?: string;
                /** @description 北京时间日期 YYYY-MM-DD */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getDailyChecksHistory: {
        parameters: {
            query: {
                /** @description 北京时间日期 YYYY-MM-DD */
                day: string;
                regionCode: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetDailyChecksHistoryResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    recomputeDailyChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecomputeDailyChecksRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecomputeDailyChecksResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getDailyChecksTrend: {
        parameters: {
            query: {
                /** @description 北京时间日期 YYYY-MM-DD */
                from: string;
                /** @description 辖区代码，缺省为本部门辖区 */
                regionCode?: string;
                /** @description 北京时间日期 YYYY-MM-DD */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetDailyChecksTrendResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getDocumentContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listEnforcementCases: {
        parameters: {
            query?: {
                /** @description 只看待处理（待确认、处置中、待审核） */
                open?: boolean;
                organisationId?: string;
                page?: number;
                pageSize?: number;
                rung?: "interview" | "rectification" | "penalty";
                status?: "proposed" | "confirmed" | "report_submitted" | "closed" | "dismissed" | "superseded";
                /** @description 年度（北京时间日历年；默认今年） */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnforcementCasesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getEnforcementCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetEnforcementCaseResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    confirmEnforcementCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmEnforcementCaseRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnforcementCase"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    dismissEnforcementCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DismissEnforcementCaseRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnforcementCase"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    interviewEnforcementCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InterviewEnforcementCaseRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnforcementCase"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    penaliseEnforcementCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PenaliseEnforcementCaseRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnforcementCase"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    decideEnforcementCaseRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideEnforcementCaseRectificationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnforcementCase"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    issueEnforcementCaseReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueEnforcementCaseReportRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnforcementCase"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getEnforcementKeySupervision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetEnforcementKeySupervisionResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getEnforcementKeySupervisionExportXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listEquipment: {
        parameters: {
            query?: {
                agencyId?: string;
                page?: number;
                pageSize?: number;
                q?: string;
                /** @description pending 待核验 · verified 已核验 · rejected 已驳回 */
                status?: "pending" | "verified" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEquipmentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createEquipment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEquipmentRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateEquipmentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getEquipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetEquipmentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    approveEquipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApproveEquipmentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    listEquipmentCalibrations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEquipmentCalibrationsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createEquipmentCalibration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEquipmentCalibrationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateEquipmentCalibrationResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listEquipmentKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEquipmentKeysResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createEquipmentKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEquipmentKeyRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateEquipmentKeyResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    rejectEquipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectEquipmentRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectEquipmentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    resubmitEquipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResubmitEquipmentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getFiling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetFilingResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    approveFiling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApproveFilingResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    rejectFiling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectFilingRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectFilingResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listForceMajeureFilings: {
        parameters: {
            query?: {
                batchId?: string;
                inbox?: boolean;
                page?: number;
                pageSize?: number;
                /** @description pending 待审核 · accepted 已同意 · rejected 已驳回 */
                status?: "pending" | "accepted" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListForceMajeureFilingsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getForceMajeureFiling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceMajeureFiling"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    clearForceMajeureFiling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClearForceMajeureFilingRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceMajeureFiling"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    decideForceMajeureFiling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideForceMajeureFilingRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceMajeureFiling"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getForceMajeureFilingDocumentContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listFraudReports: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "open" | "recorded" | "dismissed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListFraudReportsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createFraudReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFraudReportRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FraudReport"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getFraudReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FraudReport"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    dismissFraudReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DismissFraudReportRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FraudReport"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    recordFraudReportViolation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordFraudReportViolationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FraudReport"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Image"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getImageContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getImageReuse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetImageReuseResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getImageReuseThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                matchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getImageThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    recordInspectionFindingViolation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordInspectionFindingViolationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordInspectionFindingViolationResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getLedgerCheckpointsLatest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerCheckpoint"];
                };
            };
        };
    };
    getLedgerConsistency: {
        parameters: {
            query: {
                from: number;
                to?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerConsistency"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listLedgerCosignatures: {
        parameters: {
            query?: {
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerCosignatures"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createLedgerCosignature: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLedgerCosignatureRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateLedgerCosignatureResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getLedgerEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerEntryProof"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getLedgerInclusion: {
        parameters: {
            query: {
                index: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerEntryProof"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listLedgerIntegrityAlarms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListLedgerIntegrityAlarmsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getLedgerKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerPublicKey"];
                };
            };
        };
    };
    getLedgerObject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                type: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetLedgerObjectResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listMachineCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListMachineCredentialsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createMachineCredential: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMachineCredentialRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateMachineCredentialResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    revokeMachineCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachineCredential"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description 只看未读 */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListNotificationsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    readNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    readAllNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllNotificationsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getNotificationsUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetNotificationsUnreadCountResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                q?: string;
                regionCode?: string;
                /** @description agency 检测机构 · construction_unit 建设单位 · supervision_unit 监理单位 · contractor 施工单位 · department 住建部门 */
                type?: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOrganisationsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    disableOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    enableOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listPersonnel: {
        parameters: {
            query?: {
                agencyId?: string;
                page?: number;
                pageSize?: number;
                q?: string;
                /** @description tester 检测人员 · reviewer 复核人员 · signatory 报告签发人 · upload_owner 上传负责人 · technical_lead 技术负责人 */
                role?: "tester" | "reviewer" | "signatory" | "upload_owner" | "technical_lead";
                /** @description active 在职 · left 已离职 */
                status?: "active" | "left";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListPersonnelResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createPersonnel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePersonnelRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatePersonnelResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getPersonnel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetPersonnelResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    updatePersonnel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePersonnelRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatePersonnelResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listPersonnelCertificates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListPersonnelCertificatesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createPersonnelCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePersonnelCertificateRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatePersonnelCertificateResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    leavePersonnel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeavePersonnelRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeavePersonnelResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    revealPersonnelId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealPersonnelIdResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                q?: string;
                regionCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListProjectsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateProjectResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetProjectResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateProjectResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listProjectComponents: {
        parameters: {
            query?: {
                building?: string;
                page?: number;
                pageSize?: number;
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListProjectComponentsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createProjectComponent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectComponentRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateProjectComponentResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getProjectComponentsLabelsPdf: {
        parameters: {
            query?: {
                building?: string;
                /** @description 构件编号，逗号分隔 */
                codes?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF 标签页 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description 统一错误格式 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listProjectsParticipantOptions: {
        parameters: {
            query: {
                q?: string;
                type: "construction_unit" | "supervision_unit" | "contractor";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListProjectsParticipantOptionsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getPublicCapture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCapture"];
                };
            };
            404: components["responses"]["Error"];
        };
    };
    getPublicReport: {
        parameters: {
            query: {
                /** @description 验证码 */
                c: string;
            };
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetPublicReportResponse"];
                };
            };
            400: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getQualification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetQualificationResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    approveQualification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApproveQualificationResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    rejectQualification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectQualificationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectQualificationResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listRandomDraws: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListRandomDrawsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createRandomDraw: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRandomDrawRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RandomDraw"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getRandomDraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RandomDraw"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    drawRandomDraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RandomDraw"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createRandomDrawFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRandomDrawFindingRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionFinding"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getRandomDrawRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetRandomDrawRecordResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getRandomDrawVerify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetRandomDrawVerifyResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listRandomDrawsInspectorCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListRandomDrawsInspectorCandidatesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listRegions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListRegionsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listReports: {
        parameters: {
            query?: {
                agencyId?: string;
                batchId?: string;
                page?: number;
                pageSize?: number;
                projectId?: string;
                /** @description 报告编号或批次编号（完整） */
                q?: string;
                /** @description valid 有效 · superseded 已被更正报告替代 · revoked 已撤销 */
                status?: "valid" | "superseded" | "revoked";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListReportsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getReportPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description 统一错误格式 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description 统一错误格式 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    revokeReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeReportRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    supersedeReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupersedeReportRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    listServiceRequests: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description requested 待安排 · scheduled 已安排走访 · closed 已办结 */
                status?: "requested" | "scheduled" | "closed";
                /** @description equipment_connection 设备对接 · image_capture 影像采集 · other 其他 */
                type?: "equipment_connection" | "image_capture" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListServiceRequestsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createServiceRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceRequestRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequest"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getServiceRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequest"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    closeServiceRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseServiceRequestRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequest"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    scheduleServiceRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleServiceRequestRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequest"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    listSpecialCampaigns: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "open" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListSpecialCampaignsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createSpecialCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSpecialCampaignRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecialCampaign"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getSpecialCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecialCampaign"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    closeSpecialCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseSpecialCampaignRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecialCampaign"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createSpecialCampaignFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSpecialCampaignFindingRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionFinding"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    listSpecialCampaignsAnomalyKinds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListSpecialCampaignsAnomalyKindsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listSupplementaryUploads: {
        parameters: {
            query: {
                agencyId: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListSupplementaryUploadsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getUploadCapabilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageUpload"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            410: components["responses"]["Error"];
            412: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    deleteUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            410: components["responses"]["Error"];
            412: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    updateUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            410: components["responses"]["Error"];
            412: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                organisationId?: string;
                page?: number;
                pageSize?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListUsersResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    enableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetUserPasswordRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    putUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutUserRolesRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    resetUserSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetUserSecondFactorRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getVerificationQueue: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetVerificationQueueResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listViolations: {
        parameters: {
            query?: {
                /** @description 发生时间起（含） */
                from?: string;
                organisationId?: string;
                /** @description 单位类型：agency 检测机构 · supervision_unit 监理单位 · construction_unit 建设单位 … */
                organisationType?: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
                page?: number;
                pageSize?: number;
                /** @description 涉及人员（包含） */
                personRef?: string;
                projectId?: string;
                /** @description minor 一般 · serious 严重 */
                severity?: "minor" | "serious";
                source?: "automatic" | "officer";
                /** @description 发生时间止（不含） */
                to?: string;
                /** @description late_upload 迟传 · missing_upload 漏传 · tampered_data 篡改数据或影像 · synthesized_image 合成或补拍影像 · fabricated_data 伪造检测数据或出具虚假报告 · manual_entry_instead_of_auto 人工录入替代自动采集 · unregistered_witness 无证见证 · proxy_witness 他人代见证 · witness_change_late 见证变更逾期 · no_double_review 未双人复核 · unqualified_commission 委托未对接或无资质机构 · other 其他 */
                type?: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListViolationsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    createViolation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateViolationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Violation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getViolation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Violation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    declareViolationIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareViolationIntentRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Violation"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getViolationsExportXlsx: {
        parameters: {
            query?: {
                /** @description 发生时间起（含） */
                from?: string;
                organisationId?: string;
                /** @description 单位类型：agency 检测机构 · supervision_unit 监理单位 · construction_unit 建设单位 … */
                organisationType?: "agency" | "construction_unit" | "supervision_unit" | "contractor" | "department";
                /** @description 涉及人员（包含） */
                personRef?: string;
                projectId?: string;
                /** @description minor 一般 · serious 严重 */
                severity?: "minor" | "serious";
                source?: "automatic" | "officer";
                /** @description 发生时间止（不含） */
                to?: string;
                /** @description late_upload 迟传 · missing_upload 漏传 · tampered_data 篡改数据或影像 · synthesized_image 合成或补拍影像 · fabricated_data 伪造检测数据或出具虚假报告 · manual_entry_instead_of_auto 人工录入替代自动采集 · unregistered_witness 无证见证 · proxy_witness 他人代见证 · witness_change_late 见证变更逾期 · no_double_review 未双人复核 · unqualified_commission 委托未对接或无资质机构 · other 其他 */
                type?: "late_upload" | "missing_upload" | "tampered_data" | "synthesized_image" | "fabricated_data" | "manual_entry_instead_of_auto" | "unregistered_witness" | "proxy_witness" | "witness_change_late" | "no_double_review" | "unqualified_commission" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    listWitnesses: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description 曾在该项目登记的见证人员 */
                projectId?: string;
                /** @description 姓名 */
                q?: string;
                supervisionUnitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListWitnessesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    createWitness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWitnessRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateWitnessResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getWitness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Witness"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    createWitnessAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWitnessAuthorizationRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateWitnessAuthorizationResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getWitnessHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetWitnessHistoryResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetHealthzResponse"];
                };
            };
        };
    };
    getLedgerCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetReadyzResponse"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        blobs: string;
                        database: string;
                        /** @enum {string} */
                        status: "unavailable";
                    };
                };
            };
        };
    };
}
