// Generated from the api's OpenAPI document by `npm run console:api`; do not edit.
/* eslint-disable */
export interface paths {
    "/api/account-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 账户审计记录 / Account audit records
         * @description 登录、失败、锁定、登出、会话撤销、账户与接口令牌的创建和停用、活动设置的修改，以及定时任务的暂停、恢复、立即运行，单位工作群的设置、更换、移除，批量操作的执行；全部记录连成一条哈希链（不可改、不可删）；最新在前，可按账户、类型、时间筛选，分页。 / Logins, failures, lockouts, logouts, revoked sessions, accounts and api tokens created or disabled, campaign settings edited, and the office’s administrative actions: schedules paused, resumed or run now, unit group chats set, replaced or removed, bulk actions started. All of them form one hash chain (append-only); newest first, filtered by account, type and time, paged.
         */
        get: operations["AccountEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账户列表 / List accounts */
        get: operations["AccountsController_list"];
        put?: never;
        /**
         * 创建账户（管理员）/ Create an account (administrator)
         * @description 口令至少 12 个字符，不得为常见口令 / Passwords: 12+ characters, not a common password.
         */
        post: operations["AccountsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看账户 / Read an account */
        get: operations["AccountsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{accountId}/session-revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销该账户的全部会话（管理员）/ Revoke all of the account’s sessions (administrator) */
        post: operations["AccountsController_revokeSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{accountId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用或恢复账户（管理员；停用即撤销全部会话）/ Disable or enable an account (administrator; disabling ends its sessions) */
        post: operations["AccountsController_setStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{accountId}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解除登录锁定（管理员）/ Unlock after failed logins (administrator) */
        post: operations["AccountsController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 接口令牌列表（不含令牌本身）/ List api tokens (without the secret) */
        get: operations["ApiTokensController_list"];
        put?: never;
        /** 创建接口令牌（管理员；令牌只显示一次）/ Create an api token (administrator; shown once) */
        post: operations["ApiTokensController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-tokens/{tokenId}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销接口令牌（管理员）/ Revoke an api token (administrator) */
        post: operations["ApiTokensController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-tokens/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 接口令牌的有效期规则 / How long api tokens may live
         * @description 有效天数的上限，以及须设定有效天数的角色。 / The longest expiry, and the roles whose tokens must name one.
         */
        get: operations["ApiTokensController_policy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/checkpoints/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计检查点的公钥 / The public key audit checkpoints are signed with
         * @description PEM（SubjectPublicKeyInfo），密钥标识（公钥 DER 的 SHA-256）在 Audit-Checkpoint-Key-Id 头中；与检查点一同发布于检查点目录的 public-key.pem。格式见 docs/audit-checkpoints.md。 / PEM (SubjectPublicKeyInfo), its key id (SHA-256 of the DER) in the Audit-Checkpoint-Key-Id header; published beside the checkpoints as public-key.pem. The format: docs/audit-checkpoints.md.
         */
        get: operations["AuditController_checkpointPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计日志：全部案件的事件 / Audit log: the events of every case
         * @description 最新在前，可按操作人、事件类型、案件、活动与时间（from/to：带时区的 ISO 时刻，或北京时间的日期）筛选，分页；每条含单位名称、操作人名称与哈希。账户方面的记录见 GET /api/account-events。 / Newest first, filtered by actor, event type, case, campaign and time (from/to: ISO instants with their offset, or dates in Asia/Shanghai), paged; each with its unit’s name, its actor’s name and its hash. The account side of the record is GET /api/account-events.
         */
        get: operations["AuditController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 校验审计记录哈希链 / Verify the audit trail hash chains
         * @description 报告第一个断裂处；再与每个签名检查点比对（签名、根哈希，其所记录的案件与事件是否仍在且未被改动：案件、序号、检查点），比对案件视图的最后序号，校验全部时另校验账户记录链；documents=true 时另报告每个缺失或被改动的文件（案件、序号、文件）；workflows=true 时询问每个案件的工作流其最后序号。 / Reports the first broken link exactly; then checks every signed checkpoint (signature, root) and that every case and event it covered is still there unchanged (case, sequence, checkpoint), that the read model’s last sequences agree with the chains and, verifying every case, the account events’ chain; with documents=true also every missing or altered stored file (case, sequence, document); with workflows=true asks each case’s workflow for its last sequence.
         */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计记录校验报告（下载文件）/ The audit verification report, as a file to download
         * @description 校验全部（或 caseId 所指）哈希链后以 JSON 文件下载：生成时间与人、数据库类型、程序版本、校验范围与结果（与 GET /api/audit/verify 相同）。 / Verifies every chain (or the one caseId names) and answers a JSON file to keep: when and by whom, the database kind, the code version, the scope, and the result as GET /api/audit/verify answers it. 报告第一个断裂处；再与每个签名检查点比对（签名、根哈希，其所记录的案件与事件是否仍在且未被改动：案件、序号、检查点），比对案件视图的最后序号，校验全部时另校验账户记录链；documents=true 时另报告每个缺失或被改动的文件（案件、序号、文件）；workflows=true 时询问每个案件的工作流其最后序号。 / Reports the first broken link exactly; then checks every signed checkpoint (signature, root) and that every case and event it covered is still there unchanged (case, sequence, checkpoint), that the read model’s last sequences agree with the chains and, verifying every case, the account events’ chain; with documents=true also every missing or altered stored file (case, sequence, document); with workflows=true asks each case’s workflow for its last sequence.
         */
        get: operations["AuditController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 校验审计记录哈希链，逐步报告进度 / Verify the hash chains, reporting progress as it goes
         * @description 答 application/x-ndjson，每行一个 JSON：先是 {"type":"progress",casesChecked,casesTotal,eventsChecked,eventsTotal}（先数出总数，此后至多每 250 毫秒一行），最后一行 {"type":"report","report":…}，其 report 与 GET /api/audit/verify 的应答相同；中途出错则最后一行为 {"type":"error",…}。断开连接即停止校验。 / Answers application/x-ndjson, one JSON object a line: {"type":"progress",casesChecked,casesTotal,eventsChecked,eventsTotal} (the totals counted first, then a line at most every 250 ms), and last {"type":"report","report":…} whose report is what GET /api/audit/verify answers; a failure midway ends it with {"type":"error",…}. Closing the connection stops the verification. 报告第一个断裂处；再与每个签名检查点比对（签名、根哈希，其所记录的案件与事件是否仍在且未被改动：案件、序号、检查点），比对案件视图的最后序号，校验全部时另校验账户记录链；documents=true 时另报告每个缺失或被改动的文件（案件、序号、文件）；workflows=true 时询问每个案件的工作流其最后序号。 / Reports the first broken link exactly; then checks every signed checkpoint (signature, root) and that every case and event it covered is still there unchanged (case, sequence, checkpoint), that the read model’s last sequences agree with the chains and, verifying every case, the account events’ chain; with documents=true also every missing or altered stored file (case, sequence, document); with workflows=true asks each case’s workflow for its last sequence.
         */
        get: operations["AuditController_verifyStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登录：取得访问令牌与刷新令牌 / Log in: an access token and a refresh token
         * @description 连续失败后须等待，多次失败锁定账户；按来源地址限速。 / Failures in a row slow the next attempt down, then lock the account; rate-limited per client address.
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出：撤销本会话 / Log out: revokes this session */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前身份 / Who am I */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人口令（其他会话随之撤销）/ Change my password (my other sessions are revoked) */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 刷新：以刷新令牌换取新的一对令牌 / Refresh: a new pair of tokens for the refresh token (which is spent)
         * @description 未给出 refreshToken 时使用登录时设置的 Cookie，新的刷新令牌也只放在 Cookie 中。 / Without refreshToken the cookie set at login is used, and the new refresh token goes to the cookie only.
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulk-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批量操作列表（最新在前）/ Bulk actions, newest first */
        get: operations["BulkActionsController_list"];
        put?: never;
        /**
         * 执行批量操作（延长期限、催办、指派检查组）/ Start a bulk action (extend due dates, send a reminder now, assign assessors)
         * @description 以发起的管理员身份逐案办理，由工作流在后台执行，各案件的审计记录写明本批量操作；进度见 GET /api/bulk-actions/{id} / Each case’s step is taken as the administrator who starts it, by a workflow in the background; each case’s audit trail names the bulk action. Watch it at GET /api/bulk-actions/{id}.
         */
        post: operations["BulkActionsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulk-actions/{bulkActionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 批量操作进度与各案件结果 / A bulk action’s progress and per-case results */
        get: operations["BulkActionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulk-actions/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量操作预览：所选案件数与前 10 个案件，确认后再执行 / Preview a bulk action: how many cases the selection has, and the first 10 */
        post: operations["BulkActionsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/working-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工作日历：区间内哪些是工作日 / Which days of a range are working days
         * @description 按国务院节假日安排（含调休上班日）；超出日历覆盖年份答 400 / Per the State Council holiday notices, adjusted working weekends included; dates beyond the covered years answer 400.
         */
        get: operations["CalendarController_workingDays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按年度列出创建活动 / List campaigns, optionally of one year */
        get: operations["CampaignsController_list"];
        put?: never;
        /** 创建年度活动 / Create a campaign */
        post: operations["CampaignsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaignId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看活动 / Read a campaign */
        get: operations["CampaignsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改活动名称与设置（管理员）/ Edit a campaign’s name and settings (administrator)
         * @description 可改名称、分数线、指标体系版本、创建目标、各阶段时限、提醒规则（年度不可改），规则与创建时相同；给出的部分逐项替换，未给出的保持不变。已纳入的案件保持纳入时的设置（分数线、指标体系版本、期限、提醒规则），此后纳入的案件采用新设置；创建目标即时用于统计。修改人与时间记在活动上，每项设置的新旧值记入账户审计记录（CampaignUpdated）。 / The name, thresholds, framework versions, targets, stage durations and reminder policy (not the year), checked by the same rules as on creation; each part given replaces the keys it names, the rest keep their values. Cases already enrolled keep the settings they were enrolled with (thresholds, framework versions, deadlines, reminder policy); cases enrolled later take the new ones; targets count in the statistics at once. Who edited it and when is kept on the campaign, and each setting’s old and new value in the account records (CampaignUpdated).
         */
        patch: operations["CampaignsController_update"];
        trace?: never;
    };
    "/api/campaigns/{campaignId}/certification-roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 认定名单：本活动获金华市级认定的单位（JSON 或 XLSX）/ Certification roster: the units the campaign certified (JSON or XLSX)
         * @description 在调用者的案件范围内；已撤销命名的不在其中；按领域、认定日期、单位名称排序。format=xlsx 时为可打印的文件，首行为活动名称。 / Within the caller’s case scope; revoked units are not on it; by category, then date, then unit name. With format=xlsx a print-ready file titled with the campaign’s name.
         */
        get: operations["CertificationRosterController_roster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaignId}/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 确定培育对象：纳入单位并启动案件 / Enroll a unit: starts its case
         * @description 返回已写入审计记录的案件状态 / Returns the case state once the enrollment is in the audit trail.
         */
        post: operations["CampaignsController_enroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaignId}/enrollments/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量确定培育对象（JSON）/ Enroll a batch of units (JSON)
         * @description 先逐行校验，任一行有误则不导入任何数据；重复执行不会重复纳入。 / Every row is checked first: one bad row imports nothing; running it again enrolls nothing twice.
         */
        post: operations["CampaignsController_enrollBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaignId}/enrollments/batch.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量确定培育对象（CSV）/ Enroll a batch of units (CSV)
         * @description 错误按行号列出 / Errors name the CSV line.
         */
        post: operations["CampaignsController_enrollBatchCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaignId}/enrollments/batch/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量确定培育对象（JSON），逐步报告进度 / Enroll a batch of units (JSON), reporting progress as it goes
         * @description 请求与 POST …/enrollments/batch 相同（至多 10000 个单位）。校验不通过时照常答 400 等；通过后答 application/x-ndjson，每行一个 JSON：{"type":"progress",done,total,enrolled,alreadyEnrolled}（开始时一行，此后至多每 250 毫秒一行，最后一行必有），最后 {"type":"result","result":…}，其 result 与 …/enrollments/batch 的应答相同；中途出错（如流程引擎不可用）则最后一行为 {"type":"error",…}，已纳入的单位重试时报告为已纳入。 / The request of POST …/enrollments/batch (at most 10,000 units). A batch that fails its checks answers 400 and the like as usual; one that passes answers application/x-ndjson, one JSON object a line: {"type":"progress",done,total,enrolled,alreadyEnrolled} (one at the start, then at most every 250 ms, and always one when the last row settles), then {"type":"result","result":…} as …/enrollments/batch answers; a failure midway (the workflow engine out of reach, say) ends it with {"type":"error",…}, and sent again the units it enrolled report themselves already enrolled.
         */
        post: operations["CampaignsController_enrollBatchStream"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaignId}/enrollments/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传名单批量确定培育对象（CSV / XLSX，先预览）/ Enroll the units of a list file (CSV / XLSX, with a preview)
         * @description multipart/form-data，文件放在 file 字段：CSV（UTF-8，可带 BOM；或 Excel 存的 GB 18030）或 XLSX（读第一个工作表）；表头中文或英文（单位名称/name、领域/category、企业性质/ownership），领域可填代码或中文名（清廉村居、村居）。dryRun=true（缺省）返回预览：每一行的值与问题（表格所示行号、列、原因）及汇总，不写入；dryRun=false 导入预览所示的单位，任一行有误则不导入任何单位（400，preview 中附预览）；与 JSON、CSV 批量纳入规则相同，可重复执行。至多 2000 行，文件不超过 HTTP_CSV_LIMIT_BYTES。 / multipart/form-data with the file in the field "file": CSV (UTF-8 with or without a BOM, or GB 18030 as Excel in China saves it) or XLSX (its first sheet); Chinese or English headers (单位名称/name, 领域/category, 企业性质/ownership); the category by code or Chinese name. dryRun=true (default) answers the preview: every row with its values and problems (row as the spreadsheet shows it, column, why) and a summary, nothing written; dryRun=false imports what the preview shows, nothing if any row is bad (400, with the preview in `preview`). The same rules as the JSON and CSV batches; running it again enrolls nothing twice. At most 2000 rows; the file at most HTTP_CSV_LIMIT_BYTES.
         */
        post: operations["CampaignsController_enrollFromFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaignId}/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 活动统计（督办看板）：各领域各阶段数与目标、期限状态、通过率、各阶段用时、停留最久、各月认定 / Campaign statistics (the dashboard)
         * @description 由随每条审计记录同步维护的统计投影读出（可用 projections:rebuild 重建）/ Read from the stage projection kept in step with every recorded event (rebuilt by projections:rebuild): counts by category and stage against targets, open cases by due status, pass rate, mean and p90 days in each stage, the open cases longest in their stage, certifications per month.
         */
        get: operations["CampaignsController_statistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 案件列表（台账）：按活动、领域、阶段、期限状态、是否结束、认定日期、单位名称筛选，分页排序 / The ledger: filter, search, page, sort
         * @description 每个案件附当前期限、剩余工作日与期限状态（以北京时间今天或 asOf 计），进入本阶段的时间，认定日期与文号。 / Each case with its current due date, working days left and due status (from today in Asia/Shanghai, or asOf), when it entered its stage, and its certification.
         */
        get: operations["CasesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件当前状态（读模型，无需工作进程）/ Current state of a case (from the read model; needs no worker) */
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/annual-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 录入年度复核 / Record the annual review
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_annualReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/assessors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 指派或更换检查组成员（管理员） / Assign or reassign assessors (administrator)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_assignAssessors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 申报回避 / Declare an assessor conflict
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_declareConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/deadline-extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 延长期限（管理员） / Extend a deadline (administrator)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_extendDeadline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 案件的文件 / The documents of a case
         * @description 最新在前 / Newest first
         */
        get: operations["DocumentsController_ofCase"];
        put?: never;
        /**
         * 上传文件（创建方案、进度报告、佐证材料、整改报告…）/ Upload a document (plan, report, evidence, rectification…)
         * @description multipart/form-data，文件放在 file 字段；按内容识别类型；同样的内容只存一份。步骤以返回的 id 引用文件。 / multipart/form-data with the file in the field "file"; the type is decided by the content; the same bytes are stored once. Steps reference the document by the id answered.
         */
        post: operations["DocumentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件审计记录（时间线）/ The case audit trail (timeline), oldest first */
        get: operations["CasesController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inspection-scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交检查评分与发现（检查组成员） / Submit inspection scores and findings (assessor)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_inspectionScores"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/jinhua-decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 录入金华市级认定结果（金华审核人） / Record the Jinhua decision (Jinhua reviewer)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_jinhuaDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交创建方案（联络人） / Submit the creation plan (unit contact)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_submitPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/plan/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审核创建方案：通过或退回（管理员） / Approve or return the creation plan (administrator)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_reviewPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/progress-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交进度报告（联络人） / File a progress report (unit contact)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_progressReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 结束培育、申报自评 / Declare readiness: end cultivation
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_declareReady"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/recommendation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 推荐至金华（管理员） / Recommend to Jinhua (administrator)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_recommend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/rectification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交整改报告（联络人） / Report the rectification (unit contact)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_rectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 催办：立即提醒单位办理其当前待办事项（管理员；单位无待办或案件已结束时拒绝） / Send a reminder now: urge the unit to take the step it owes (administrator; refused when the unit owes none or the case is closed)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_urge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 撤销命名（一票否决，管理员） / Revoke the title (one-vote veto, administrator)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/self-assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交自评（联络人） / Submit the self-assessment (unit contact)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_selfAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件在某一时间点的状态（由审计记录推算）/ The case as of a past moment, derived from its events */
        get: operations["CasesController_stateAsOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 终止创建（管理员） / Withdraw the unit (administrator)
         * @description 审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.
         */
        post: operations["CasesController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出台账（XLSX 或 CSV）：筛选结果的全部案件 / Export the ledger (XLSX or CSV): every case the filters select, not a page
         * @description 筛选与排序同案件列表，在调用者的范围内；边读边写（流式）；表头为中文；以 = + - @ 开头的文字前加单引号，表格软件不会当作公式。 / The filters and order of the case list, within the caller’s scope; streamed as it is read; Chinese headers; text beginning with = + - @ gets a leading apostrophe, so no spreadsheet reads it as a formula.
         */
        get: operations["CasesController_exportCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 下载文件 / Download a document
         * @description 范围与所属案件相同（范围外答 404）；默认作为附件下载，图片与 PDF 可 inline=true 在沙箱中预览。 / Same scope as its case (404 outside it); downloaded as an attachment, or previewed in a sandbox with inline=true (images and PDF only).
         */
        get: operations["DocumentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各领域指标体系版本 / Framework versions per category */
        get: operations["FrameworksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{category}/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 指标体系：维度、指标、分值、否决项 / A framework: dimensions, indicators, weights, veto items */
        get: operations["FrameworksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 运行状态 / Health
         * @description 公开：只答 status（200 ok，503 unavailable），不含依赖名称与错误信息。带管理员或审计人员的令牌（Authorization: Bearer）时，另答数据库与流程引擎各自的状态、不可用的原因和轮询的 worker 数；无效的令牌答 401。 / Public: the status alone (200 ok, 503 unavailable), naming no dependency and no error. With an administrator’s or auditor’s bearer token, also the database’s and Temporal’s state, why one is down, and the polling workers; an invalid token answers 401.
         */
        get: operations["HealthController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的站内通知（最新在前，可只看未读）/ My in-app notices (newest first, optionally unread only) */
        get: operations["InboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 标为已读 / Mark a notice read
         * @description 他人的通知视为不存在（404）/ Another account’s notice answers 404.
         */
        post: operations["InboxController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部标为已读 / Mark every notice read */
        post: operations["InboxController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未读通知数 / Number of unread notices */
        get: operations["InboxController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的通知偏好 / My notification preferences
         * @description 站内通知始终开启 / In-app notices are always on.
         */
        get: operations["NotificationPreferencesController_get"];
        /**
         * 设置我的通知偏好 / Set my notification preferences
         * @description 关闭邮件不影响站内通知；未知字段被拒绝 / Turning email off never stops in-app notices; unknown fields are refused.
         */
        put: operations["NotificationPreferencesController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的待办：等待本人办理的案件步骤 / My tasks: the case steps that wait on me
         * @description 单位联络人：本单位案件的当前步骤；检查组成员：被指派且本轮尚未评分的检查；金华审核人：待认定的推荐；管理员：待审核方案、待指派检查组、待推荐；审计员无待办。按期限先后（无期限在后）、单位名称排序。 / Unit contacts: the step their unit owes; assessors: inspections assigned to them they have not scored this round; Jinhua reviewers: recommendations to decide; administrators: plans to review, assessors to assign, passed units to recommend; auditors: none. By due date (none last), then unit name.
         */
        get: operations["MyTasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 监控指标（Prometheus）/ Metrics in the Prometheus text format
         * @description 管理员或审计人员（抓取器用审计人员的接口令牌）：步骤耗时（按步骤与结果）、入选数、审计校验、外部通知发送（按渠道与状态）及进程指标。工作进程的 Temporal SDK 指标由工作进程自己在 WORKER_METRICS_ADDRESS 上提供。 / Administrators and auditors (a scraper uses an auditor’s api token): step latency by step and outcome, enrollments, audit verifications, outside deliveries by channel and status, and the process’s own. The worker serves the Temporal SDK’s metrics itself on WORKER_METRICS_ADDRESS.
         */
        get: operations["MetricsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的视图与共享给我所属角色的视图 / My saved views, and those shared with my role
         * @description 按名称排序；editable 表示本人的视图（可修改、删除）/ By name; `editable`: yours, so you may change or delete it
         */
        get: operations["SavedViewsController_list"];
        put?: never;
        /**
         * 保存台账视图 / Save a ledger view
         * @description 查询按 GET /api/cases 的规则校验；同名视图答 409 / The query is checked by the rules of GET /api/cases; a name you already use answers 409
         */
        post: operations["SavedViewsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved-views/{viewId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改本人的视图 / Replace one of your views */
        put: operations["SavedViewsController_replace"];
        post?: never;
        /** 删除本人的视图 / Delete one of your views */
        delete: operations["SavedViewsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 定时任务（每周汇总、每月进度提醒）及其状态 / The recurring jobs (weekly digest, monthly progress call) and their state */
        get: operations["SchedulesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schedules/{scheduleId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 暂停定时任务 / Pause a recurring job */
        post: operations["SchedulesController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schedules/{scheduleId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 恢复定时任务 / Resume a paused recurring job */
        post: operations["SchedulesController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schedules/{scheduleId}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即运行一次 / Run the job once now */
        post: operations["SchedulesController_trigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 单位列表 / List units
         * @description 按领域、名称、是否已纳入某活动筛选，分页排序；联络人只看到本单位。 / Filtered by category, part of the name and enrollment in a campaign, paged and sorted; a unit contact sees only their own unit.
         */
        get: operations["UnitsController_list"];
        put?: never;
        /** 登记单位 / Register a unit */
        post: operations["UnitsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 查看单位 / Read a unit
         * @description 联络人只能查看本单位 / A unit contact reads only their own unit.
         */
        get: operations["UnitsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unitId}/group-chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 查看单位工作群机器人 / Read the unit’s group-chat robot
         * @description 只显示是否已配置及 Webhook 主机；管理员或本单位联络人 / Shows only whether one is set and its host; administrators or the unit’s own contact.
         */
        get: operations["UnitsController_groupChat"];
        /**
         * 设置单位工作群机器人 / Set the unit’s group-chat robot
         * @description 发给本单位联络人的通知同时推送到该群（钉钉自定义机器人，加签）。地址与密钥须同时提供；密钥只写不读。 / Notices to the unit’s contacts are also posted to this chat (DingTalk custom robot with 加签). Give both the URL and the secret; the secret is write-only.
         */
        put: operations["UnitsController_setGroupChat"];
        post?: never;
        /**
         * 移除单位工作群机器人 / Remove the unit’s group-chat robot
         * @description 此后不再推送到该群；未配置时亦答 200 / Nothing is posted to it any more; answers 200 when none was set.
         */
        delete: operations["UnitsController_removeGroupChat"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountBrokenLinkDto: {
            /** @description 应为 / Expected */
            expected: string;
            /** @description 实际 / Found */
            found: string;
            /**
             * @description 问题 / What does not hold
             * @enum {string}
             */
            problem: "sequence" | "prev_hash" | "hash";
            /** @description 序号 / Sequence */
            sequence: number;
        };
        AccountChainReportDto: {
            /** @description 已校验记录数 / Events checked */
            eventsChecked: number;
            /** @description 第一个断裂处 / First broken link */
            firstBrokenLink: components["schemas"]["AccountBrokenLinkDto"] | null;
            /** @description 账户记录链是否完整 / Whether the account events’ chain holds */
            ok: boolean;
        };
        AccountDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description 姓名 / Display name */
            displayName: string;
            /** @description 连续登录失败次数（各来源地址合计）/ Failed logins in a row, from all addresses together */
            failedLogins: number;
            /**
             * Format: uuid
             * @description 账户标识（审计记录中的操作人）/ Account id (the actor in the audit trail)
             */
            id: string;
            /**
             * @description 角色 / Role
             * @enum {string}
             */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor";
            /**
             * @description 状态 / Status
             * @enum {string}
             */
            status: "active" | "disabled";
            /** @description 所属单位（联络人）/ Unit (unit contacts) */
            unitId: string | null;
            /** @description 用户名 / Username */
            username: string;
        };
        AccountEventDto: {
            accountId: string | null;
            actorId: string;
            actorRole: string;
            detail: {
                [key: string]: unknown;
            };
            id: string;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            /**
             * @description 记录类型 / Record type
             * @enum {string}
             */
            type: "AccountCreated" | "LoginSucceeded" | "LoginFailed" | "PasswordChangeFailed" | "AccountLocked" | "LoggedOut" | "SessionRefreshed" | "RefreshTokenReused" | "SessionsRevoked" | "AccountUnlocked" | "AccountDisabled" | "AccountEnabled" | "ApiTokenCreated" | "ApiTokenRevoked" | "CampaignUpdated" | "SchedulePaused" | "ScheduleResumed" | "ScheduleTriggered" | "UnitGroupChatSet" | "UnitGroupChatChanged" | "UnitGroupChatRemoved" | "BulkActionStarted";
            username: string | null;
        };
        AccountEventPageDto: {
            /** @description 最新在前 / Newest first */
            items: components["schemas"]["AccountEventDto"][];
            page: number;
            pageSize: number;
            /** @description 符合条件的总数 / Total matching */
            total: number;
        };
        AccountStatusDto: {
            /** @description 理由 / Reason */
            reason: string;
            /**
             * @description 停用（离职、调岗）或恢复 / Disable (left, moved) or enable again
             * @enum {string}
             */
            status: "active" | "disabled";
        };
        AnnualReviewDto: {
            /** @description 复核意见 / Summary */
            summary: string;
            /** @description 复核年度 / Year */
            year: number;
        };
        ApiTokenDto: {
            /**
             * @description 审计记录中的操作人 / Actor id in the audit trail
             * @example api-token:…
             */
            actorId: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description 失效时间（不晚于签发后 API_TOKEN_MAX_DAYS 天）/ When it stops working (at most API_TOKEN_MAX_DAYS after it was issued)
             */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            /** @description 令牌开头，便于辨认 / First characters, to tell tokens apart */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @enum {string} */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor";
            /**
             * @description 有效、已过期、已撤销，或已停用（签发它的账户已停用；账户恢复后令牌随之恢复）/ Active, expired, revoked, or suspended (the account that issued it is disabled; enabling the account brings it back)
             * @enum {string}
             */
            status: "active" | "expired" | "revoked" | "suspended";
            unitId: string | null;
        };
        ApiTokenPolicyDto: {
            /** @description 须设定有效天数的角色 / Roles whose tokens must name their expiry */
            expiryRequiredForRoles: ("administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor")[];
            /** @description 有效天数的上限（API_TOKEN_MAX_DAYS）/ The longest expiry, in days (API_TOKEN_MAX_DAYS) */
            maxExpiresInDays: number;
        };
        AssignAssessorsDto: {
            /** @description 检查组成员（至少 2 人）/ Assessors (at least 2) */
            assessorIds: string[];
            /** @description 更换理由（更换时必填）/ Reason (required when replacing) */
            reason?: string;
        };
        AuditEventActorDto: {
            /** @description 账户、api-token:<标识> 或 system / Account id, api-token:<id> or system */
            id: string;
            /** @description 名称（系统为 null）/ The name it goes by (null for the system) */
            name: string | null;
            /**
             * @description 角色 / Role
             * @enum {string}
             */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor" | "system";
        };
        AuditEventDto: {
            actor: components["schemas"]["AuditEventActorDto"];
            /** @description 创建活动 / Campaign id */
            campaignId: string | null;
            /** @description 案件 / Case id */
            caseId: string;
            /** @description 事件标识 / Event id */
            eventId: string;
            /** @description 本条记录的哈希 / The event’s hash */
            hash: string;
            /**
             * Format: date-time
             * @description 发生时间 (UTC) / Occurred at
             */
            occurredAt: string;
            /** @description 理由 / Reason */
            reason: string | null;
            /** @description 案件内序号 / Sequence within the case */
            sequence: number;
            /**
             * @description 事件类型 / Event type
             * @enum {string}
             */
            type: "CaseEnrolled" | "PlanSubmitted" | "PlanApproved" | "PlanReturned" | "ProgressReportSubmitted" | "ReadinessDeclared" | "SelfAssessmentSubmitted" | "AssessorsAssigned" | "ConflictDeclared" | "InspectionScoresSubmitted" | "InspectionConcluded" | "RectificationSubmitted" | "Recommended" | "Certified" | "NotCertified" | "AnnualReviewRecorded" | "Revoked" | "Withdrawn" | "DeadlineExtended" | "DeadlineSet" | "DeadlinePending" | "ReminderSent" | "ReminderFailed" | "ProgressReportCalled" | "ProgressReportCallFailed" | "UrgeSent";
            /** @description 单位 / Unit id */
            unitId: string | null;
            /** @description 单位名称 / Unit name */
            unitName: string | null;
        };
        AuditEventPageDto: {
            /** @description 最新在前 / Newest first */
            items: components["schemas"]["AuditEventDto"][];
            page: number;
            pageSize: number;
            /** @description 符合条件的总数 / Total matching */
            total: number;
        };
        AuditReportDto: {
            /** @description 账户记录链（校验全部时）/ The account events’ chain (when verifying every case) */
            accountEvents?: components["schemas"]["AccountChainReportDto"];
            /** @description 已校验案件数 / Cases checked */
            casesChecked: number;
            /** @description 与签名检查点比对 / Against the signed checkpoints */
            checkpoints?: components["schemas"]["CheckpointsReportDto"];
            /** @description 文件校验（documents=true 时）/ Stored files (with documents=true) */
            documents?: components["schemas"]["DocumentsReportDto"];
            /** @description 已校验事件数 / Events checked */
            eventsChecked: number;
            /** @description 第一个断裂处 / First broken link */
            firstBrokenLink: components["schemas"]["BrokenLinkDto"] | null;
            /** @description 一切相符 / Whether everything holds */
            ok: boolean;
            /** @description 案件视图与事件链比对 / The read model against the chains */
            readModel: components["schemas"]["ReadModelReportDto"];
            /** @description 工作流比对（workflows=true 时）/ The workflows (with workflows=true) */
            workflows?: components["schemas"]["WorkflowsReportDto"];
        };
        AuditVerificationReportDto: {
            code: components["schemas"]["CodeVersionDto"];
            /**
             * @description 数据库 / Database kind
             * @enum {string}
             */
            database: "sqlite" | "postgresql";
            /**
             * Format: date-time
             * @description 报告生成 (UTC) / Report generated
             */
            generatedAt: string;
            /** @description 生成人 / Generated by */
            generatedBy: components["schemas"]["ReportActorDto"];
            /** @description 校验结果（与 GET /api/audit/verify 相同）/ The result, as GET /api/audit/verify answers it */
            report: components["schemas"]["AuditReportDto"];
            scope: components["schemas"]["VerificationScopeDto"];
            /**
             * Format: date-time
             * @description 开始校验 (UTC) / Verification started
             */
            startedAt: string;
            /** @example 清廉细胞示范点创建管理 · 审计记录校验报告 / Qinglian audit verification report */
            title: string;
        };
        BatchEnrollDto: {
            /** @description 要纳入培育的单位（同名同领域的单位视为同一单位）/ Units to enroll (same name and category = same unit) */
            units: components["schemas"]["CreateUnitDto"][];
        };
        BatchEnrollmentResultDto: {
            /** @description 此前已纳入 / Already enrolled before */
            alreadyEnrolled: number;
            /** @description 新纳入 / Newly enrolled */
            enrolled: number;
            rows: components["schemas"]["BatchEnrollmentRowDto"][];
        };
        BatchEnrollmentRowDto: {
            /** @description 案件标识 / Case id */
            caseId: string;
            /**
             * @description 结果 / Result
             * @enum {string}
             */
            result: "enrolled" | "already_enrolled";
            /** @description 行号（从 1 起；文件导入时为表格所示行号）/ Row (from 1; for a file, as the spreadsheet shows it) */
            row: number;
            /** @description 单位标识 / Unit id */
            unitId: string;
            /** @description 单位名称 / Unit name */
            unitName: string;
        };
        BilingualNameDto: {
            en: string;
            zh: string;
        };
        BrokenLinkDto: {
            /** @description 案件 / Case id */
            caseId: string;
            /** @description 应为 / Expected */
            expected: string;
            /** @description 实际 / Found */
            found: string;
            /**
             * @description 问题 / What does not hold
             * @enum {string}
             */
            problem: "sequence" | "prev_hash" | "hash";
            /** @description 序号 / Sequence */
            sequence: number;
        };
        BulkActionDetailDto: {
            /** @description 失败（多次重试后）/ Failed (after retries) */
            failed: number;
            /**
             * Format: date-time
             * @description 完成时间 (UTC) / Finished at
             */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description 操作 / Kind
             * @enum {string}
             */
            kind: "extend_deadline" | "urge" | "assign_assessors";
            /**
             * @description 操作名称 / Kind in words
             * @example 延长期限 / Extend due dates
             */
            kindName: string;
            /** @description 参数 / Parameters */
            parameters: {
                [key: string]: unknown;
            };
            /** @description 待处理 / Pending */
            pending: number;
            /** @description 被规则拒绝 / Refused by the case’s rules */
            refused: number;
            /** @description 各案件结果（分页）/ Per-case results (paged) */
            results: components["schemas"]["BulkActionItemPageDto"];
            /**
             * Format: date-time
             * @description 发起时间 (UTC) / Started at
             */
            startedAt: string;
            /** @description 发起人 / Started by */
            startedBy: components["schemas"]["BulkActionStarterDto"];
            /**
             * @description 状态：running 进行中、completed 已完成 / Status
             * @enum {string}
             */
            status: "running" | "completed";
            /** @description 已完成 / Succeeded */
            succeeded: number;
            /** @description 案件数 / Cases */
            total: number;
        };
        BulkActionFilterDto: {
            /**
             * Format: uuid
             * @description 创建活动 / Campaign id
             */
            campaignId?: string;
            /**
             * @description 逐个指定的案件（与其他筛选条件不能同时使用）/ Cases named one by one (not together with the other filters)
             * @example [
             *       "case:2b0f…:9c1e…"
             *     ]
             */
            caseIds?: string[];
            /**
             * @description 领域 / Category
             * @enum {string}
             */
            category?: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /**
             * Format: date
             * @description 认定日期不早于 YYYY-MM-DD / Certified on or after
             * @example 2019-01-01
             */
            certifiedFrom?: string;
            /**
             * Format: date
             * @description 认定日期不晚于 YYYY-MM-DD / Certified on or before
             * @example 2019-12-31
             */
            certifiedTo?: string;
            /**
             * @description 期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status of the current stage (due_soon: at most 3 working days left)
             * @enum {string}
             */
            dueStatus?: "overdue" | "due_soon" | "on_track" | "no_due_date";
            /**
             * @description 未结束（true）或已结束（false）/ Open (true: not at a final stage) or closed (false)
             * @enum {string}
             */
            open?: "true" | "false";
            /** @description 单位名称包含 / Unit name contains */
            q?: string;
            /**
             * @description 阶段 / Stage
             * @enum {string}
             */
            stage?: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
        };
        BulkActionItemDto: {
            /** @description 案件 / Case id */
            caseId: string;
            /** @description 拒绝或失败的代码 / Code of the refusal or failure */
            code: string | null;
            /**
             * Format: date-time
             * @description 完成时间 (UTC) / Finished at
             */
            finishedAt: string | null;
            /** @description 原因（中文 / English）/ Why */
            message: string | null;
            /**
             * @description 确认时的阶段 / Stage when confirmed
             * @enum {string}
             */
            stage: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            /**
             * @description 结果：pending 待处理、succeeded 完成、refused 被拒绝、failed 失败 / Result
             * @enum {string}
             */
            status: "pending" | "succeeded" | "refused" | "failed";
            /** @description 单位名称 / Unit name */
            unitName: string;
        };
        BulkActionItemPageDto: {
            /** @description 按单位名称 / By unit name */
            items: components["schemas"]["BulkActionItemDto"][];
            page: number;
            pageSize: number;
            /** @description 符合条件的总数 / Total matching */
            total: number;
        };
        BulkActionListDto: {
            /** @description 最新在前 / Newest first */
            items: components["schemas"]["BulkActionSummaryDto"][];
            page: number;
            pageSize: number;
            /** @description 总数 / Total */
            total: number;
        };
        BulkActionParametersDto: {
            /** @description 指派检查组：检查组成员账户（至少 2 人）/ assign_assessors: assessor accounts (at least 2) */
            assessorIds?: string[];
            /** @description 催办：附言 / urge: a message to the units */
            message?: string;
            /**
             * @description 延长期限：新期限 YYYY-MM-DD（须晚于今天）/ extend_deadline: the new due date (after today)
             * @example 2019-10-31
             */
            newDueOn?: string;
            /** @description 理由（延长期限必填；指派检查组时更换成员须填）/ Reason (required to extend; to assign, where someone is replaced) */
            reason?: string;
            /** @description 延长期限：在各案件当前期限上顺延的工作日数（与 newDueOn 二选一）/ extend_deadline: working days added to each case’s current due date (instead of newDueOn) */
            workingDays?: number;
        };
        BulkActionPreviewDto: {
            /** @description 所选案件数（请确认后再执行）/ How many cases the selection has (confirm it before starting) */
            count: number;
            /** @description 一次至多处理的案件数 / The most cases one action takes */
            maxCases: number;
            /** @description 前 10 个案件（按单位名称）/ The first 10 cases (by unit name) */
            sample: components["schemas"]["SelectedCaseDto"][];
        };
        BulkActionPreviewRequestDto: {
            /** @description 所选案件 / Which cases */
            filter: components["schemas"]["BulkActionFilterDto"];
            /**
             * @description 操作：延长期限、催办、指派检查组 / The action: extend due dates, send a reminder now, assign assessors
             * @enum {string}
             */
            kind: "extend_deadline" | "urge" | "assign_assessors";
        };
        BulkActionStartedDto: {
            /**
             * Format: uuid
             * @description 批量操作标识（工作流 bulk-action:<id>）/ Bulk action id (workflow bulk-action:<id>)
             */
            id: string;
            /** @description 案件数 / Cases it takes */
            total: number;
        };
        BulkActionStarterDto: {
            /** @description 发起人 / Who started it (account or api-token:<id>) */
            id: string;
            /** @description 姓名 / Name */
            name: string | null;
            /**
             * @description 角色 / Role
             * @enum {string}
             */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor" | "system";
        };
        BulkActionSummaryDto: {
            /** @description 失败（多次重试后）/ Failed (after retries) */
            failed: number;
            /**
             * Format: date-time
             * @description 完成时间 (UTC) / Finished at
             */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description 操作 / Kind
             * @enum {string}
             */
            kind: "extend_deadline" | "urge" | "assign_assessors";
            /**
             * @description 操作名称 / Kind in words
             * @example 延长期限 / Extend due dates
             */
            kindName: string;
            /** @description 参数 / Parameters */
            parameters: {
                [key: string]: unknown;
            };
            /** @description 待处理 / Pending */
            pending: number;
            /** @description 被规则拒绝 / Refused by the case’s rules */
            refused: number;
            /**
             * Format: date-time
             * @description 发起时间 (UTC) / Started at
             */
            startedAt: string;
            /** @description 发起人 / Started by */
            startedBy: components["schemas"]["BulkActionStarterDto"];
            /**
             * @description 状态：running 进行中、completed 已完成 / Status
             * @enum {string}
             */
            status: "running" | "completed";
            /** @description 已完成 / Succeeded */
            succeeded: number;
            /** @description 案件数 / Cases */
            total: number;
        };
        CalendarDayDto: {
            /**
             * @description 日期 / Date
             * @example 2025-10-11
             */
            date: string;
            /** @description 是否工作日（含调休上班日）/ Working day (adjusted working weekends included) */
            workingDay: boolean;
        };
        CampaignDto: {
            /**
             * Format: date-time
             * @description 创建时间 (UTC) / Created at
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description 活动标识 / Campaign id
             */
            id: string;
            /** @description 活动名称 / Name */
            name: string;
            /** @description 活动设置 / Settings: thresholds, framework versions, targets, stage durations */
            settings: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description 最后修改时间 (UTC) / Last edited at
             */
            updatedAt: string | null;
            /** @description 最后修改人（账户或接口令牌标识）/ Last edited by (actor id) */
            updatedBy: string | null;
            /** @description 最后修改人的名称 / The name the last editor goes by */
            updatedByName: string | null;
            /** @description 年度 / Year */
            year: number;
        };
        CampaignStatisticsDto: {
            /**
             * Format: date
             * @description 计算期限状态与在本阶段天数所用的日期 / The day due standings and days in stage were counted from
             */
            asOf: string;
            /** @description 各领域：目标、案件数、认定数、各阶段数 / Per category: target, cases, certified, cases per stage */
            byCategory: {
                agency: components["schemas"]["CategoryStatisticsDto"];
                culture: components["schemas"]["CategoryStatisticsDto"];
                enterprise: components["schemas"]["CategoryStatisticsDto"];
                hospital: components["schemas"]["CategoryStatisticsDto"];
                school: components["schemas"]["CategoryStatisticsDto"];
                village: components["schemas"]["CategoryStatisticsDto"];
            };
            /**
             * Format: uuid
             * @description 创建活动 / Campaign id
             */
            campaignId: string;
            /** @description 案件总数 / Cases */
            cases: number;
            /** @description 各月认定数（按认定日期，升序）/ Certifications per month (by certification date, ascending) */
            certificationsByMonth: components["schemas"]["MonthlyCertificationsDto"][];
            /** @description 在办案件（非终结阶段）按当前期限状态计数，与台账的期限筛选一致 / Open cases (not in a final stage) by how their current due date stands; the ledger’s due filter counts the same */
            dueStatus: components["schemas"]["DueStatusCountsDto"];
            /** @description 在本阶段停留最久的在办案件（已认定的除外，最多 10 件，最久在前）/ The open cases longest in their current stage, certified ones aside (at most 10, longest first) */
            longestWaiting: components["schemas"]["WaitingCaseDto"][];
            /** @description 逾期的在办案件数（等于 dueStatus.overdue）/ Open cases overdue (equals dueStatus.overdue) */
            overdue: number;
            /** @description 检查验收已有结论（通过或不予推荐）的案件中通过的比例 / Of the cases whose inspection ended (passed, or not recommended), the share that passed */
            passRate: number | null;
            /** @description 各阶段用时（天），按已结束的停留计算 / Days in each stage, over the stays that have ended */
            timeInStage: {
                certified?: components["schemas"]["TimeInStageDto"];
                cultivation?: components["schemas"]["TimeInStageDto"];
                enrolled?: components["schemas"]["TimeInStageDto"];
                inspection?: components["schemas"]["TimeInStageDto"];
                not_certified?: components["schemas"]["TimeInStageDto"];
                not_recommended?: components["schemas"]["TimeInStageDto"];
                passed?: components["schemas"]["TimeInStageDto"];
                recommended?: components["schemas"]["TimeInStageDto"];
                rectification?: components["schemas"]["TimeInStageDto"];
                revoked?: components["schemas"]["TimeInStageDto"];
                self_assessment?: components["schemas"]["TimeInStageDto"];
                withdrawn?: components["schemas"]["TimeInStageDto"];
            };
        };
        CaseEventActorDto: {
            /** @description 操作人 / Actor id */
            id: string;
            /** @description 操作人姓名（账户显示名或接口令牌名称；系统为 null）/ The actor’s name (null for the system) */
            name: string | null;
            /**
             * @description 角色 / Role
             * @enum {string}
             */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor" | "system";
        };
        CaseEventDto: {
            /** @description 操作人 / Actor */
            actor: components["schemas"]["CaseEventActorDto"];
            /** @description 案件 / Case id */
            caseId: string;
            /**
             * Format: uuid
             * @description 事件标识 / Event id
             */
            eventId: string;
            /** @description 指标体系版本 / Framework version */
            frameworkVersion: string | null;
            /** @description SHA-256(prevHash ‖ 规范化 JSON) / hash */
            hash: string;
            /**
             * Format: date-time
             * @description 发生时间 (UTC) / Occurred at
             */
            occurredAt: string;
            /** @description 内容（本轮未结束时隐藏评分）/ Payload (scores of an open round hidden) */
            payload: {
                [key: string]: unknown;
            };
            /** @description 前一条记录的哈希 / Hash of the previous event */
            prevHash: string;
            /** @description 理由 / Reason */
            reason: string | null;
            /** @description 案件内序号 / Sequence within the case */
            sequence: number;
            /**
             * @description 事件类型 / Event type
             * @example PlanSubmitted
             */
            type: string;
        };
        CaseListDto: {
            /**
             * @description 计算期限状态所用的日期 / The day due standings were counted from
             * @example 2019-10-08
             */
            asOf: string;
            items: components["schemas"]["CaseSummaryDto"][];
            page: number;
            pageSize: number;
            /** @description 符合条件的总数 / Total matching */
            total: number;
        };
        CaseReadDto: {
            /** @description 检查组成员 / Assigned assessors */
            assessorIds: string[];
            /**
             * Format: uuid
             * @description 创建活动 / Campaign id
             */
            campaignId: string;
            /**
             * @description 案件标识（活动+单位）/ Case id (campaign + unit)
             * @example case:2b0f…:9c1e…
             */
            caseId: string;
            /**
             * @description 清廉建设领域 / Category
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /** @description 金华市级认定 / Certification */
            certification: {
                [key: string]: unknown;
            } | null;
            /** @description 须回避的检查组成员 / Assessors with a conflict */
            conflictedAssessorIds: string[];
            /** @description 期限 / Deadlines (YYYY-MM-DD) */
            deadlines: {
                [key: string]: string;
            };
            /** @description 当前检查轮次 / Current inspection round */
            inspection: components["schemas"]["InspectionRoundDto"] | null;
            /** @description 最近一次检查结论 / Last inspection outcome */
            lastOutcome: {
                [key: string]: unknown;
            } | null;
            /** @description 最后一条审计记录序号 / Sequence of the last recorded event */
            lastSequence: number;
            /** @description 可办理事项：按案件规则，当前调用者此刻可以办理的步骤（过去时点的状态为空）/ The steps the rules would let the caller take now (empty for a past state) */
            openSteps: ("enroll" | "submitPlan" | "reviewPlan" | "submitProgressReport" | "declareReady" | "submitSelfAssessment" | "assignAssessors" | "declareConflict" | "submitInspectionScores" | "submitRectification" | "recommend" | "recordJinhuaDecision" | "recordAnnualReview" | "revoke" | "withdraw" | "extendDeadline" | "urge")[];
            /** @description 期限待定：当前阶段的期限超出工作日历覆盖的年份，日历更新后自动设定，亦可由管理员设定 / Pending due date: beyond the working-day calendar; set once the calendar covers it, or by an administrator */
            pendingDeadline: {
                [key: string]: unknown;
            } | null;
            /**
             * @description 创建方案状态 / Creation plan status
             * @enum {string}
             */
            planStatus: "not_submitted" | "submitted" | "approved" | "returned";
            /** @description 进度报告数 / Progress reports filed */
            progressReports: number;
            /**
             * Format: date-time
             * @description 本答复截至的审计记录（序号 lastSequence）的记录时间：读自与审计记录同一事务更新的读模型，工作进程停止或 Temporal 重启时照常答复 / When the last recorded event (lastSequence) this answer reflects was recorded: read from the read model, written in the same transaction as the audit trail, so it answers while workers are down or Temporal restarts
             */
            recordedAt: string;
            /** @description 已用整改轮次 / Rectification rounds used */
            rectificationRounds: number;
            /** @description 自评总分 / Self-assessment total */
            selfAssessmentTotal: number | null;
            /**
             * @description 当前阶段 / Current stage
             * @enum {string}
             */
            stage: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            /**
             * @description 阶段名称 / Stage name
             * @example 培育 / Cultivation
             */
            stageName: string;
            /**
             * Format: uuid
             * @description 单位 / Unit id
             */
            unitId: string;
            /** @description 单位名称 / Unit name */
            unitName: string;
        };
        CaseStateAsOfDto: {
            /**
             * Format: date-time
             * @description 所查询的时间点 / The moment asked for
             */
            asOf: string;
            /** @description 检查组成员 / Assigned assessors */
            assessorIds: string[];
            /**
             * Format: uuid
             * @description 创建活动 / Campaign id
             */
            campaignId: string;
            /**
             * @description 案件标识（活动+单位）/ Case id (campaign + unit)
             * @example case:2b0f…:9c1e…
             */
            caseId: string;
            /**
             * @description 清廉建设领域 / Category
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /** @description 金华市级认定 / Certification */
            certification: {
                [key: string]: unknown;
            } | null;
            /** @description 须回避的检查组成员 / Assessors with a conflict */
            conflictedAssessorIds: string[];
            /** @description 期限 / Deadlines (YYYY-MM-DD) */
            deadlines: {
                [key: string]: string;
            };
            /** @description 当前检查轮次 / Current inspection round */
            inspection: components["schemas"]["InspectionRoundDto"] | null;
            /** @description 最近一次检查结论 / Last inspection outcome */
            lastOutcome: {
                [key: string]: unknown;
            } | null;
            /** @description 最后一条审计记录序号 / Sequence of the last recorded event */
            lastSequence: number;
            /** @description 可办理事项：按案件规则，当前调用者此刻可以办理的步骤（过去时点的状态为空）/ The steps the rules would let the caller take now (empty for a past state) */
            openSteps: ("enroll" | "submitPlan" | "reviewPlan" | "submitProgressReport" | "declareReady" | "submitSelfAssessment" | "assignAssessors" | "declareConflict" | "submitInspectionScores" | "submitRectification" | "recommend" | "recordJinhuaDecision" | "recordAnnualReview" | "revoke" | "withdraw" | "extendDeadline" | "urge")[];
            /** @description 期限待定：当前阶段的期限超出工作日历覆盖的年份，日历更新后自动设定，亦可由管理员设定 / Pending due date: beyond the working-day calendar; set once the calendar covers it, or by an administrator */
            pendingDeadline: {
                [key: string]: unknown;
            } | null;
            /**
             * @description 创建方案状态 / Creation plan status
             * @enum {string}
             */
            planStatus: "not_submitted" | "submitted" | "approved" | "returned";
            /** @description 进度报告数 / Progress reports filed */
            progressReports: number;
            /** @description 已用整改轮次 / Rectification rounds used */
            rectificationRounds: number;
            /** @description 自评总分 / Self-assessment total */
            selfAssessmentTotal: number | null;
            /**
             * @description 当前阶段 / Current stage
             * @enum {string}
             */
            stage: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            /**
             * @description 阶段名称 / Stage name
             * @example 培育 / Cultivation
             */
            stageName: string;
            /**
             * Format: uuid
             * @description 单位 / Unit id
             */
            unitId: string;
            /** @description 单位名称 / Unit name */
            unitName: string;
        };
        CaseStateDto: {
            /** @description 检查组成员 / Assigned assessors */
            assessorIds: string[];
            /**
             * Format: uuid
             * @description 创建活动 / Campaign id
             */
            campaignId: string;
            /**
             * @description 案件标识（活动+单位）/ Case id (campaign + unit)
             * @example case:2b0f…:9c1e…
             */
            caseId: string;
            /**
             * @description 清廉建设领域 / Category
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /** @description 金华市级认定 / Certification */
            certification: {
                [key: string]: unknown;
            } | null;
            /** @description 须回避的检查组成员 / Assessors with a conflict */
            conflictedAssessorIds: string[];
            /** @description 期限 / Deadlines (YYYY-MM-DD) */
            deadlines: {
                [key: string]: string;
            };
            /** @description 当前检查轮次 / Current inspection round */
            inspection: components["schemas"]["InspectionRoundDto"] | null;
            /** @description 最近一次检查结论 / Last inspection outcome */
            lastOutcome: {
                [key: string]: unknown;
            } | null;
            /** @description 最后一条审计记录序号 / Sequence of the last recorded event */
            lastSequence: number;
            /** @description 可办理事项：按案件规则，当前调用者此刻可以办理的步骤（过去时点的状态为空）/ The steps the rules would let the caller take now (empty for a past state) */
            openSteps: ("enroll" | "submitPlan" | "reviewPlan" | "submitProgressReport" | "declareReady" | "submitSelfAssessment" | "assignAssessors" | "declareConflict" | "submitInspectionScores" | "submitRectification" | "recommend" | "recordJinhuaDecision" | "recordAnnualReview" | "revoke" | "withdraw" | "extendDeadline" | "urge")[];
            /** @description 期限待定：当前阶段的期限超出工作日历覆盖的年份，日历更新后自动设定，亦可由管理员设定 / Pending due date: beyond the working-day calendar; set once the calendar covers it, or by an administrator */
            pendingDeadline: {
                [key: string]: unknown;
            } | null;
            /**
             * @description 创建方案状态 / Creation plan status
             * @enum {string}
             */
            planStatus: "not_submitted" | "submitted" | "approved" | "returned";
            /** @description 进度报告数 / Progress reports filed */
            progressReports: number;
            /** @description 已用整改轮次 / Rectification rounds used */
            rectificationRounds: number;
            /** @description 自评总分 / Self-assessment total */
            selfAssessmentTotal: number | null;
            /**
             * @description 当前阶段 / Current stage
             * @enum {string}
             */
            stage: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            /**
             * @description 阶段名称 / Stage name
             * @example 培育 / Cultivation
             */
            stageName: string;
            /**
             * Format: uuid
             * @description 单位 / Unit id
             */
            unitId: string;
            /** @description 单位名称 / Unit name */
            unitName: string;
        };
        CaseSummaryDto: {
            /** @description 检查组成员 / Assessors */
            assessorIds: string[];
            /** @description 创建活动 / Campaign id */
            campaignId: string;
            /** @description 案件标识 / Case id */
            caseId: string;
            /**
             * @description 领域 / Category
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /** @description 金华市级认定日期 YYYY-MM-DD / Certified on */
            certifiedOn: string | null;
            /** @description 期限 / Deadlines */
            deadlines: {
                [key: string]: string;
            };
            /** @description 认定文号 / Document number of the certification */
            documentNumber: string | null;
            /** @description 当前阶段的期限 YYYY-MM-DD（无期限或期限待定为 null）/ Due date of the current stage (null: none, or pending) */
            dueOn: string | null;
            /**
             * @description 期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status
             * @enum {string}
             */
            dueStatus: "overdue" | "due_soon" | "on_track" | "no_due_date";
            /**
             * @description 期限状态名称 / Due status in words
             * @example 临期 / Due soon
             */
            dueStatusName: string;
            /** @description 最近检查结论 / Last outcome */
            lastOutcome: {
                [key: string]: unknown;
            } | null;
            /**
             * @description 创建方案状态 / Plan status
             * @enum {string}
             */
            planStatus: "not_submitted" | "submitted" | "approved" | "returned";
            /**
             * @description 阶段 / Stage
             * @enum {string}
             */
            stage: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            /**
             * Format: date-time
             * @description 进入本阶段的时间 (UTC) / When the case entered its stage
             */
            stageEnteredAt: string | null;
            /** @description 阶段名称 / Stage name */
            stageName: string;
            /** @description 单位 / Unit id */
            unitId: string;
            /** @description 单位名称 / Unit name */
            unitName: string;
            /**
             * Format: date-time
             * @description 最后更新 (UTC) / Updated at
             */
            updatedAt: string;
            /** @description 距期限的工作日数，逾期为负 / Working days left until the due date, negative when overdue */
            workingDaysLeft: number | null;
        };
        CategoryStatisticsDto: {
            /** @description 各阶段案件数（仅列有案件的阶段）/ Cases per stage (stages with cases only) */
            byStage: {
                certified?: number;
                cultivation?: number;
                enrolled?: number;
                inspection?: number;
                not_certified?: number;
                not_recommended?: number;
                passed?: number;
                recommended?: number;
                rectification?: number;
                revoked?: number;
                self_assessment?: number;
                withdrawn?: number;
            };
            /** @description 获金华市级认定数 / Certified by Jinhua */
            certified: number;
            /** @description 目标数（活动设置）/ Target (campaign settings) */
            target: number | null;
            /** @description 案件数 / Cases */
            total: number;
        };
        CertificationRosterDto: {
            /**
             * Format: uuid
             * @description 创建活动 / Campaign id
             */
            campaignId: string;
            /** @description 活动名称 / Campaign name */
            campaignName: string;
            /** @description 按领域、认定日期、单位名称排序 / By category, then date, then unit name */
            items: components["schemas"]["CertifiedUnitDto"][];
            /** @description 认定单位数 / Units certified */
            total: number;
            /** @description 年度 / Year */
            year: number;
        };
        CertifiedUnitDto: {
            /** @description 案件标识 / Case id */
            caseId: string;
            /**
             * @description 领域 / Category
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /**
             * @description 领域名称 / Category name
             * @example 清廉村居 / Integrity village / community
             */
            categoryName: string;
            /**
             * Format: date
             * @description 认定日期 YYYY-MM-DD / Certified on
             */
            certifiedOn: string;
            /**
             * @description 认定文号 / Document number
             * @example 金纪〔2019〕12号
             */
            documentNumber: string;
            /**
             * Format: uuid
             * @description 单位 / Unit id
             */
            unitId: string;
            /** @description 单位名称 / Unit name */
            unitName: string;
        };
        ChangePasswordDto: {
            /**
             * Format: password
             * @description 当前口令 / Current password
             */
            currentPassword: string;
            /**
             * Format: password
             * @description 新口令（至少 12 个字符，可用长句）/ New password (12+ characters, passphrases welcome)
             */
            newPassword: string;
        };
        CheckpointProblemDto: {
            /** @description 案件或 account-events / Case id, or account-events */
            chain: string | null;
            /** @description 据以发现的检查点 / The checkpoint it is found against */
            checkpoint: number | null;
            /** @description 应为 / Expected */
            expected: string | null;
            /** @description 实际 / Found */
            found: string | null;
            /** @description 涉及的第一个序号 / First sequence concerned */
            fromSequence: number | null;
            /**
             * @description 问题 / What does not hold
             * @enum {string}
             */
            problem: "unreadable" | "signature" | "root" | "link" | "missing_from_store" | "overwritten" | "case_missing" | "events_missing" | "head_changed" | "chain_gap";
            /** @description 缺少该检查点的存储 / The store lacking it */
            store: string | null;
            /** @description 涉及的最后序号 / Last sequence concerned */
            toSequence: number | null;
        };
        CheckpointsReportDto: {
            /** @description 已读取的检查点数 / Checkpoints read */
            checkpointsChecked: number;
            /** @description 签名密钥 / Keys that signed them */
            keyIds: string[];
            /** @description 最新检查点 / Latest checkpoint */
            latest: components["schemas"]["CheckpointSummaryDto"] | null;
            /** @description 问题总数 / Problems in all */
            problemCount: number;
            /** @description 不成立的检查点，及其所记录而今已缺失或被改动之处（至多 1000 条）/ Checkpoints that do not hold, and what they covered that is gone or changed (at most 1,000) */
            problems: components["schemas"]["CheckpointProblemDto"][];
        };
        CheckpointSummaryDto: {
            /** @description 账户记录链的最后序号 / Last sequence of the account events */
            accountEvents: number;
            /** @description 案件数 / Cases covered */
            cases: number;
            /**
             * Format: date-time
             * @description 签名时间 (UTC) / Signed at
             */
            createdAt: string;
            /** @description 案件事件数 / Case events */
            events: number;
            /** @description 签名密钥标识（公钥 SPKI DER 的 SHA-256）/ Key id: SHA-256 of the public key’s SPKI DER */
            keyId: string;
            /** @description 检查点编号 / Checkpoint number */
            number: number;
            /** @description Merkle 根 / Merkle root (RFC 6962, hex) */
            root: string;
        };
        CodeVersionDto: {
            /** @description 源码提交（有 git 目录时）/ Source commit, when the checkout has its git folder */
            commit: string | null;
            /**
             * @description 程序版本（package.json）/ Release (package.json)
             * @example 0.1.0
             */
            version: string;
        };
        CreateAccountDto: {
            /**
             * @description 姓名 / Display name
             * @example 李华
             */
            displayName: string;
            /**
             * Format: password
             * @description 初始口令（至少 12 个字符，不在常见口令表中）/ Initial password (12+ characters, not a common one)
             */
            password: string;
            /**
             * @description 角色 / Role
             * @enum {string}
             */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor";
            /**
             * Format: uuid
             * @description 所属单位（联络人必填，其他角色不填）/ Unit (required for unit contacts, none for others)
             */
            unitId?: string;
            /**
             * @description 用户名：3–64 个字母、数字或 . _ @ -，不区分大小写 / Username: 3–64 letters, digits or . _ @ -, case-insensitive
             * @example li.hua
             */
            username: string;
        };
        CreateApiTokenDto: {
            /** @description 有效天数：至多 API_TOKEN_MAX_DAYS（默认 180）天；管理员角色必填，其他角色缺省为最长期限（见 GET /api/api-tokens/policy）/ Days until it expires: at most API_TOKEN_MAX_DAYS (180 by default); required for the administrator role, the longest allowed for others when absent (see GET /api/api-tokens/policy) */
            expiresInDays?: number;
            /**
             * @description 名称（用途）/ Name (what it is for)
             * @example 省平台数据同步
             */
            name: string;
            /**
             * @description 令牌的角色 / Role of the token
             * @enum {string}
             */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor";
            /**
             * Format: uuid
             * @description 所属单位（联络人角色必填）/ Unit (required for the unit contact role)
             */
            unitId?: string;
        };
        CreateCampaignDto: {
            /**
             * @description 各领域指标体系版本（缺省最新）/ Framework version per category (default latest)
             * @example {
             *       "village": "2019.1"
             *     }
             */
            frameworkVersions?: Record<string, never>;
            /**
             * @description 活动名称 / Campaign name
             * @example 2019年永康市清廉细胞示范点创建
             */
            name: string;
            /** @description 提醒与督办规则 / Reminder and escalation policy */
            reminderPolicy?: components["schemas"]["ReminderPolicyDto"];
            /**
             * @deprecated
             * @description 旧字段：各阶段时长（自然日），请改用 stageDurations / Legacy: stage durations in calendar days; use stageDurations
             * @example {
             *       "cultivation": 120
             *     }
             */
            stageDurationDays?: Record<string, never>;
            /**
             * @description 各阶段时限：自然日或工作日；到期日遇节假日顺延至下一工作日 / Stage durations in calendar or working days; a due date on a non-working day moves to the next working day
             * @example {
             *       "cultivation": {
             *         "days": 120,
             *         "unit": "calendar"
             *       },
             *       "self_assessment": {
             *         "days": 15,
             *         "unit": "working"
             *       },
             *       "rectification": {
             *         "days": 20,
             *         "unit": "working"
             *       }
             *     }
             */
            stageDurations?: components["schemas"]["StageDurationsDto"];
            /**
             * @description 各领域创建目标数 / Target count per category
             * @example {
             *       "agency": 3,
             *       "school": 8,
             *       "hospital": 3,
             *       "enterprise": 9,
             *       "village": 48
             *     }
             */
            targets?: Record<string, never>;
            /** @description 评定分数线（缺省 85/90/70，两轮整改）/ Thresholds (default 85/90/70, two rounds) */
            thresholds?: components["schemas"]["ThresholdsDto"];
            /**
             * @description 年度 / Campaign year
             * @example 2019
             */
            year: number;
        };
        CreatedApiTokenDto: {
            /**
             * @description 审计记录中的操作人 / Actor id in the audit trail
             * @example api-token:…
             */
            actorId: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description 失效时间（不晚于签发后 API_TOKEN_MAX_DAYS 天）/ When it stops working (at most API_TOKEN_MAX_DAYS after it was issued)
             */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            /** @description 令牌开头，便于辨认 / First characters, to tell tokens apart */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @enum {string} */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor";
            /**
             * @description 有效、已过期、已撤销，或已停用（签发它的账户已停用；账户恢复后令牌随之恢复）/ Active, expired, revoked, or suspended (the account that issued it is disabled; enabling the account brings it back)
             * @enum {string}
             */
            status: "active" | "expired" | "revoked" | "suspended";
            /** @description 令牌本身：只显示这一次 / The token itself: shown this once only */
            token: string;
            unitId: string | null;
        };
        CreateUnitDto: {
            /**
             * @description 清廉建设领域 / Category
             * @example hospital
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /**
             * @description 单位名称 / Unit name
             * @example 永康市第一人民医院
             */
            name: string;
            /**
             * @description 企业性质（仅企业）：民企或国企 / Enterprise ownership (enterprises only)
             * @enum {string}
             */
            ownership?: "private" | "state_owned";
        };
        DeclareConflictDto: {
            /** @description 须回避的检查组成员 / Assessor with a conflict */
            assessorId: string;
        };
        DependencyHealthDto: {
            /** @description 不可用的原因 / Why it is down */
            detail?: string;
            /** @enum {string} */
            status: "up" | "down";
        };
        DocumentDto: {
            /** @description 所属案件 / Case it belongs to */
            caseId: string;
            /**
             * Format: date-time
             * @description 上传时间 (UTC) / Uploaded at
             */
            createdAt: string;
            /**
             * @description 原文件名 / Original file name
             * @example 清廉医院创建方案.pdf
             */
            fileName: string;
            /**
             * Format: uuid
             * @description 文件标识（步骤中引用）/ Document id (what steps reference)
             */
            id: string;
            /**
             * @description 按内容识别的类型 / Media type, decided by the content
             * @example application/pdf
             */
            mediaType: string;
            /** @description 内容的 SHA-256 / SHA-256 of the content */
            sha256: string;
            /** @description 大小（字节）/ Size in bytes */
            size: number;
            /** @description 上传人 / Uploaded by (actor id) */
            uploadedBy: string;
        };
        DocumentProblemDto: {
            /** @description 案件 / Case id */
            caseId: string;
            /** @description 文件 / Document id */
            documentId: string;
            /** @description 事件记录的 SHA-256 / SHA-256 the event recorded */
            expected: string;
            /** @description 现存内容的 SHA-256 / SHA-256 of the bytes now stored */
            found: string | null;
            /** @description 文件名 / File name */
            name: string;
            /**
             * @description 问题：缺失或被改动 / Missing or altered
             * @enum {string}
             */
            problem: "missing" | "altered";
            /** @description 引用该文件的事件序号 / Sequence of the event referencing it */
            sequence: number;
        };
        DocumentsReportDto: {
            /** @description 已重新计算哈希的文件数 / Distinct files re-hashed */
            filesHashed: number;
            /** @description 问题总数 / Problems in all */
            problemCount: number;
            /** @description 缺失或被改动的文件引用（至多列出 1000 条）/ References to missing or altered files (at most 1,000 listed) */
            problems: components["schemas"]["DocumentProblemDto"][];
            /** @description 已校验的文件引用数 / References checked */
            referencesChecked: number;
        };
        DueStatusCountsDto: {
            /** @description 临期：剩余不超过 3 个工作日 / Due soon: 3 working days or fewer left */
            due_soon: number;
            /** @description 无期限 / No due date (the stage has none, or it is pending) */
            no_due_date: number;
            /** @description 正常 / On track */
            on_track: number;
            /** @description 逾期 / Overdue: the due date has passed */
            overdue: number;
        };
        /** @description 无需内容 / No fields */
        EmptyBody: Record<string, never>;
        EnrollmentFileDto: {
            /** @description 是否仅预览 / Preview only */
            dryRun: boolean;
            /**
             * @description CSV 的编码 / The CSV’s encoding
             * @enum {string|null}
             */
            encoding: "utf-8" | "gb18030" | null;
            /** @description 文件名 / File name */
            fileName: string;
            /**
             * @description 格式 / Format
             * @enum {string}
             */
            format: "csv" | "xlsx";
            /** @description 没有任何问题，可以导入 / Nothing wrong: the list can be imported */
            ok: boolean;
            /** @description 表头与整个文件的问题 / Problems of the header and the file as a whole */
            problems: components["schemas"]["SheetProblemDto"][];
            /** @description 导入结果（dryRun=false）/ What the import did (dryRun=false) */
            result: components["schemas"]["BatchEnrollmentResultDto"] | null;
            /** @description 每一行 / Every row */
            rows: components["schemas"]["EnrollmentPreviewRowDto"][];
            /** @description 文件的 SHA-256（导入时可作 sha256 参数）/ The file’s SHA-256 (pass it as sha256 to the import) */
            sha256: string;
            /** @description 所读工作表（XLSX）/ The worksheet read (XLSX) */
            sheetName: string | null;
            summary: components["schemas"]["EnrollmentPreviewSummaryDto"];
        };
        EnrollmentPreviewRowDto: {
            /** @description 案件标识 / Case id */
            caseId: string | null;
            /** @description 领域（识别出的代码，否则为原文）/ Category: its code when recognised, else as written */
            category: string;
            errors: components["schemas"]["SheetProblemDto"][];
            /** @description 单位名称 / Unit name, as read */
            name: string;
            /** @description 企业性质 / Ownership */
            ownership: string | null;
            /** @description 行号（与表格所示相同）/ Row as the spreadsheet shows it */
            row: number;
            /**
             * @description 新纳入、已纳入、有误 / To be enrolled, already enrolled, or bad
             * @enum {string}
             */
            status: "new" | "already_enrolled" | "invalid";
            /** @description 单位标识（同名同领域即同一单位）/ Unit id (same name and category = same unit) */
            unitId: string | null;
        };
        EnrollmentPreviewSummaryDto: {
            /** @description 此前已纳入 / Already enrolled */
            alreadyEnrolled: number;
            /** @description 有误 / Bad */
            bad: number;
            /** @description 单位行数（空行不计）/ Rows naming a unit (blank rows not counted) */
            rows: number;
            /** @description 可新纳入 / To be enrolled */
            valid: number;
        };
        EnrollUnitDto: {
            /**
             * Format: uuid
             * @description 要纳入培育的单位 / Unit to enroll
             */
            unitId: string;
        };
        ExtendDeadlineDto: {
            /**
             * @description 期限 / Which deadline
             * @enum {string}
             */
            deadline: "cultivation" | "self_assessment" | "inspection" | "rectification";
            /**
             * @description 新期限 YYYY-MM-DD / New due date
             * @example 2019-10-31
             */
            dueOn: string;
            /** @description 理由 / Reason */
            reason: string;
        };
        HealthChecksDto: {
            database: components["schemas"]["DependencyHealthDto"];
            temporal: components["schemas"]["DependencyHealthDto"];
        };
        HealthReportDto: {
            checks: components["schemas"]["HealthChecksDto"];
            /** @description 不可用的依赖 / The dependencies down */
            down: string[];
            /** @enum {string} */
            status: "ok" | "unavailable";
            /** @description 轮询案件任务队列的 worker 数 / Workers polling the case task queue */
            workers: number | null;
        };
        HealthStatusDto: {
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        InboxNotificationDto: {
            /** @description 正文 / Body */
            body: string;
            /** @description 相关案件 / Case it is about */
            caseId: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description 通知标识 / Notification id
             */
            id: string;
            /**
             * @description 通知类型 / Kind
             * @enum {string}
             */
            kind: "reminder_before_due" | "reminder_due_today" | "reminder_overdue" | "escalation" | "weekly_digest" | "progress_report_call" | "urge";
            /**
             * Format: date-time
             * @description 已读时间 / When it was read
             */
            readAt: string | null;
            /** @description 标题（中文 / English）/ Title (Chinese / English) */
            title: string;
        };
        InboxPageDto: {
            /** @description 最新在前 / Newest first */
            items: components["schemas"]["InboxNotificationDto"][];
            page: number;
            pageSize: number;
            /** @description 符合条件的总数 / Total matching */
            total: number;
        };
        InspectionRoundDto: {
            /** @description 检查轮次 / Inspection round */
            round: number;
            /** @description 已提交评分的检查组成员（评分在本轮结束前不公开）/ Assessors who have scored (scores stay hidden until the round concludes) */
            submittedBy: string[];
        };
        InspectionScoresDto: {
            /** @description 检查发现材料：已上传至本案件的文件编号 / Documents of the findings: ids of documents uploaded to this case */
            documentIds?: string[];
            /** @description 检查发现的问题 / Findings */
            findings?: string[];
            /** @description 各指标得分 / Scores per indicator */
            scores: components["schemas"]["ScoreDto"][];
            /** @description 发现的一票否决项编号 / Veto items found */
            vetoes?: string[];
        };
        JinhuaDecisionDto: {
            /** @description 是否认定 / Certified or not */
            certified: boolean;
            /**
             * @description 认定日期 YYYY-MM-DD / Date
             * @example 2019-12-20
             */
            certifiedOn?: string;
            /** @description 认定通知等文件：已上传至本案件的文件编号 / Jinhua's notice and other documents: ids of documents uploaded to this case */
            documentIds?: string[];
            /**
             * @description 认定文号（认定时必填）/ Document number (when certified)
             * @example 金纪〔2019〕12号
             */
            documentNumber?: string;
            /** @description 不予认定理由 / Reason when not certified */
            reason?: string;
        };
        LedgerQuery: {
            /**
             * Format: uuid
             * @description 创建活动 / Campaign id
             */
            campaignId?: string;
            /**
             * @description 领域 / Category
             * @enum {string}
             */
            category?: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /**
             * Format: date
             * @description 认定日期不早于 YYYY-MM-DD / Certified on or after
             * @example 2019-01-01
             */
            certifiedFrom?: string;
            /**
             * Format: date
             * @description 认定日期不晚于 YYYY-MM-DD / Certified on or before
             * @example 2019-12-31
             */
            certifiedTo?: string;
            /**
             * @description 期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status of the current stage (due_soon: at most 3 working days left)
             * @enum {string}
             */
            dueStatus?: "overdue" | "due_soon" | "on_track" | "no_due_date";
            /**
             * @description 未结束（true）或已结束（false）/ Open (true: not at a final stage) or closed (false)
             * @enum {string}
             */
            open?: "true" | "false";
            /**
             * @description 顺序 / Order
             * @default asc
             * @enum {string}
             */
            order: "asc" | "desc";
            /** @description 单位名称包含 / Unit name contains */
            q?: string;
            /**
             * @description 排序字段（dueOn、stageEnteredAt、certifiedOn 为空者排在最后）/ Sort by (cases without a dueOn, stageEnteredAt or certifiedOn last)
             * @default unitName
             * @enum {string}
             */
            sort: "unitName" | "updatedAt" | "stage" | "category" | "dueOn" | "stageEnteredAt" | "certifiedOn";
            /**
             * @description 阶段 / Stage
             * @enum {string}
             */
            stage?: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
        };
        LoginDto: {
            /**
             * Format: password
             * @description 口令 / Password
             */
            password: string;
            /**
             * @description 刷新令牌放在哪里：body（默认，接口客户端）或 cookie（浏览器：仅存于 HttpOnly Cookie，页面脚本读不到）/ Where the refresh token goes: body (default, api clients) or cookie (browsers: an HttpOnly cookie only, out of reach of script on the page)
             * @enum {string}
             */
            refreshTokenIn?: "body" | "cookie";
            /**
             * @description 用户名 / Username
             * @example office.admin
             */
            username: string;
        };
        LoginResultDto: {
            /** @description 访问令牌（短期）/ Access token (short-lived) */
            accessToken: string;
            /** Format: date-time */
            accessTokenExpiresAt: string;
            account: components["schemas"]["AccountDto"];
            /** @description 刷新令牌（可撤销，每次使用后更换；放在 Cookie 时不返回）/ Refresh token (revocable, replaced on each use; absent when kept in the cookie) */
            refreshToken?: string;
            /** Format: date-time */
            refreshTokenExpiresAt: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        MarkedReadDto: {
            /** @description 标为已读的条数 / Notifications marked read */
            marked: number;
        };
        MeDto: {
            /**
             * @description 认证方式 / How the request was authenticated
             * @enum {string}
             */
            authenticatedBy: "session" | "api-token";
            /** @description 操作人标识 / Actor id */
            id: string;
            /** @enum {string} */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor";
            unitId: string | null;
        };
        MonthlyCertificationsDto: {
            /** @description 当月认定数（按认定日期）/ Certifications dated in the month */
            count: number;
            /**
             * @description 月份 / Month (YYYY-MM)
             * @example 2019-12
             */
            month: string;
        };
        MyTaskDto: {
            /**
             * Format: uuid
             * @description 创建活动 / Campaign id
             */
            campaignId: string;
            /** @description 案件标识 / Case id */
            caseId: string;
            /**
             * @description 领域 / Category
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /** @description 当前阶段的期限 YYYY-MM-DD（无期限或期限待定为 null）/ Due date of the current stage (null: none, or pending) */
            dueOn: string | null;
            /**
             * @description 期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status (due_soon: at most 3 working days left)
             * @enum {string}
             */
            dueStatus: "overdue" | "due_soon" | "on_track" | "no_due_date";
            /**
             * @description 期限状态名称 / Due status in words
             * @example 临期 / Due soon
             */
            dueStatusName: string;
            /**
             * @description 待办事项 / What to do
             * @enum {string}
             */
            kind: "submit_plan" | "resubmit_plan" | "submit_progress_report" | "submit_self_assessment" | "submit_rectification" | "score_inspection" | "decide_certification" | "review_plan" | "assign_assessors" | "recommend";
            /**
             * @description 创建方案状态（returned 即已退回）/ Creation plan status (returned: it was sent back)
             * @enum {string}
             */
            planStatus: "not_submitted" | "submitted" | "approved" | "returned";
            /**
             * @description 当前阶段 / Current stage
             * @enum {string}
             */
            stage: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            /**
             * @description 阶段名称 / Stage name
             * @example 培育 / Cultivation
             */
            stageName: string;
            /**
             * @description 待办名称 / Title
             * @example 提交创建方案 / Submit the creation plan
             */
            title: string;
            /**
             * Format: uuid
             * @description 单位 / Unit id
             */
            unitId: string;
            /** @description 单位名称 / Unit name */
            unitName: string;
            /** @description 距期限的工作日数，逾期为负 / Working days left until the due date, negative when overdue */
            workingDaysLeft: number | null;
        };
        MyTaskListDto: {
            /**
             * @description 计算剩余工作日所用的日期 / The day working days were counted from
             * @example 2019-10-08
             */
            asOf: string;
            /** @description 按期限先后（无期限在后）、单位名称排序 / By due date (none last), then unit name */
            items: components["schemas"]["MyTaskDto"][];
            page: number;
            pageSize: number;
            /** @description 待办总数 / Total tasks */
            total: number;
        };
        NotificationPreferencesDto: {
            /**
             * Format: email
             * @description 邮箱地址 / Email address
             */
            emailAddress: string | null;
            /** @description 接收邮件通知 / Receive email */
            emailEnabled: boolean;
            /**
             * @description 站内通知：始终开启，不可关闭 / In-app notices: always on, cannot be turned off
             * @enum {boolean}
             */
            inApp: true;
            /** @description 群机器人：管理员——同时推送到市纪委工作群；单位联络人——推送到本单位工作群（本单位联络人全部关闭时才不推送） / Group chat: administrators — also post to the program office’s chat; unit contacts — post to the unit’s own chat (skipped only when every contact of the unit turned it off) */
            webhookEnabled: boolean;
        };
        PutUnitGroupChatDto: {
            /**
             * @description 加签密钥（SEC 开头；只写不读，任何应答都不返回）/ The 加签 signing secret (starts with SEC; write-only, never returned)
             * @example SEC…
             */
            secret: string;
            /**
             * @description 群机器人 Webhook 地址（生产环境须 https）/ The robot’s webhook URL (https in production)
             * @example https://oapi.dingtalk.com/robot/send?access_token=…
             */
            webhookUrl: string;
        };
        ReadModelProblemDto: {
            /** @description 案件 / Case id */
            caseId: string;
            /** @description 事件链最后序号 / Chain’s last sequence */
            chainLastSequence: number | null;
            /**
             * @description 问题 / What does not hold
             * @enum {string}
             */
            problem: "disagrees" | "no_record" | "no_events";
            /** @description case_record 的最后序号 / case_record’s last sequence */
            recordLastSequence: number | null;
        };
        ReadModelReportDto: {
            /** @description 已比对案件数 / Cases compared */
            casesChecked: number;
            /** @description 问题总数 / Problems in all */
            problemCount: number;
            /** @description 不一致之处（至多 1000 条）/ Disagreements (at most 1,000) */
            problems: components["schemas"]["ReadModelProblemDto"][];
        };
        RecommendDto: {
            /**
             * @description 推荐批次 / Batch
             * @example 2019-第一批
             */
            batch?: string;
        };
        RefreshDto: {
            /** @description 刷新令牌（qlr_…）；缺省时读取 Cookie / Refresh token (qlr_…); read from the cookie when absent */
            refreshToken?: string;
        };
        ReminderPolicyDto: {
            /**
             * @description 到期前第几个工作日提醒（缺省 [7, 1]）/ Remind this many working days before the due date (default [7, 1])
             * @example [
             *       7,
             *       1
             *     ]
             */
            beforeDueWorkingDays?: number[];
            /**
             * @description 逾期几个工作日后报市纪委督办（一次，缺省 3）/ Escalate to the program office once, this many working days overdue (default 3)
             * @example 3
             */
            escalateAfterWorkingDays?: number;
            /**
             * @description 到期当日提醒（缺省 是）/ Remind on the due day (default true)
             * @example true
             */
            onDueDay?: boolean;
            /**
             * @description 逾期后首个工作日提醒，此后每隔几个工作日再提醒；0 = 不重复（缺省 1）/ Overdue: remind on the first working day, then every N working days; 0 = no repeats (default 1)
             * @example 1
             */
            overdueEveryWorkingDays?: number;
            /**
             * @description 发送时刻，北京时间，仅工作日（缺省 09:00）/ Sending time, Asia/Shanghai, working days only (default 09:00)
             * @example 09:00
             */
            sendAt?: string;
        };
        ReportActorDto: {
            /** @description 账户或接口令牌标识 / Account or api-token id */
            id: string;
            /** @description 名称 / Name */
            name: string | null;
            /**
             * @description 角色 / Role
             * @enum {string}
             */
            role: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor" | "system";
        };
        ReportDto: {
            /** @description 附件：已上传至本案件的文件编号 / Documents: ids of documents uploaded to this case */
            documentIds?: string[];
            /**
             * @deprecated
             * @description （已弃用）旧版文本引用：文件编号按文件读取，其余文字作为备注记录，不对应任何文件 / (Deprecated) free-text references: a document id is read as that document, any other text is recorded as a note naming no file
             */
            documentRefs?: string[];
            /** @description 内容摘要 / Summary */
            summary: string;
        };
        ReviewPlanDto: {
            /** @description 通过（true）或退回（false）/ Approve (true) or return (false) */
            approve: boolean;
            /** @description 退回理由（退回时必填）/ Reason (required to return) */
            reason?: string;
        };
        RevokedSessionsDto: {
            /** @description 撤销的会话数 / Sessions revoked */
            revoked: number;
        };
        RevokeDto: {
            /** @description 理由 / Reason */
            reason: string;
        };
        SavedViewDto: {
            /** @description 显示的列 / Columns shown */
            columns: ("unitName" | "category" | "stage" | "planStatus" | "dueOn" | "dueStatus" | "workingDaysLeft" | "stageEnteredAt" | "certifiedOn" | "documentNumber" | "updatedAt" | "caseId")[];
            /** Format: date-time */
            createdAt: string;
            /** @description 是否本人的视图（可修改、删除）/ Yours: you may change or delete it */
            editable: boolean;
            /**
             * Format: uuid
             * @description 视图标识 / View id
             */
            id: string;
            /** @description 名称 / Name */
            name: string;
            /** @description 所有者（账户或接口令牌）/ Owner (account or api token) */
            ownerId: string;
            /** @description 所有者名称 / The owner’s name */
            ownerName: string | null;
            /** @description 台账查询 / The ledger query */
            query: components["schemas"]["LedgerQuery"];
            /**
             * @description 共享给的角色 / Shared with this role
             * @enum {string|null}
             */
            sharedWithRole: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor" | null;
            /** Format: date-time */
            updatedAt: string;
        };
        SavedViewInputDto: {
            /** @description 显示的列，按顺序 / The columns shown, in order. 列：unitName、category、stage、planStatus、dueOn、dueStatus、workingDaysLeft、stageEnteredAt、certifiedOn、documentNumber、updatedAt、caseId / Columns: unitName, category, stage, planStatus, dueOn, dueStatus, workingDaysLeft, stageEnteredAt, certifiedOn, documentNumber, updatedAt, caseId */
            columns: ("unitName" | "category" | "stage" | "planStatus" | "dueOn" | "dueStatus" | "workingDaysLeft" | "stageEnteredAt" | "certifiedOn" | "documentNumber" | "updatedAt" | "caseId")[];
            /**
             * @description 名称（至多 60 字，在本人的视图中唯一）/ Name (at most 60 characters, unique among your views)
             * @example 逾期的清廉村居
             */
            name: string;
            /** @description 台账查询：与 GET /api/cases 相同的筛选与排序 / The ledger query: the filters and order GET /api/cases takes */
            query: components["schemas"]["LedgerQuery"];
            /**
             * @description 共享给某一角色：该角色的每个账户都能看到，只读；null 或不填为不共享 / Shared with every account of this role, read-only for them; null or absent: not shared
             * @enum {string|null}
             */
            sharedWithRole?: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor" | null;
        };
        ScheduleDto: {
            /** @description cron 表达式（Asia/Shanghai）/ Cron expression (Asia/Shanghai) */
            cron: string;
            /** @description 定时任务标识 / Schedule id */
            id: string;
            name: components["schemas"]["BilingualNameDto"];
            /** @description 接下来的运行时间 / Next run times */
            nextRunsAt: string[];
            /** @description 暂停或恢复时的说明 / Note left when paused or resumed */
            note: string | null;
            /** @description 是否已暂停 / Whether it is paused */
            paused: boolean;
            /** @description 最近的运行 / Recent runs */
            recentRuns: components["schemas"]["ScheduleRunDto"][];
            /** @description 累计运行次数 / Runs so far */
            runsTotal: number;
            /** @example Asia/Shanghai */
            timezone: string;
            /** @description 运行的工作流类型 / Workflow type it runs */
            workflowType: string;
        };
        ScheduleNoteDto: {
            /** @description 说明（记入定时任务，至多 1000 字节，约 333 个汉字）/ Note kept on the schedule (at most 1000 bytes of UTF-8) */
            note?: string;
        };
        ScheduleRunDto: {
            runId: string;
            /**
             * Format: date-time
             * @description 计划时间 / When it was due
             */
            scheduledAt: string;
            /** @description 运行的工作流 / The workflow run */
            workflowId: string;
        };
        ScoreDto: {
            /** @description 佐证材料：已上传至本案件的文件编号 / Evidence: ids of documents uploaded to this case */
            documentIds?: string[];
            /** @description 佐证材料说明。（已弃用）旧版文本引用：文件编号按文件读取，其余文字作为备注记录，不对应任何文件 / (Deprecated) free-text references: a document id is read as that document, any other text is recorded as a note naming no file */
            evidence?: string[];
            /**
             * @description 指标编号 / Indicator code
             * @example VI-1.1
             */
            indicatorCode: string;
            /** @description 得分（0 至分值）/ Points (0 to the weight) */
            points: number;
        };
        ScoreSheetDto: {
            /** @description 各指标得分 / Scores per indicator */
            scores: components["schemas"]["ScoreDto"][];
            /** @description 发现的一票否决项编号 / Veto items found */
            vetoes?: string[];
        };
        SelectedCaseDto: {
            /** @description 案件 / Case id */
            caseId: string;
            /**
             * @description 阶段 / Stage
             * @enum {string}
             */
            stage: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            /** @description 单位名称 / Unit name */
            unitName: string;
        };
        SheetProblemDto: {
            /** @description 列（A、B…），整行的问题为 null / Column letter, null for the row as a whole */
            column: string | null;
            /**
             * @description 单位字段 / Field of the unit
             * @enum {string|null}
             */
            field: "name" | "category" | "ownership" | null;
            /** @description 该列表头 / The column’s header */
            header: string | null;
            /** @description 原因（英文）/ Why, in English */
            messageEn: string;
            /** @description 原因（中文）/ Why, in Chinese */
            messageZh: string;
            /** @description 行号（与表格所示相同，表头通常为第 1 行）/ Row as the spreadsheet shows it (the header is usually row 1) */
            row: number;
        };
        StageDurationDto: {
            /**
             * @description 天数 / Number of days
             * @example 15
             */
            days: number;
            /**
             * @description calendar = 自然日；working = 工作日（按国务院节假日安排，含调休）/ calendar days, or working days (public holidays and adjusted working weekends)
             * @enum {string}
             */
            unit: "calendar" | "working";
        };
        StageDurationsDto: {
            /** @description 培育期限（缺省 120 calendar）/ Cultivation (default 120 calendar) */
            cultivation?: components["schemas"]["StageDurationDto"];
            /** @description 检查验收期限（缺省 20 working）/ Inspection (default 20 working) */
            inspection?: components["schemas"]["StageDurationDto"];
            /** @description 整改期限（缺省 20 working）/ Rectification (default 20 working) */
            rectification?: components["schemas"]["StageDurationDto"];
            /** @description 自评期限（缺省 15 working）/ Self-assessment (default 15 working) */
            self_assessment?: components["schemas"]["StageDurationDto"];
        };
        StartBulkActionDto: {
            /** @description 确认时显示的案件数：所选案件数已变化时拒绝（409 SELECTION_CHANGED）/ The count the office confirmed: refused when the selection no longer has it */
            expectedCount: number;
            /** @description 所选案件 / Which cases */
            filter: components["schemas"]["BulkActionFilterDto"];
            /**
             * @description 操作：延长期限、催办、指派检查组 / The action: extend due dates, send a reminder now, assign assessors
             * @enum {string}
             */
            kind: "extend_deadline" | "urge" | "assign_assessors";
            /** @description 操作参数 / The action’s parameters */
            parameters: components["schemas"]["BulkActionParametersDto"];
        };
        ThresholdsDto: {
            /**
             * @description 优秀线 / Excellent threshold
             * @example 90
             */
            excellent?: number;
            /**
             * @description 最多整改轮次 / Maximum rectification rounds
             * @example 2
             */
            maxRectificationRounds?: number;
            /**
             * @description 合格线 / Pass threshold
             * @example 85
             */
            pass?: number;
            /**
             * @description 整改线：低于合格线但不低于此分可整改 / Rectification floor
             * @example 70
             */
            rectificationFloor?: number;
        };
        TimeInStageDto: {
            /** @description 已结束的停留次数 / Stays in the stage that have ended */
            completed: number;
            /** @description 平均天数 / Mean days */
            meanDays: number | null;
            /** @description 第 90 百分位天数（秩间线性插值）/ 90th percentile in days (interpolated between ranks) */
            p90Days: number | null;
        };
        TokensDto: {
            /** @description 访问令牌（短期）/ Access token (short-lived) */
            accessToken: string;
            /** Format: date-time */
            accessTokenExpiresAt: string;
            /** @description 刷新令牌（可撤销，每次使用后更换；放在 Cookie 时不返回）/ Refresh token (revocable, replaced on each use; absent when kept in the cookie) */
            refreshToken?: string;
            /** Format: date-time */
            refreshTokenExpiresAt: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        UnitDto: {
            /**
             * @description 清廉建设领域 / Category
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /**
             * Format: date-time
             * @description 创建时间 (UTC) / Created at
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description 单位标识 / Unit id
             */
            id: string;
            /** @description 单位名称 / Unit name */
            name: string;
            /**
             * @description 企业性质 / Enterprise ownership
             * @enum {string|null}
             */
            ownership: "private" | "state_owned" | null;
        };
        UnitGroupChatDto: {
            /** @description 是否已配置单位工作群机器人 / Whether the unit has a group-chat robot */
            configured: boolean;
            /**
             * @description Webhook 的主机（不含 access_token）/ The webhook’s host (never its access token)
             * @example oapi.dingtalk.com
             */
            host: string | null;
            /**
             * Format: uuid
             * @description 单位标识 / Unit id
             */
            unitId: string;
            /**
             * Format: date-time
             * @description 最后设置时间 (UTC) / When it was last set
             */
            updatedAt: string | null;
        };
        UnitPageDto: {
            items: components["schemas"]["UnitDto"][];
            page: number;
            pageSize: number;
            /** @description 符合条件的总数 / Total matching */
            total: number;
        };
        UnreadCountDto: {
            /** @description 未读通知数 / Unread notifications */
            unread: number;
        };
        UpdateCampaignDto: {
            /**
             * @description 各领域指标体系版本（缺省最新）/ Framework version per category (default latest)
             * @example {
             *       "village": "2019.1"
             *     }
             */
            frameworkVersions?: Record<string, never>;
            /**
             * @description 活动名称 / Campaign name
             * @example 2019年永康市清廉细胞示范点创建
             */
            name?: string;
            /** @description 提醒与督办规则 / Reminder and escalation policy */
            reminderPolicy?: components["schemas"]["ReminderPolicyDto"];
            /**
             * @deprecated
             * @description 旧字段：各阶段时长（自然日），请改用 stageDurations / Legacy: stage durations in calendar days; use stageDurations
             * @example {
             *       "cultivation": 120
             *     }
             */
            stageDurationDays?: Record<string, never>;
            /**
             * @description 各阶段时限：自然日或工作日；到期日遇节假日顺延至下一工作日 / Stage durations in calendar or working days; a due date on a non-working day moves to the next working day
             * @example {
             *       "cultivation": {
             *         "days": 120,
             *         "unit": "calendar"
             *       },
             *       "self_assessment": {
             *         "days": 15,
             *         "unit": "working"
             *       },
             *       "rectification": {
             *         "days": 20,
             *         "unit": "working"
             *       }
             *     }
             */
            stageDurations?: components["schemas"]["StageDurationsDto"];
            /**
             * @description 各领域创建目标数 / Target count per category
             * @example {
             *       "agency": 3,
             *       "school": 8,
             *       "hospital": 3,
             *       "enterprise": 9,
             *       "village": 48
             *     }
             */
            targets?: Record<string, never>;
            /** @description 评定分数线（缺省 85/90/70，两轮整改）/ Thresholds (default 85/90/70, two rounds) */
            thresholds?: components["schemas"]["ThresholdsDto"];
        };
        UpdateNotificationPreferencesDto: {
            /**
             * Format: email
             * @description 邮箱地址（null 清除）/ Email address (null clears it)
             */
            emailAddress?: string | null;
            /** @description 接收邮件通知 / Receive email */
            emailEnabled: boolean;
            /** @description 推送到工作群（管理员：市纪委工作群；单位联络人：本单位工作群）/ Post to the group chat (administrators: the program office’s; unit contacts: their unit’s) */
            webhookEnabled: boolean;
        };
        UploadDocumentDto: {
            /**
             * Format: binary
             * @description 文件（每次一个）/ The file (one per upload)
             */
            file: string;
        };
        UploadEnrollmentFileDto: {
            /**
             * Format: binary
             * @description 名单：CSV（UTF-8 或 GB 18030）或 XLSX（第一个工作表）；表头 单位名称/name、领域/category、企业性质/ownership（可有“序号”列） / The list: CSV (UTF-8 or GB 18030) or XLSX (its first sheet); headers 单位名称/name, 领域/category, 企业性质/ownership (a 序号 column is read past)
             */
            file: string;
        };
        UrgeDto: {
            /**
             * @description 催办附言 / A message to the unit
             * @example 请于本周内提交创建方案
             */
            message?: string;
        };
        VerificationScopeDto: {
            /** @description 只校验的案件；null 为全部 / The one case verified; null for all */
            caseId: string | null;
            /** @description 是否校验了文件 / Whether stored files were re-hashed */
            documents: boolean;
            /** @description 是否询问了工作流 / Whether the workflows were asked */
            workflows: boolean;
        };
        WaitingCaseDto: {
            /** @description 案件标识 / Case id */
            caseId: string;
            /**
             * @description 领域 / Category
             * @enum {string}
             */
            category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
            /** @description 在本阶段的天数：自进入之日（北京时间）至 asOf 的自然日数 / Days in the stage: calendar days from the day it entered (Asia/Shanghai) to asOf */
            daysInStage: number;
            /**
             * Format: date
             * @description 本阶段到期日 / The current stage’s due date (YYYY-MM-DD)
             */
            dueOn: string | null;
            /**
             * @description 当前阶段 / Current stage
             * @enum {string}
             */
            stage: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            /**
             * Format: date-time
             * @description 进入本阶段的时间 (UTC) / When it entered the stage
             */
            stageEnteredAt: string;
            /** @description 单位名称 / Unit name */
            unitName: string;
        };
        WithdrawDto: {
            /** @description 理由 / Reason */
            reason: string;
        };
        WorkflowProblemDto: {
            /** @description 案件 / Case id */
            caseId: string;
            /** @description 事件链最后序号 / Chain’s last sequence */
            chainLastSequence: number;
            /**
             * @description 问题 / What does not hold
             * @enum {string}
             */
            problem: "disagrees" | "missing";
            /** @description 工作流的最后序号 / The workflow’s last sequence */
            workflowLastSequence: number | null;
        };
        WorkflowsReportDto: {
            /** @description 已比对案件数 / Cases compared */
            casesChecked: number;
            /** @description 不能询问的原因 / Why it could not */
            error: string | null;
            /** @description 问题总数 / Problems in all */
            problemCount: number;
            /** @description 不一致之处（至多 1000 条）/ Disagreements (at most 1,000) */
            problems: components["schemas"]["WorkflowProblemDto"][];
            /** @description 能否询问 Temporal / Whether Temporal could be asked */
            reachable: boolean;
        };
        WorkingDaysDto: {
            /**
             * @description 日历覆盖年份与数据来源（各来源及其年份）/ Years the calendar covers, and where each run of years comes from
             * @example {
             *       "firstYear": 2004,
             *       "lastYear": 2027,
             *       "source": "chinese-days@1.5.7 (2004–2026); github.com/6tail/lunar-go@v1.4.7 (2027)",
             *       "sources": [
             *         {
             *           "source": "chinese-days@1.5.7",
             *           "firstYear": 2004,
             *           "lastYear": 2026
             *         },
             *         {
             *           "source": "github.com/6tail/lunar-go@v1.4.7",
             *           "firstYear": 2027,
             *           "lastYear": 2027
             *         }
             *       ]
             *     }
             */
            coverage: Record<string, never>;
            days: components["schemas"]["CalendarDayDto"][];
            /** @description 工作日数 / Working days in the range */
            workingDays: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AccountEventsController_list: {
        parameters: {
            query?: {
                /** @description 所涉账户 / The account it is about */
                accountId?: string;
                /** @description 起（含）：带时区的 ISO 时刻，或日期（北京时间当日 00:00 起）/ From (inclusive): an ISO instant with its offset, or a date (from 00:00 Asia/Shanghai) — 2019-10-08 或 / or 2019-10-08T09:30:00+08:00 */
                from?: string;
                /** @description 页码（从 1 起）/ Page (from 1) */
                page?: number;
                /** @description 每页条数 / Page size */
                pageSize?: number;
                /** @description 止（含）：带时区的 ISO 时刻，或日期（含北京时间当日全天）/ To (inclusive): an ISO instant with its offset, or a date (the whole day in Asia/Shanghai) — 2019-10-08 或 / or 2019-10-08T09:30:00+08:00 */
                to?: string;
                /** @description 记录类型 / Record type */
                type?: "AccountCreated" | "LoginSucceeded" | "LoginFailed" | "PasswordChangeFailed" | "AccountLocked" | "LoggedOut" | "SessionRefreshed" | "RefreshTokenReused" | "SessionsRevoked" | "AccountUnlocked" | "AccountDisabled" | "AccountEnabled" | "ApiTokenCreated" | "ApiTokenRevoked" | "CampaignUpdated" | "SchedulePaused" | "ScheduleResumed" | "ScheduleTriggered" | "UnitGroupChatSet" | "UnitGroupChatChanged" | "UnitGroupChatRemoved" | "BulkActionStarted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountEventPageDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountsController_list: {
        parameters: {
            query?: {
                role?: "administrator" | "assessor" | "unit_contact" | "jinhua_reviewer" | "auditor";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"][];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 用户名已被使用 / Username taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountsController_revokeSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedSessionsDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountsController_setStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountsController_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApiTokensController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenDto"][];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApiTokensController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiTokenDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApiTokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApiTokensController_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenPolicyDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_checkpointPublicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 公钥 / The public key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-pem-file": string;
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 尚无检查点，本进程也不知签名密钥 / No checkpoint yet, and this process does not know the signing key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_events: {
        parameters: {
            query?: {
                /** @description 操作人：账户标识、api-token:<标识> 或 system / Actor: account id, api-token:<id> or system */
                actorId?: string;
                /** @description 创建活动 / Campaign id */
                campaignId?: string;
                /** @description 案件 / Case id */
                caseId?: string;
                /** @description 起（含）：带时区的 ISO 时刻，或日期（北京时间当日 00:00 起）/ From (inclusive): an ISO instant with its offset, or a date (from 00:00 Asia/Shanghai) — 2019-10-08 或 / or 2019-10-08T09:30:00+08:00 */
                from?: string;
                /** @description 页码（从 1 起）/ Page (from 1) */
                page?: number;
                /** @description 每页条数 / Page size */
                pageSize?: number;
                /** @description 止（含）：带时区的 ISO 时刻，或日期（含北京时间当日全天）/ To (inclusive): an ISO instant with its offset, or a date (the whole day in Asia/Shanghai) — 2019-10-08 或 / or 2019-10-08T09:30:00+08:00 */
                to?: string;
                /** @description 事件类型 / Event type */
                type?: "CaseEnrolled" | "PlanSubmitted" | "PlanApproved" | "PlanReturned" | "ProgressReportSubmitted" | "ReadinessDeclared" | "SelfAssessmentSubmitted" | "AssessorsAssigned" | "ConflictDeclared" | "InspectionScoresSubmitted" | "InspectionConcluded" | "RectificationSubmitted" | "Recommended" | "Certified" | "NotCertified" | "AnnualReviewRecorded" | "Revoked" | "Withdrawn" | "DeadlineExtended" | "DeadlineSet" | "DeadlinePending" | "ReminderSent" | "ReminderFailed" | "ProgressReportCalled" | "ProgressReportCallFailed" | "UrgeSent";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /** @description 只校验此案件；缺省校验全部 / Verify this case only; all cases when omitted */
                caseId?: string;
                /** @description 同时重新计算审计记录所引用的每个文件的哈希 / Also re-hash every stored file the events reference */
                documents?: "true" | "false";
                /** @description 同时询问每个案件的工作流其最后序号（每个案件一次查询）/ Also ask each case’s workflow for its last sequence (one query per case) */
                workflows?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditReportDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_report: {
        parameters: {
            query?: {
                /** @description 只校验此案件；缺省校验全部 / Verify this case only; all cases when omitted */
                caseId?: string;
                /** @description 同时重新计算审计记录所引用的每个文件的哈希 / Also re-hash every stored file the events reference */
                documents?: "true" | "false";
                /** @description 同时询问每个案件的工作流其最后序号（每个案件一次查询）/ Also ask each case’s workflow for its last sequence (one query per case) */
                workflows?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerificationReportDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_verifyStream: {
        parameters: {
            query?: {
                /** @description 只校验此案件；缺省校验全部 / Verify this case only; all cases when omitted */
                caseId?: string;
                /** @description 同时重新计算审计记录所引用的每个文件的哈希 / Also re-hash every stored file the events reference */
                documents?: "true" | "false";
                /** @description 同时询问每个案件的工作流其最后序号（每个案件一次查询）/ Also ask each case’s workflow for its last sequence (one query per case) */
                workflows?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 进度行与最后的报告行 / Progress lines, then the report line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResultDto"];
                };
            };
            /** @description 用户名或口令错误 / Wrong username or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 请稍后再试 / Backoff or rate limit */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedSessionsDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
        };
    };
    BulkActionsController_list: {
        parameters: {
            query?: {
                /** @description 页码（从 1 起）/ Page (from 1) */
                page?: number;
                /** @description 每页条数 / Page size */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkActionListDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BulkActionsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartBulkActionDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkActionStartedDto"];
                };
            };
            /** @description 参数无效或所选案件过多 / Bad parameters, or too many cases */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SELECTION_CHANGED：所选案件数已与确认的不同 / The selection no longer has the count confirmed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BulkActionsController_get: {
        parameters: {
            query?: {
                /** @description 页码（从 1 起）/ Page (from 1) */
                page?: number;
                /** @description 每页条数 / Page size */
                pageSize?: number;
                /** @description 仅此结果 / Only this result */
                status?: "pending" | "succeeded" | "refused" | "failed";
            };
            header?: never;
            path: {
                /** @description 批量操作标识 / Bulk action id */
                bulkActionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkActionDetailDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 无此批量操作 / No such bulk action */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BulkActionsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkActionPreviewRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkActionPreviewDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_workingDays: {
        parameters: {
            query: {
                /** @description 起始日（含）/ First date (inclusive), YYYY-MM-DD */
                from: string;
                /** @description 截止日（含，至多 366 天）/ Last date (inclusive, at most 366 days) */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkingDaysDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_list: {
        parameters: {
            query?: {
                /** @description 年度 / Year */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"][];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description 设置无效（逐字段说明）/ Invalid settings (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 活动不存在 / No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 同一年度已有同名活动 / A campaign of that year already has this name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificationRosterController_roster: {
        parameters: {
            query?: {
                /** @description 格式：JSON 或 XLSX 文件 / As JSON, or as an XLSX file */
                format?: "json" | "xlsx";
            };
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificationRosterDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["CertificationRosterDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 活动不存在 / No such campaign */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_enroll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 该单位已在本活动中 / The unit is already enrolled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_enrollBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchEnrollDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchEnrollmentResultDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_enrollBatchCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        /** @description CSV：表头 name,category,ownership / header name,category,ownership */
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchEnrollmentResultDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_enrollBatchStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchEnrollDto"];
            };
        };
        responses: {
            /** @description 进度行与最后的结果行 / Progress lines, then the result line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_enrollFromFile: {
        parameters: {
            query?: {
                /** @description true（缺省）：只预览，不写入；false：导入预览所示的单位，任一行有误则不导入任何单位 / true (default): preview only, nothing written; false: import what the preview shows, nothing if any row is bad */
                dryRun?: "true" | "false";
                /** @description 预览所答的文件 SHA-256：给出时，导入的文件须与预览的相同，否则答 409 / The sha256 the preview answered: when given, a different file answers 409 */
                sha256?: string;
            };
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadEnrollmentFileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentFileDto"];
                };
            };
            /** @description 名单有误（dryRun=false），或文件无法读取 / The list has problems (dryRun=false), or the file cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 文件与预览时的不同（给出 sha256 时）/ Not the file previewed (with sha256) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 文件过大 / The file is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 不是 multipart，或不是 CSV / XLSX / Not multipart, or not CSV / XLSX */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_statistics: {
        parameters: {
            query?: {
                /** @description 以哪一天计算期限状态与在本阶段天数（默认北京时间今天；各项计数总是当前的）/ The day due standings and days in stage are counted from (default: today in Asia/Shanghai; the counts are always current) */
                asOf?: string;
            };
            header?: never;
            path: {
                campaignId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignStatisticsDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: {
                /** @description 以哪一天计算剩余工作日（默认北京时间今天）/ The day to count working days from (default: today in Asia/Shanghai) */
                asOf?: string;
                /** @description 创建活动 / Campaign id */
                campaignId?: string;
                /** @description 领域 / Category */
                category?: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
                /** @description 认定日期不早于 YYYY-MM-DD / Certified on or after */
                certifiedFrom?: string;
                /** @description 认定日期不晚于 YYYY-MM-DD / Certified on or before */
                certifiedTo?: string;
                /** @description 期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status of the current stage (due_soon: at most 3 working days left) */
                dueStatus?: "overdue" | "due_soon" | "on_track" | "no_due_date";
                /** @description 未结束（true）或已结束（false）/ Open (true: not at a final stage) or closed (false) */
                open?: "true" | "false";
                /** @description 顺序 / Order */
                order?: "asc" | "desc";
                /** @description 页码（从 1 起）/ Page (from 1) */
                page?: number;
                /** @description 每页条数 / Page size */
                pageSize?: number;
                /** @description 单位名称包含 / Unit name contains */
                q?: string;
                /** @description 排序字段（dueOn、stageEnteredAt、certifiedOn 为空者排在最后）/ Sort by (cases without a dueOn, stageEnteredAt or certifiedOn last) */
                sort?: "unitName" | "updatedAt" | "stage" | "category" | "dueOn" | "stageEnteredAt" | "certifiedOn";
                /** @description 阶段 / Stage */
                stage?: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseReadDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_annualReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnnualReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_assignAssessors: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignAssessorsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_declareConflict: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareConflictDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_extendDeadline: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendDeadlineDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_ofCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"][];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadDocumentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEventDto"][];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_inspectionScores: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionScoresDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_jinhuaDecision: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JinhuaDecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_submitPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_reviewPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewPlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_progressReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_declareReady: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmptyBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_recommend: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecommendDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_rectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_urge: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UrgeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_selfAssessment: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScoreSheetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_stateAsOf: {
        parameters: {
            query: {
                /** @description 时间点（ISO 8601）/ Moment (ISO 8601) */
                asOf: string;
            };
            header?: never;
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateAsOfDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit> */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 当前阶段不允许此操作 / The step is not allowed now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 幂等键已用于另一个请求 / The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasesController_exportCases: {
        parameters: {
            query?: {
                /** @description 以哪一天计算剩余工作日（默认北京时间今天）/ The day to count working days from (default: today in Asia/Shanghai) */
                asOf?: string;
                /** @description 创建活动 / Campaign id */
                campaignId?: string;
                /** @description 领域 / Category */
                category?: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
                /** @description 认定日期不早于 YYYY-MM-DD / Certified on or after */
                certifiedFrom?: string;
                /** @description 认定日期不晚于 YYYY-MM-DD / Certified on or before */
                certifiedTo?: string;
                /** @description 导出的列，以逗号分隔，按此顺序（默认全部）/ The columns, comma-separated, in this order (default: all): unitName, category, stage, planStatus, dueOn, dueStatus, workingDaysLeft, stageEnteredAt, certifiedOn, documentNumber, updatedAt, caseId */
                columns?: string;
                /** @description 期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status of the current stage (due_soon: at most 3 working days left) */
                dueStatus?: "overdue" | "due_soon" | "on_track" | "no_due_date";
                /** @description 文件格式 / File format */
                format?: "xlsx" | "csv";
                /** @description 未结束（true）或已结束（false）/ Open (true: not at a final stage) or closed (false) */
                open?: "true" | "false";
                /** @description 顺序 / Order */
                order?: "asc" | "desc";
                /** @description 单位名称包含 / Unit name contains */
                q?: string;
                /** @description 排序字段（dueOn、stageEnteredAt、certifiedOn 为空者排在最后）/ Sort by (cases without a dueOn, stageEnteredAt or certifiedOn last) */
                sort?: "unitName" | "updatedAt" | "stage" | "category" | "dueOn" | "stageEnteredAt" | "certifiedOn";
                /** @description 阶段 / Stage */
                stage?: "enrolled" | "cultivation" | "self_assessment" | "inspection" | "rectification" | "passed" | "recommended" | "certified" | "not_certified" | "not_recommended" | "revoked" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 / The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 案件不存在 / Case not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_download: {
        parameters: {
            query?: {
                /** @description 在浏览器中预览（仅图片与 PDF，受沙箱限制）/ Preview in the browser (images and PDF only, sandboxed) */
                inline?: "true" | "false";
            };
            header?: never;
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件内容 / The content */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 文件不存在或不在您的范围内 / No such document, or outside your scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FrameworksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FrameworksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                category: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description IndicatorFramework */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 全部可用 / All dependencies up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatusDto"] | components["schemas"]["HealthReportDto"];
                };
            };
            /** @description 有依赖不可用 / A dependency is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatusDto"] | components["schemas"]["HealthReportDto"];
                };
            };
        };
    };
    InboxController_list: {
        parameters: {
            query?: {
                /** @description 页码（从 1 起）/ Page (from 1) */
                page?: number;
                /** @description 每页条数 / Page size */
                pageSize?: number;
                /** @description 仅未读 / Unread only */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPageDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InboxController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxNotificationDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 通知不存在 / No such notice in your inbox */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InboxController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedReadDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InboxController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationPreferencesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationPreferencesController_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationPreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyTasksController_list: {
        parameters: {
            query?: {
                /** @description 以哪一天计算剩余工作日（默认北京时间今天）/ The day to count working days from (default: today in Asia/Shanghai) */
                asOf?: string;
                /** @description 页码（从 1 起）/ Page (from 1) */
                page?: number;
                /** @description 每页条数 / Page size */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyTaskListDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetricsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SavedViewsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedViewDto"][];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SavedViewsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedViewInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedViewDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SavedViewsController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                viewId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedViewInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedViewDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description 共享给您所属角色的视图只读 / A view shared with your role is read-only
             *
             *     角色无此权限 / The role may not do this
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 视图不存在或不是您的 / No such view of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SavedViewsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                viewId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已删除 / Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description 共享给您所属角色的视图只读 / A view shared with your role is read-only
             *
             *     角色无此权限 / The role may not do this
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 视图不存在或不是您的 / No such view of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SchedulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleDto"][];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SchedulesController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 定时任务标识 / Schedule id */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 无此定时任务 / No such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SchedulesController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 定时任务标识 / Schedule id */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 无此定时任务 / No such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SchedulesController_trigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 定时任务标识 / Schedule id */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 无此定时任务 / No such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: {
                /** @description 创建活动：只列出已纳入该活动的单位（enrolled=false 时为未纳入的）/ Campaign: only units enrolled in it (with enrolled=false: not enrolled in it) */
                campaignId?: string;
                /** @description 领域 / Category */
                category?: "agency" | "village" | "school" | "hospital" | "enterprise" | "culture";
                /** @description 是否已纳入 campaignId 所指的活动（缺省 true）；不给 campaignId 时指任一活动 / Enrolled in the campaign campaignId names (default true); without campaignId: in any campaign */
                enrolled?: "true" | "false";
                /** @description 顺序 / Order */
                order?: "asc" | "desc";
                /** @description 页码（从 1 起）/ Page (from 1) */
                page?: number;
                /** @description 每页条数 / Page size */
                pageSize?: number;
                /** @description 单位名称包含 / Name contains */
                q?: string;
                /** @description 排序字段 / Sort by */
                sort?: "name" | "category" | "createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitPageDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 单位不存在，或不是您所属的单位 / No such unit, or not your own unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_groupChat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitGroupChatDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 单位不存在，或不是您所属的单位 / No such unit, or not your own unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_setGroupChat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutUnitGroupChatDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitGroupChatDto"];
                };
            };
            /** @description 地址或密钥无效（逐字段说明）/ Invalid URL or secret (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 单位不存在，或不是您所属的单位 / No such unit, or not your own unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_removeGroupChat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitGroupChatDto"];
                };
            };
            /** @description 未登录或令牌无效 / Not logged in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色无此权限 / The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 单位不存在，或不是您所属的单位 / No such unit, or not your own unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
