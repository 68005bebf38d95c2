/**
 * The core's message catalogue: errors the core raises (as a code and parameters), completeness issues and
 * other text the core writes for people, in zh-CN and English. The renderer loads the same objects into
 * i18next (namespace key `core.*`), the CLI and exports render them with `formatMessage`; a unit test checks
 * both languages have the same keys. Parameters are written `{{name}}` (i18next's syntax).
 *
 * One file on purpose (issue #16: over 500 lines): a catalogue, read and kept in step as a whole with its English half.
 */
import { DomainError, type ErrorCode, type ErrorIssue } from './errors';

export const coreMessagesZh = {
  profile: {
    duplicate: '已存在同名同角色的身份：{{name}}',
    sameAsTrustedSupervisor: '本机已信任一位主管“{{name}}”（指纹 {{fingerprint}}）。新建同名同角色的本机身份需要明确确认：它是另一个人，它的记录在别的电脑上不会被当作“{{name}}”的记录',
    sameAsTrustedManager: '本机已信任一位客户经理“{{name}}”（指纹 {{fingerprint}}）。新建同名同角色的本机身份需要明确确认：它是另一个人，它的记录在别的电脑上不会被当作“{{name}}”的记录',
    notFound: '找不到该用户身份',
    required: '请先选择或创建一个用户身份',
    missing: '当前用户身份不存在，请重新选择',
    managerOnly: '只有客户经理可以执行此操作',
    supervisorOnly: '只有主管可以执行此操作',
  },
  roles: { manager: '客户经理', supervisor: '主管' },
  api: {
    unknownChannel: '未知的接口：{{channel}}',
    badInput: '输入不正确：{{details}}',
    badOutput: '内部错误：返回数据不符合接口定义',
    internal: '内部错误：{{details}}',
  },
  report: {
    savedBeforeMove: '文稿已在别处保存过，请刷新后再换用新版本',
    notFound: '找不到该文稿，可能已被删除',
    templateVersionMissing: '找不到文稿所用的模板版本：{{templateId}} v{{version}}',
    templateNotFound: '找不到该模板',
    badMetadata: '基本信息不符合模板',
    badContent: '文稿内容不符合模板',
    notAuthor: '只能修改自己撰写的文稿',
    notEditable: '文稿已提交或已通过，不能再修改',
    deleteOnlyDraft: '只有未提交过的草稿可以删除',
    deleteHasLog: '这篇文稿已有审阅记录（提交或撤回过），不能删除',
    changedElsewhere: '文稿已在别处被修改（另一个窗口或导入），请比较两个版本后再保存',
    overlap: '另一个窗口也修改了同一部分（{{parts}}），请选择保留哪一个版本',
    changedBeforeDelete: '文稿已在别处被修改，请刷新后再删除',
    duplicateId: '已存在相同编号的文稿',
  },
  submit: {
    notAuthor: '只能提交自己撰写的文稿',
    alreadySubmitted: '文稿已提交或已通过，不能重复提交',
    stale: '文稿已在别处被修改，请刷新后再提交',
    incomplete: '还有 {{count}} 项未完成，不能提交：{{list}}',
  },
  withdraw: {
    notAuthor: '只能撤回自己提交的文稿',
    notSubmitted: '只有已提交、尚未审阅的文稿可以撤回',
    opened: '主管已打开这篇文稿，不能再撤回；如需修改请联系主管退回',
  },
  review: {
    notSubmitted: '只能审阅已提交的文稿',
    unknownGrade: '未知的等级：{{grade}}（可选：{{options}}）',
    unknownGradeShort: '未知的等级',
    reasonRequired: '评定为“{{grade}}”时必须说明理由',
    fillReason: '请填写理由',
    reopenOnlyApproved: '只有已通过的文稿可以重新打开',
    noSection: '文稿没有此章节：{{sectionId}}',
    sectionMissing: '章节不存在',
    notText: '“{{section}}”不是文字章节',
    notTextShort: '不是文字章节',
    quoteGone: '所选文字在该版本中不存在（可能已被修改），请重新选择',
    quoteGoneShort: '所选文字不存在',
    noRow: '表格“{{section}}”中没有该行',
    noRowShort: '行不存在',
    noColumn: '表格“{{section}}”中没有“{{column}}”列',
    noColumnShort: '列不存在',
    draftNoComment: '文稿尚未提交，不能点评',
    commentNotFound: '找不到该点评',
    ownCommentOnly: '只能修改或撤回自己的点评',
    commentRetracted: '该点评已撤回',
    commentRetractedNoReply: '该点评已撤回，不能回复',
    replyOwnOnly: '只能回复自己文稿上的点评',
    handleOwnOnly: '只能处理自己文稿上的点评',
    alreadyFixed: '该点评已标记为已整改',
    alreadyResolved: '该点评已确认解决',
    notFixedYet: '该点评尚未整改，无需重新打开',
    reopenReason: '重新打开点评时请说明原因',
    fillCause: '请填写原因',
    revisionNotFound: '找不到第 {{revision}} 次提交的版本',
  },
  completeness: {
    metadata: '基本信息“{{label}}”未填写',
    emptySection: '“{{section}}”未填写',
    tooShort: '“{{section}}”仅 {{length}} 字，至少需要 {{min}} 字',
    placeholder: '“{{section}}”中还有未替换的占位符',
    blanks: '“{{section}}”中还有 {{count}} 处“（ ）”空白未填写',
    emptyTable: '表格“{{section}}”没有数据',
    tableRows: '表格“{{section}}”至少需要 {{needed}} 行数据，现有 {{filled}} 行',
    emptyField: '“{{section}}”的“{{field}}”未填写',
  },
  template: {
    builtInReadOnly: '内置模板为只读，请先复制一份再修改',
    versionExists: '模板版本已存在：v{{version}}',
    publisherOnly: '“{{name}}”由主管 {{publisher}} 发布，只有发布人可以发布新版本；如需修改请复制一份',
    changedBeforeSave: '模板已被修改为 v{{version}}，请刷新后再保存',
    retired: '“{{name}}”已停用',
    changedBeforeAct: '模板已被修改为 v{{version}}，请刷新后再操作',
    importBuiltIn: '“{{name}}”是内置模板，不能通过导入替换；请导入其副本',
    fileSyntax: '{{file}} 第 {{line}} 行第 {{column}} 列：{{what}}',
    fileNotTemplate: '{{file}} 不是报告台模板文件（缺少 "format": "{{format}}"）',
    fileTooNew: '{{file}} 由较新版本的报告台导出（模板文件格式 {{version}}），本机的报告台只认识格式 {{supported}} 及以前的：请先升级报告台再导入',
    fileVersion: '{{file}} 的格式版本 {{version}} 不受支持（支持 1 到 {{supported}}）',
    fileInvalid: '{{file}} 内容有误：{{details}}',
    retiredNoNew: '模板“{{name}}”已停用，不能再新建文稿',
    versionNotFound: '找不到模板“{{name}}”的 v{{version}}',
    versionRetired: '“{{name}}” v{{version}} 已停用，不能换用',
    onlyNewer: '文稿已使用 v{{version}}，只能换用更新的版本',
    contentDoesNotFit: '文稿内容无法放入新版本',
    carryColumn: '“{{section}}”的基于上期对应关系引用了不存在或自动计算的列：{{column}}',
  },
  calendar: {
    badDate: '日期格式应为 YYYY-MM-DD：{{date}}',
    both: '{{date}} 不能同时是节假日和调休工作日',
    supervisorOnly: '只有主管可以修改办公日历',
  },
  parts: {
    metadata: '基本信息“{{field}}”',
    section: '“{{section}}”',
    row: '“{{section}}”第 {{row}} 行',
  },
  session: {
    notActive: '这个窗口当前的身份是“{{active}}”，请求却要以另一个身份操作，已拒绝。要换身份，请用「切换身份」重新选择（主管需要输入口令）',
    noneActive: '这个窗口还没有选择身份，请求却要以某个身份操作，已拒绝。请先选择身份（主管需要输入口令）',
    passphraseSupervisorOnly: '只有主管身份的签名密钥有口令，客户经理不需要修改口令',
    passphraseTooShort: '新口令至少 {{minimum}} 个字符',
    passphraseRepeat: '两次输入的新口令不一致',
    passphraseSame: '新口令与原口令相同，请换一个',
    passphraseNotSet: '主管身份“{{name}}”的密钥还没有口令保护：请先在切换身份时设置口令',
    passphraseWrong: '原口令不正确，口令没有修改',
  },
  export: {
    meetingNothingChosen: '请选择要带到会上的文稿，或指定期间以选取标记为“会上表扬/会上讲评”的文稿',
    meetingNothingChosenShort: '请指定期间或选择文稿',
    meetingNoneFlagged: '{{period}}没有标记为“会上表扬”或“会上讲评”的文稿，请改选期间或手动选择文稿',
    meetingNoneFlaggedShort: '没有符合条件的文稿',
    tooMany: '已有 {{running}} 个导出正在进行，请等其完成或取消后再试',
    notFinished: '导出尚未完成，请稍候',
    cancelled: '导出已取消，没有生成文件',
    failed: '导出失败',
    jobNotFound: '找不到该导出任务（可能已完成并取走，或已过期）',
    failedWith: '导出失败：{{details}}',
    openDesktopOnly: '只有桌面版可以直接打开导出的文件。浏览器模式下文件已作为下载交给浏览器，请在浏览器的下载列表中打开',
    saveDesktopOnly: '只有桌面版由程序直接保存导出的文件；浏览器模式下文件作为下载交给浏览器',
    openFailed: '无法打开文件 {{path}}：{{problem}}',
    openNotSaved: '只能打开本次运行中通过“保存”对话框保存的导出文件',
  },
  xlsxImport: {
    notXlsx: '只能导入 .xlsx 文件（Excel 2007 及以上）；“{{file}}”不是。旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx',
    tooLarge: '文件过大（{{size}} MB），上限为 10 MB',
    notExcel: '“{{file}}”不是有效的 Excel 文件（文件已损坏或只是改了扩展名）',
    unreadable: '无法读取“{{file}}”：{{reason}}',
    rowsCut: '工作表“{{sheet}}”超过 {{limit}} 行的上限：只导入了前 {{kept}} 行，其余的行没有导入。请把表格拆成几个文件分别导入',
    columnsCut: '工作表“{{sheet}}”超过 {{limit}} 列的上限：第 {{limit}} 列之后的列没有读取',
    sheetsCut: '工作簿超过 {{limit}} 个工作表的上限：只读取了前 {{limit}} 个工作表，其余的没有读取',
  },
  backup: {
    notHere: '此处不能备份或恢复数据',
  },
  cli: {
    passphraseFile: '无法读取口令文件 {{file}}：{{reason}}',
    newPassphraseNeeded: '请提供新口令：--new-passphrase-file <文件>、环境变量 REPORTDESK_NEW_PASSPHRASE，或在终端输入',
    currentPassphraseNeeded: '请提供原口令：--passphrase-file <文件>、环境变量 REPORTDESK_PASSPHRASE，或在终端输入',
    profileNotFound: '找不到身份：{{name}}（可用：{{known}}）',
    chooseProfile: '请用 --as <身份名称> 指定以谁的身份执行（npm run cli -- profiles 可列出身份）',
    showUsage: '用法：show <文稿编号>',
    unknownCommand: '未知命令：{{command}}',
    unexpected: '出错了：{{details}}',
    exportUsage: '用法：export <文稿编号> | export register | export meeting-pack（npm run cli -- help 查看参数）',
    managerNotFound: '找不到客户经理：{{name}}',
    badOptions: '参数不正确：{{details}}',
    supervisorNotFound: '找不到主管：{{name}}（已知：{{known}}）',
    supervisorNoneKnown: '找不到主管：{{name}}（已知：无，需先导入过其审阅包）',
    managerNotOnRoster: '找不到客户经理：{{name}}（名单：{{roster}}）',
    cannotRead: '无法读取文件：{{file}}（{{reason}}）',
  },
  store: {
    badId: '编号格式不正确：{{id}}',
    bulkNotEmpty: '批量写入只能用于空的数据文件夹',
    revisionExists: '第 {{revision}} 次提交的版本已存在，不能覆盖',
    bulkNotEmptyAt: '批量写入只能用于空的数据文件夹：{{folder}}',
    openHere: '数据文件夹已被本程序打开：{{folder}}。请先关闭它。',
    openElsewherePid: '数据文件夹正被另一个报告台程序使用（进程 {{pid}}）：{{folder}}。请先关闭它。',
    openElsewhere: '数据文件夹正被另一个报告台程序使用：{{folder}}。请先关闭它。',
    lockLost: '数据文件夹的锁文件（.lock）被删除或被另一个程序替换：{{folder}}。为防止两个程序同时写入同一文件夹，本程序已停止保存。请关闭所有报告台窗口后重新打开。',
  },
  key: {
    passphraseShort: '口令至少 {{minimum}} 个字符',
    pairMismatch: '密钥文件 keys/{{profileId}}.json 中的公钥与私钥不匹配，文件被改动过',
    damaged: '密钥文件已损坏：keys/{{profileId}}.json（{{reason}}）。请从备份中恢复该文件；不要删除它，否则别人将无法验证你的文件。',
    sealedByOs: '“{{profileId}}”的密钥由桌面程序通过操作系统的密钥库保护，只能在这台电脑的桌面程序中使用',
    unsealFailed: '无法用本机操作系统的密钥库解开 keys/{{profileId}}.json：该文件可能来自另一台电脑或另一个系统账户',
    none: '该身份还没有密钥，请先设置口令',
    notProtected: '该身份的密钥没有口令保护，请先设置口令',
    wrongPassphrase: '口令不正确',
    wrongCurrent: '原口令不正确',
    locked: '该身份的密钥已加锁：请先输入口令解锁（切换身份时输入，命令行用 --passphrase-file 或环境变量 REPORTDESK_PASSPHRASE）',
    supervisorLocked: '主管身份“{{name}}”的签名密钥已加锁：请输入口令解锁（命令行：--passphrase-file 或环境变量 REPORTDESK_PASSPHRASE）',
    supervisorUnprotected: '主管身份“{{name}}”的签名密钥还没有口令保护：请先设置口令（至少 {{minimum}} 个字符）',
    supervisorNeedsPassphrase: '主管身份需要一个至少 {{minimum}} 个字符的口令，用来保护签名密钥',
  },
  exchange: {
    noPublicKey: '缺少“{{profileId}}”的公钥，无法导出其记录',
    unsignedRecord: '记录 {{id}} 没有签名，且作者不是本机身份',
    unknownSupervisor: '找不到该主管：只能选择本机已收到过其审阅包的主管',
    chooseDocuments: '请选择要导出的文稿，或选择“自上次导出以来的全部新内容”（二选一）',
    chooseDocumentsShort: '请选择文稿',
    notYourDocument: '找不到你的文稿：{{id}}',
    neverSubmitted: '“{{title}}”尚未提交过，不能导出（只有提交过的版本可以发给主管）',
    neverSubmittedShort: '尚未提交',
    nothingNewFor: '自上次导出给“{{name}}”以来没有新的提交或回复，无需导出',
    nothingNew: '自上次导出以来没有新的提交或回复，无需导出',
    managerNotFound: '找不到该客户经理',
    noReviewsForManager: '该客户经理还没有已提交的文稿，没有可导出的审阅记录',
    noReviews: '还没有已提交的文稿，没有可导出的审阅记录',
  },
  settings: {
    gradesSupervisorOnly: '只有主管可以修改评定等级',
    insightSupervisorOnly: '只有主管可以修改雷同阈值和统计目标',
    stockRangeSupervisorOnly: '只有主管可以修改存销比合理区间',
  },
  insight: {
    notSubmitted: '文稿尚未提交，没有雷同检测结果',
    badPeriod: '统计期间应为月份，例如 2026-11',
    badPeriodShort: '应为 YYYY-MM',
    notTable: '“{{section}}”不是表格章节',
    notTableShort: '不是表格章节',
  },
  sync: {
    notEnabled: '本程序未启用同步功能',
  },
  demo: {
    missing: '未找到示例数据（seeds/demo）',
    templateMissing: '示例数据引用了不存在的模板：{{templateId}}',
  },
  exchangePackage: {
    badBase64: '文件内容在传送时损坏（不是有效的 base64 编码），请重新选择文件',
    entryNotJson: '交换包中的“{{name}}”不是有效的 JSON 文件',
    badId: '“{{file}}”中的编号“{{id}}”格式不正确（只能用字母、数字、“-”和“_”）',
    noManifest: '这不是报告台交换包：缺少清单文件 manifest.json',
    manifestNotJson: '交换包的清单 manifest.json 已损坏（不是有效的 JSON）',
    notExchange: '这不是报告台交换包：清单中的格式标识不是“reportdesk-exchange”',
    formatTooNew: '交换包的格式版本是 {{version}}，本程序只能读取版本 {{supported}}：请先升级报告台再导入',
    formatUnsupported: '交换包的格式版本“{{version}}”不受支持（本程序读取版本 {{supported}}）',
    manifestInvalid: '交换包的清单 manifest.json 内容不符合格式：{{details}}',
    noSignature: '交换包没有签名（缺少 signature.json），无法确认是谁发出的',
    signatureInvalid: '交换包的签名文件 signature.json 格式不正确或签名人不是发件人',
    badSignature: '交换包的签名无效：清单在签名之后被改动过，或并非由发件人“{{sender}}”签名',
    duplicateListing: '清单中“{{path}}”登记了不止一次',
    missingEntry: '清单中列出的“{{path}}”不在交换包中（文件不完整）',
    unlistedEntry: '交换包中的“{{name}}”没有列在清单中（可能是后来被加进去的）',
    sizeMismatch: '“{{name}}”的大小（{{size}} 字节）与清单中登记的（{{listed}} 字节）不符',
    hashMismatch: '“{{name}}”的内容与清单中的 sha256 校验值不符（文件在传输中损坏或被改动）',
    duplicatePerson: '清单中的身份“{{name}}”（{{profileId}}）出现了两次',
    senderNotListed: '交换包的清单不一致：发件人不在身份列表中，或其密钥与身份列表中的不同',
    templateInvalid: '“{{name}}”的内容不符合模板格式：{{details}}',
    templateMismatch: '“{{name}}”的内容与文件名不符（其中是模板 {{templateId}} v{{version}}）',
    reportInvalid: '“{{name}}”的内容不符合文稿格式：{{details}}',
    reportMismatch: '“{{name}}”的内容与文件名不符（其中是文稿 {{docId}} 的第 {{revision}} 版）',
    recordsInvalid: '“{{name}}”的内容不符合审阅记录格式：{{details}}',
    recordElsewhere: '“{{name}}”中的记录 {{id}} 属于另一篇文稿（{{docId}}）',
    duplicateRecord: '记录编号“{{id}}”在交换包中出现了不止一次',
    unknownEntry: '交换包中有无法识别的文件“{{name}}”',
    noRecordsFile: '文稿 {{docId}} 有提交的版本，却没有审阅记录文件（records/{{docId}}.json）',
    noRevisions: '文稿 {{docId}} 有审阅记录，却没有任何提交的版本',
    authorsDiffer: '文稿 {{docId}} 的各个版本作者不一致',
    unknownAuthor: '记录 {{id}} 的作者“{{name}}”（{{profileId}}）不在交换包的身份列表中，无法验证签名',
    roleMismatch: '记录 {{id}} 声称作者“{{name}}”是$t(core.roles.{{role}})，与身份列表不符',
    unsignedRecord: '记录 {{id}}（{{name}}，$t(core.recordType.{{type}})）没有签名',
    badRecordSignature: '记录 {{id}} 的签名与作者“{{name}}”的密钥不符：记录被改动过，或由他人冒名签署',
    forbiddenRecord: '记录 {{id}}：“{{name}}”无权$t(core.recordType.{{type}})（$t(core.recordRule.{{rule}})$t(core.recordType.{{type}})）',
    submissionsSender: '提交包只能由客户经理发出，而发件人“{{sender}}”是主管',
    submissionsForeign: '提交包中的文稿“{{title}}”不是发件人“{{sender}}”撰写的',
    reviewsSender: '审阅包只能由主管发出，而发件人“{{sender}}”是客户经理',
    reviewsRecipients: '审阅包的清单不一致：收件人必须是客户经理',
    reviewsForeign: '审阅包中的文稿“{{title}}”的作者不在收件人之列',
  },
  exchangeImport: {
    untrustedSender: '首次收到“{{name}}”的交换包：请先与对方核对指纹（{{fingerprint}}），确认无误后再导入',
    newPeople: '交换包带来了首次见到的身份（{{names}}）：请核对指纹并确认后再导入',
    submissionsToManager: '这是客户经理“{{sender}}”的提交包，应由主管导入；你当前的身份“{{name}}”是客户经理',
    reviewsToSupervisor: '这是主管“{{sender}}”发出的审阅包，应由客户经理导入；你当前的身份“{{name}}”是主管',
    notForYou: '这个审阅包是发给“{{names}}”的，不是发给你（{{name}}）的，已拒绝导入',
    localKeyMismatch: '交换包中的“{{name}}”使用本机身份“{{local}}”的编号，但密钥与本机的不一致（指纹 {{fingerprint}}）：可能有人冒用本机身份，已拒绝',
    trustedKeyMismatch: '“{{name}}”的密钥与本机记录的不一致：本机于 {{firstSeen}} 记下的指纹是 {{known}}，这次是 {{fingerprint}}。可能有人冒名，已拒绝',
    impersonatesLocal: '交换包中的“{{name}}”（$t(core.roles.{{role}})，指纹 {{fingerprint}}）与本机身份“{{local}}”（$t(core.roles.{{localRole}})）同名，但不是同一把密钥：可能有人冒名，已拒绝整个交换包',
    impersonatesTrusted: '交换包中的“{{name}}”（$t(core.roles.{{role}})，指纹 {{fingerprint}}）与本机已信任的“{{known}}”（$t(core.roles.{{knownRole}})，指纹 {{knownFingerprint}}）同名，但不是同一把密钥：可能有人冒名，已拒绝整个交换包',
    documentOwner: '编号为 {{docId}} 的文稿在本机属于“{{local}}”，而交换包中属于“{{author}}”，无法合并',
    tamperedRecord: '“{{title}}”的记录 {{id}}（{{name}}，{{date}}）与本机已有的同编号记录内容不同：其中一份被改动过，已拒绝整个交换包',
    unpinnedSupervisor: '“{{title}}”中有“{{name}}”以主管身份写的记录，但本机从未确认过“{{name}}”（指纹 {{fingerprint}}）是主管：主管的密钥只能来自其本人发出的审阅包（首次接收时核对指纹），或在本机核对指纹后确认，不能由客户经理的提交包引荐。已拒绝整个交换包',
    tamperedRevision: '“{{title}}”第 {{revision}} 次提交的版本与本机已有的不同：提交后的版本不能再改动，已拒绝',
    missingTemplate: '“{{title}}”第 {{revision}} 版所用的模板 {{templateId}} v{{version}} 既不在交换包中，也不在本机',
    unknownReference: '“{{title}}”的记录 {{id}} 引用了不存在的点评 {{commentId}}',
    missingRevision: '“{{title}}”的记录 {{id}} 针对第 {{revision}} 版，但交换包和本机都没有该版本',
    snapshotMismatch: '“{{title}}”第 {{revision}} 版的内容与提交记录中的指纹不符：版本在提交后被改动过',
    noSubmitRecord: '“{{title}}”的第 {{revision}} 版没有对应的提交记录',
  },
  templateArrival: {
    hashMismatch: '模板“{{name}}” v{{version}} 的内容与它的指纹不符：发布后被手工改动过。请向发布人 {{publisher}} 索取原文件',
    hashMismatchLocal: '本机模板“{{name}}” v{{version}} 的内容与它的指纹不符：发布后被手工改动过。请向发布人 {{publisher}} 索取原文件',
    hashMismatchFile: '{{file}}：模板“{{name}}” v{{version}} 的内容与它的指纹不符：发布后被手工改动过。请向发布人 {{publisher}} 索取原文件',
    builtIn: '“{{name}}”使用内置模板的编号，不能替换内置模板；请导入其副本',
    publisher: '模板“{{name}}”在本机由 {{local}} 发布，这份却注明由 {{publisher}} 发布：两位主管不能发布同一个模板。请由其中一位复制一份、另起名称后再发布',
    tampered: '模板“{{name}}” v{{version}} 与本机已有的同版本内容不同（{{fields}}），无法合并：同一版本发布后不应再改动',
    noPublisher: '（未注明）',
  },
  syncSetup: {
    noProfile: '当前用户身份不存在',
    ownedByOther: '本机的同步已由“{{name}}”设置；同一台电脑只能以一个身份同步',
    folderMissing: '找不到文件夹：{{folder}}（请先创建，或确认 U 盘/网络共享已连接）',
    notFolder: '不是文件夹：{{folder}}',
    insideData: '同步文件夹不能在数据文件夹里面，也不能包含数据文件夹',
    notYoursToStop: '本机的同步由另一个身份设置，不能由你关闭',
    notSetUp: '尚未设置同步文件夹（设置 → 同步）',
    notYours: '本机的同步由另一个身份设置',
    badFingerprintSupervisor: '指纹格式不正确：应为 32 位十六进制数字（可带空格），请与主管当面或电话核对',
    noRoster: '同步文件夹中还没有指纹为 {{fingerprint}} 的主管名册：请确认指纹无误，并等对方的文件同步到本机后再试',
    rosterInvalid: '该主管名册未通过校验：{{details}}',
    rosterNotSupervisor: '该名册不是主管发布的',
    badFingerprint: '指纹格式不正确：应为 32 位十六进制数字（可带空格），请与对方核对',
    noRosterYet: '名册尚未建立，请先设置同步文件夹',
    noIdentity: '同步文件夹中没有指纹为 {{fingerprint}} 的有效身份文件：{{details}}',
    yourself: '这是你自己的身份',
    sameIdOtherKey: '名册中已有编号相同、公钥不同的人（{{name}}）：请核对后再试',
    wrongSender: '包的签名人（{{name}}，指纹 {{fingerprint}}）不是该文件夹的主人',
    notForMe: '该包不是发给你的',
    notOnRoster: '包中的身份“{{name}}”（$t(core.roles.{{role}})）不在办公室名册中，不能由此包引入',
  },
  backupFile: {
    folderPath: '请填写完整的文件夹路径：{{place}}',
    restoreRunning: '另一个恢复正在进行，请等它完成',
    sameFolder: '新位置与当前数据文件夹相同',
    verifyFailed: '写入后校验不符（sha256）：{{path}}',
    targetInside: '目标文件夹不能在当前数据文件夹之内（或包含它）：{{place}}',
    restoreWriting: '另一个恢复正在写入这个文件夹，请等它完成：{{place}}',
    folderBusy: '另一个报告台程序正在使用或恢复这个文件夹：{{place}}',
    targetNotEmpty: '目标文件夹不是空的：{{place}}。请选择一个新的或空的文件夹',
    targetInUse: '数据文件夹正被报告台使用，无法替换：{{place}}',
    readBackDiffers: '备份文件写入后读回的内容不一致：{{place}}',
    notFound: '找不到备份文件：{{place}}',
    isFolder: '这是一个文件夹，不是报告台备份文件：{{place}}',
    notZip: '这不是报告台备份文件：{{name}}（不是 zip 格式）',
    truncated: '备份文件不完整，可能在复制时被截断：{{name}}',
    corrupt: '备份文件已损坏：{{name}}（{{details}}）',
    noManifest: '这不是报告台备份文件：{{name}}（没有备份清单）',
    newerFormat: '这个备份由更新版本的报告台创建（格式 {{version}}），本程序只能读取格式 {{supported}}。请先升级报告台',
    manifestInvalid: '备份清单不完整或被改动：{{name}}',
    badPath: '备份清单中的文件路径不合规范：{{path}}',
    missingFile: '备份缺少清单中的文件：{{path}}',
    hashMismatch: '备份中的文件与清单的校验值（sha256）不符，备份已损坏或被改动：{{path}}',
    unlisted: '备份中有清单没有登记的文件：{{path}}',
    diskFull: '磁盘空间不足，无法写入：{{place}}。请清理磁盘或换一个文件夹',
    quota: '磁盘配额已满，无法写入：{{place}}',
    readOnly: '文件夹是只读的，无法写入：{{place}}',
    noPermission: '没有写入权限：{{place}}',
    folderGone: '找不到文件夹（磁盘可能已拔出）：{{place}}',
    diskGone: '磁盘不可用（可能已拔出）：{{place}}',
    diskError: '读写磁盘出错（磁盘可能已拔出或损坏）：{{place}}',
    notFolder: '不是文件夹：{{place}}',
    io: '读写文件失败：{{place}}（{{code}}）',
  },
  transport: {
    pageNotFound: '找不到该页面',
    notBuilt: '界面尚未构建：请先运行 npm run build',
    fileNotFound: '找不到该文件',
    eventsGetOnly: '事件流只接受 GET 请求',
    badHost: '拒绝访问：主机名 {{host}} 不是本机地址',
    badOrigin: '拒绝访问：来源 {{origin}} 不是报告台页面',
    crossSite: '拒绝访问：来自其他网站的请求（{{site}}）',
    badToken: '缺少或错误的访问令牌：请使用启动时打印的完整地址打开报告台',
    postOnly: '接口只接受 POST 请求',
    jsonOnly: '接口只接受 application/json',
    tooLarge: '请求过大：超过 {{limit}} 上限',
    badJson: '请求内容不是有效的 JSON',
    badChannel: '接口名称不正确',
    badSession: '会话标识不正确，请刷新页面',
    badMethod: '不支持的请求方法',
    internal: '内部错误',
    unknownPage: '拒绝来自未知页面的请求',
    badExport: '导出文件的名称或内容不正确',
    saveFailed: '保存失败：{{details}}',
    diskFull: '磁盘空间已满，这次操作没有完成。之前保存的内容不受影响；请清理磁盘空间后再试一次。',
  },
  syncRefusal: {
    rosterInvalid: '主管名册未通过校验：{{details}}',
    folderLink: '该子文件夹是符号链接，不读取',
    fileLink: '是符号链接，不读取',
    tooLarge: '文件过大（{{size}} MB，上限 {{limit}} MB），不读取',
    notFile: '不是普通文件，不读取',
  },
  cliHelp: {
    main: `报告台 ReportDesk 命令行

用法: npm run cli -- <命令> [参数] [--data <数据文件夹>] [--as <身份名称或编号>] [--json] [--lang en]

命令:
  demo                 载入示例数据（可重复执行，不会重复载入）
  profiles             列出本机的用户身份
  passphrase           修改主管签名密钥的口令 --as <主管>：原口令用 --passphrase-file、REPORTDESK_PASSPHRASE 或终端输入，
                       新口令用 --new-passphrase-file、REPORTDESK_NEW_PASSPHRASE 或终端输入两次
  list                 列出可见的文稿 [--kind <类型>] [--status <状态>] [--period <期间>]
  show <编号>          显示一篇文稿
  problems             列出被移出的损坏数据文件
  verify               校验所有可见文稿的审阅记录（哈希链、登记、签名、权限、提交版本、文稿状态），
                       发现问题时退出码为 1
{{export}}
{{package}}
{{backup}}
{{sync}}
  help                 显示本帮助

主管签名（package export-reviews 等）需要口令：--passphrase-file <文件>、环境变量 REPORTDESK_PASSPHRASE，或在终端输入。
数据文件夹默认为 REPORTDESK_DATA_DIR，其次 ~/.reportdesk。
--lang en 或环境变量 REPORTDESK_LANG=en：帮助和错误信息用英文输出（Help and errors in English）。`,
    export: `  export <编号>        导出一篇文稿 --layout official|plain|excel（公文/普通 Word，或 Excel）
                       [--revision <第几稿>] [--appendix 附审阅记录] [--without-comments 不带点评]
  export register      导出台账 [--period 2026-10] [--kind <类型>] [--status <状态>] [--author <客户经理>]
  export meeting-pack  导出会议材料（默认：该期间标记“会上表扬/会上讲评”的文稿）--period 2026-10 | --ids <编号,编号>
                       [--name <会议名称>] [--date 2026-11-05] [--organiser <主办>] [--layout official|plain|excel]
                       导出命令都可用 --out <文件或文件夹>（默认当前文件夹，文件名自动生成）`,
    package: `  package export       导出提交包（客户经理）：--since-last（自上次导出以来的全部新内容）| --ids <编号,编号>
                       [--to <主管姓名>] [--out <文件或文件夹>]
  package export-reviews  导出审阅包（主管）：[--manager <客户经理姓名>]（默认全部）[--out <文件或文件夹>]
  package import <文件>   导入交换包：先检查并显示包中内容和新内容，再导入 [--dry-run 只检查不导入]
                       [--trust 首次收到某人的包时，核对指纹无误后加此参数确认]
                       退出码：0 成功，1 被拒绝或出错，2 用法错误，3 需要核对指纹后加 --trust`,
    backup: `  backup               备份整个数据文件夹 [--out <备份文件夹>]（默认：设置中选的文件夹，或数据文件夹旁的 <名称>-backups）
  restore <备份文件>   恢复备份到 --data <文件夹>（须为新的或空的文件夹）；加 --replace 则先备份该文件夹再替换其内容`,
    sync: `  sync status          同步状态：同步文件夹、待发送、每个人最后收到的包和确认、被拒收的包
  sync now             立即同步一次（发送新内容、导入收到的包、写确认、清理已确认的包）；有问题时退出码为 1
  sync setup <文件夹>   选择同步文件夹（Syncthing 或网络共享保持各机相同的文件夹）
  sync join <指纹>      客户经理：核对主管的指纹后加入办公室
  sync admit <指纹>     主管：核对对方的指纹后把其加入名册`,
    usageOf: '用法：\n{{usage}}',
    restoreUsage: '用法：restore <备份文件> --data <要恢复到的文件夹> [--replace]',
    packageExportUsage: '用法：package export --since-last | --ids <编号,编号>（二选一）[--to <主管姓名>] [--out <文件>]',
    packageImportUsage: '用法：package import <文件> [--trust] [--dry-run]',
  },
  recordType: {
    submit: '提交文稿',
    withdraw: '撤回提交',
    decision: '做出审阅决定',
    reopen: '重新打开文稿',
    comment: '点评',
    'comment-edit': '修改点评',
    'comment-retract': '撤回点评',
    reply: '回复点评',
    'mark-fixed': '标记已整改',
    resolve: '确认整改',
    'reopen-comment': '重新打开点评',
  },
  recordRule: {
    'supervisor-only': '只有主管可以',
    'document-author-only': '只有文稿作者本人可以',
    'author-or-supervisor': '只有文稿作者本人或主管可以',
    'comment-author-only': '只有点评的作者本人可以',
  },
};

type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type CoreMessages = Catalogue<typeof coreMessagesZh>;

export const coreMessagesEn: CoreMessages = {
  profile: {
    duplicate: 'A profile with the same name and role already exists: {{name}}',
    sameAsTrustedSupervisor: 'This computer already trusts a supervisor “{{name}}” (fingerprint {{fingerprint}}). A new local profile with the same name and role needs a clear confirmation: it is another person, and its records will not count as “{{name}}”’s on other computers',
    sameAsTrustedManager: 'This computer already trusts a customer manager “{{name}}” (fingerprint {{fingerprint}}). A new local profile with the same name and role needs a clear confirmation: it is another person, and its records will not count as “{{name}}”’s on other computers',
    notFound: 'Profile not found',
    required: 'Choose or create a profile first',
    missing: 'The current profile no longer exists; choose one again',
    managerOnly: 'Only a customer manager may do this',
    supervisorOnly: 'Only a supervisor may do this',
  },
  roles: { manager: 'customer manager', supervisor: 'supervisor' },
  api: {
    unknownChannel: 'Unknown channel: {{channel}}',
    badInput: 'Invalid input: {{details}}',
    badOutput: 'Internal error: the result does not match the channel definition',
    internal: 'Internal error: {{details}}',
  },
  report: {
    savedBeforeMove: 'The document was saved elsewhere; refresh before moving it to the new version',
    notFound: 'Document not found; it may have been deleted',
    templateVersionMissing: 'The template version of this document is missing: {{templateId}} v{{version}}',
    templateNotFound: 'Template not found',
    badMetadata: 'The details do not match the template',
    badContent: 'The content does not match the template',
    notAuthor: 'You can only change documents you wrote',
    notEditable: 'The document was submitted or approved and can no longer be changed',
    deleteOnlyDraft: 'Only drafts that were never submitted can be deleted',
    deleteHasLog: 'This document has review records (it was submitted or withdrawn) and cannot be deleted',
    changedElsewhere: 'The document was changed elsewhere (another window or an import); compare both versions before saving',
    overlap: 'Another window changed the same part ({{parts}}); choose which version to keep',
    changedBeforeDelete: 'The document was changed elsewhere; refresh before deleting',
    duplicateId: 'A document with this id already exists',
  },
  submit: {
    notAuthor: 'You can only submit documents you wrote',
    alreadySubmitted: 'The document was already submitted or approved',
    stale: 'The document was changed elsewhere; refresh before submitting',
    incomplete: '{{count}} item(s) still open, cannot submit: {{list}}',
  },
  withdraw: {
    notAuthor: 'You can only withdraw documents you submitted',
    notSubmitted: 'Only a submitted document that has not been reviewed can be withdrawn',
    opened: 'The supervisor has already opened this document; ask them to return it instead',
  },
  review: {
    notSubmitted: 'Only submitted documents can be reviewed',
    unknownGrade: 'Unknown grade: {{grade}} (choose from: {{options}})',
    unknownGradeShort: 'Unknown grade',
    reasonRequired: 'A reason is required for the grade “{{grade}}”',
    fillReason: 'Enter a reason',
    reopenOnlyApproved: 'Only approved documents can be reopened',
    noSection: 'The document has no such section: {{sectionId}}',
    sectionMissing: 'No such section',
    notText: '“{{section}}” is not a text section',
    notTextShort: 'Not a text section',
    quoteGone: 'The selected text is not in this revision (it may have changed); select it again',
    quoteGoneShort: 'Selected text not found',
    noRow: 'The table “{{section}}” has no such row',
    noRowShort: 'No such row',
    noColumn: 'The table “{{section}}” has no column “{{column}}”',
    noColumnShort: 'No such column',
    draftNoComment: 'The document has not been submitted; it cannot be commented on',
    commentNotFound: 'Comment not found',
    ownCommentOnly: 'You can only edit or withdraw your own comments',
    commentRetracted: 'The comment was withdrawn',
    commentRetractedNoReply: 'The comment was withdrawn; it cannot be replied to',
    replyOwnOnly: 'You can only reply to comments on your own documents',
    handleOwnOnly: 'You can only handle comments on your own documents',
    alreadyFixed: 'The comment is already marked as fixed',
    alreadyResolved: 'The comment is already resolved',
    notFixedYet: 'The comment has not been fixed yet; there is nothing to reopen',
    reopenReason: 'Say why the comment is reopened',
    fillCause: 'Enter a reason',
    revisionNotFound: 'Submission {{revision}} not found',
  },
  completeness: {
    metadata: 'Detail “{{label}}” is empty',
    emptySection: '“{{section}}” is empty',
    tooShort: '“{{section}}” has only {{length}} characters; at least {{min}} are needed',
    placeholder: '“{{section}}” still has placeholders to replace',
    blanks: '“{{section}}” still has {{count}} blank(s) “（ ）” to fill in',
    emptyTable: 'The table “{{section}}” has no figures',
    tableRows: 'The table “{{section}}” needs at least {{needed}} rows of figures; it has {{filled}}',
    emptyField: '“{{field}}” in “{{section}}” is empty',
  },
  template: {
    builtInReadOnly: 'Built-in templates are read-only; make a copy to change one',
    versionExists: 'Template version v{{version}} already exists',
    publisherOnly: '“{{name}}” was published by supervisor {{publisher}}; only the publisher can publish a new version. Make a copy to change it',
    changedBeforeSave: 'The template was changed to v{{version}}; refresh before saving',
    retired: '“{{name}}” is retired',
    changedBeforeAct: 'The template was changed to v{{version}}; refresh and try again',
    importBuiltIn: '“{{name}}” is a built-in template and cannot be replaced by an import; import a copy of it',
    fileSyntax: '{{file}}, line {{line}}, column {{column}}: {{what}}',
    fileNotTemplate: '{{file}} is not a ReportDesk template file (no "format": "{{format}}")',
    fileTooNew: '{{file}} was exported by a newer ReportDesk (template file format {{version}}); this one reads formats up to {{supported}}: update ReportDesk before importing',
    fileVersion: 'The format version {{version}} of {{file}} is not supported (1 to {{supported}} are)',
    fileInvalid: '{{file}} has errors: {{details}}',
    retiredNoNew: 'The template “{{name}}” is retired; no new documents can be made from it',
    versionNotFound: 'Template “{{name}}” has no v{{version}}',
    versionRetired: '“{{name}}” v{{version}} is retired and cannot be moved to',
    onlyNewer: 'The document already uses v{{version}}; it can only move to a newer version',
    contentDoesNotFit: 'The document’s content does not fit the new version',
    carryColumn: 'The carry-over mapping of “{{section}}” names a column that does not exist or is computed: {{column}}',
  },
  calendar: {
    badDate: 'Dates are written YYYY-MM-DD: {{date}}',
    both: '{{date}} cannot be both a holiday and a make-up workday',
    supervisorOnly: 'Only a supervisor may change the office calendar',
  },
  parts: {
    metadata: 'detail “{{field}}”',
    section: '“{{section}}”',
    row: 'row {{row}} of “{{section}}”',
  },
  session: {
    notActive: 'This window is signed in as “{{active}}”; the request asked to act as someone else and was refused. To change profile, use “Switch profile” (a supervisor needs their passphrase).',
    noneActive: 'This window has not chosen a profile yet; the request asked to act as someone and was refused. Choose a profile first (a supervisor needs their passphrase).',
    passphraseSupervisorOnly: 'Only a supervisor’s signing key has a passphrase; a customer manager has none to change.',
    passphraseTooShort: 'The new passphrase needs at least {{minimum}} characters.',
    passphraseRepeat: 'The two entries of the new passphrase differ.',
    passphraseSame: 'The new passphrase is the same as the current one; choose another.',
    passphraseNotSet: 'The key of supervisor “{{name}}” has no passphrase yet: set one when choosing the profile.',
    passphraseWrong: 'The current passphrase is wrong; the passphrase was not changed.',
  },
  export: {
    meetingNothingChosen: 'Choose the documents for the meeting, or give a period to take those flagged “praise at the meeting” or “critique at the meeting”',
    meetingNothingChosenShort: 'Give a period or choose documents',
    meetingNoneFlagged: 'No document of {{period}} is flagged “praise at the meeting” or “critique at the meeting”; choose another period or pick documents by hand',
    meetingNoneFlaggedShort: 'No matching documents',
    tooMany: '{{running}} exports are already running; wait for them to finish or cancel one, then try again',
    notFinished: 'The export has not finished yet; please wait',
    cancelled: 'The export was cancelled; no file was made',
    failed: 'Export failed',
    jobNotFound: 'Export job not found (it may have been collected already, or it expired)',
    failedWith: 'Export failed: {{details}}',
    openDesktopOnly: 'Only the desktop app can open an exported file. In the browser the file was handed to the browser as a download; open it from the browser’s download list.',
    saveDesktopOnly: 'Only the desktop app saves an exported file itself; in the browser the file is handed over as a download.',
    openFailed: 'Could not open the file {{path}}: {{problem}}',
    openNotSaved: 'Only exports saved through the Save dialog during this run can be opened',
  },
  xlsxImport: {
    notXlsx: 'Only .xlsx files (Excel 2007 and later) can be imported; “{{file}}” is not one. Save an old .xls as .xlsx in Excel or WPS first',
    tooLarge: 'The file is too large ({{size}} MB); the limit is 10 MB',
    notExcel: '“{{file}}” is not a valid Excel file (it is damaged, or only its extension was changed)',
    unreadable: 'Cannot read “{{file}}”: {{reason}}',
    rowsCut: 'Sheet “{{sheet}}” is over the limit of {{limit}} rows: only its first {{kept}} rows were imported; the rest were not. Split the sheet into several files to import them.',
    columnsCut: 'Sheet “{{sheet}}” is over the limit of {{limit}} columns: columns after column {{limit}} were not read.',
    sheetsCut: 'The workbook is over the limit of {{limit}} sheets: only the first {{limit}} sheets were read; the rest were not.',
  },
  backup: {
    notHere: 'Backup and restore are not available here',
  },
  cli: {
    passphraseFile: 'Cannot read the passphrase file {{file}}: {{reason}}',
    newPassphraseNeeded: 'Give the new passphrase: --new-passphrase-file <file>, the REPORTDESK_NEW_PASSPHRASE environment variable, or type it in the terminal',
    currentPassphraseNeeded: 'Give the current passphrase: --passphrase-file <file>, the REPORTDESK_PASSPHRASE environment variable, or type it in the terminal',
    profileNotFound: 'No profile named {{name}} (available: {{known}})',
    chooseProfile: 'Say who acts with --as <profile name> (npm run cli -- profiles lists them)',
    showUsage: 'Usage: show <document id>',
    unknownCommand: 'Unknown command: {{command}}',
    unexpected: 'Something went wrong: {{details}}',
    exportUsage: 'Usage: export <document id> | export register | export meeting-pack (npm run cli -- help lists the options)',
    managerNotFound: 'No customer manager named {{name}}',
    badOptions: 'Invalid options: {{details}}',
    supervisorNotFound: 'No supervisor named {{name}} (known: {{known}})',
    supervisorNoneKnown: 'No supervisor named {{name}} (none known yet: import one of their review packages first)',
    managerNotOnRoster: 'No customer manager named {{name}} (roster: {{roster}})',
    cannotRead: 'Cannot read the file {{file}} ({{reason}})',
  },
  store: {
    badId: 'Malformed id: {{id}}',
    bulkNotEmpty: 'A bulk load needs an empty data folder',
    revisionExists: 'Submission {{revision}} already exists and cannot be overwritten',
    bulkNotEmptyAt: 'A bulk load needs an empty data folder: {{folder}}',
    openHere: 'This program already has the data folder open: {{folder}}. Close it first.',
    openElsewherePid: 'Another ReportDesk program (process {{pid}}) is using the data folder: {{folder}}. Close it first.',
    openElsewhere: 'Another ReportDesk program is using the data folder: {{folder}}. Close it first.',
    lockLost: 'The data folder’s lock file (.lock) was deleted or replaced by another program: {{folder}}. So that two programs never write the same folder, this program stopped saving. Close every ReportDesk window and open it again.',
  },
  key: {
    passphraseShort: 'The passphrase needs at least {{minimum}} characters',
    pairMismatch: 'The public and private keys in keys/{{profileId}}.json do not match: the file was changed',
    damaged: 'The key file keys/{{profileId}}.json is damaged ({{reason}}). Restore it from a backup; do not delete it, or others can no longer verify your files.',
    sealedByOs: 'The key of “{{profileId}}” is protected by the operating system’s key store through the desktop app; it can be used only in the desktop app on this computer',
    unsealFailed: 'The operating system’s key store on this computer cannot open keys/{{profileId}}.json: the file may come from another computer or another user account',
    none: 'This profile has no key yet; set a passphrase first',
    notProtected: 'This profile’s key has no passphrase yet; set one first',
    wrongPassphrase: 'Wrong passphrase',
    wrongCurrent: 'The current passphrase is wrong',
    locked: 'This profile’s key is locked: enter the passphrase to unlock it (when choosing the profile; on the command line with --passphrase-file or the REPORTDESK_PASSPHRASE environment variable)',
    supervisorLocked: 'The signing key of supervisor “{{name}}” is locked: enter the passphrase to unlock it (command line: --passphrase-file or the REPORTDESK_PASSPHRASE environment variable)',
    supervisorUnprotected: 'The signing key of supervisor “{{name}}” has no passphrase yet: set one first (at least {{minimum}} characters)',
    supervisorNeedsPassphrase: 'A supervisor needs a passphrase of at least {{minimum}} characters to protect the signing key',
  },
  exchange: {
    noPublicKey: 'The public key of “{{profileId}}” is missing; their records cannot be exported',
    unsignedRecord: 'Record {{id}} is unsigned and its author is not a profile on this computer',
    unknownSupervisor: 'Supervisor not found: only supervisors whose review package this computer has received can be chosen',
    chooseDocuments: 'Choose the documents to export, or “everything new since the last export” (one of the two)',
    chooseDocumentsShort: 'Choose documents',
    notYourDocument: 'None of your documents has the id {{id}}',
    neverSubmitted: '“{{title}}” was never submitted and cannot be exported (only submitted versions go to the supervisor)',
    neverSubmittedShort: 'Not submitted',
    nothingNewFor: 'Nothing new was submitted or replied since the last export to “{{name}}”; there is nothing to export',
    nothingNew: 'Nothing new was submitted or replied since the last export; there is nothing to export',
    managerNotFound: 'Customer manager not found',
    noReviewsForManager: 'This customer manager has no submitted documents yet; there are no reviews to export',
    noReviews: 'No documents were submitted yet; there are no reviews to export',
  },
  settings: {
    gradesSupervisorOnly: 'Only a supervisor may change the grades',
    insightSupervisorOnly: 'Only a supervisor may change the similarity threshold and the targets',
    stockRangeSupervisorOnly: 'Only a supervisor may change the reasonable stock-to-sales range',
  },
  insight: {
    notSubmitted: 'The document has not been submitted; there is no similarity check yet',
    badPeriod: 'The period is a month, for example 2026-11',
    badPeriodShort: 'Write YYYY-MM',
    notTable: '“{{section}}” is not a table section',
    notTableShort: 'Not a table section',
  },
  sync: {
    notEnabled: 'Sync is not enabled in this program',
  },
  demo: {
    missing: 'The sample data (seeds/demo) was not found',
    templateMissing: 'The sample data names a template that does not exist: {{templateId}}',
  },
  exchangePackage: {
    badBase64: 'The file was damaged on its way (it is not valid base64); choose the file again',
    entryNotJson: '“{{name}}” in the exchange package is not a valid JSON file',
    badId: 'The id “{{id}}” in “{{file}}” is malformed (only letters, digits, “-” and “_” are allowed)',
    noManifest: 'This is not a ReportDesk exchange package: the manifest file manifest.json is missing',
    manifestNotJson: 'The package’s manifest.json is damaged (not valid JSON)',
    notExchange: 'This is not a ReportDesk exchange package: the manifest’s format is not “reportdesk-exchange”',
    formatTooNew: 'The package has format version {{version}}; this program reads version {{supported}}: update ReportDesk before importing',
    formatUnsupported: 'The package’s format version “{{version}}” is not supported (this program reads version {{supported}})',
    manifestInvalid: 'The package’s manifest.json does not match the format: {{details}}',
    noSignature: 'The package is not signed (signature.json is missing); who sent it cannot be confirmed',
    signatureInvalid: 'The package’s signature.json is malformed, or its signer is not the sender',
    badSignature: 'The package’s signature is invalid: the manifest was changed after signing, or it was not signed by the sender “{{sender}}”',
    duplicateListing: '“{{path}}” is listed more than once in the manifest',
    missingEntry: '“{{path}}” is listed in the manifest but not in the package (the file is incomplete)',
    unlistedEntry: '“{{name}}” in the package is not listed in the manifest (it may have been added later)',
    sizeMismatch: 'The size of “{{name}}” ({{size}} bytes) differs from the manifest ({{listed}} bytes)',
    hashMismatch: 'The content of “{{name}}” does not match its sha256 in the manifest (damaged in transit or changed)',
    duplicatePerson: 'The profile “{{name}}” ({{profileId}}) appears twice in the manifest',
    senderNotListed: 'The package’s manifest is inconsistent: the sender is not among its profiles, or has another key there',
    templateInvalid: 'The content of “{{name}}” does not match the template format: {{details}}',
    templateMismatch: 'The content of “{{name}}” does not match its file name (it holds template {{templateId}} v{{version}})',
    reportInvalid: 'The content of “{{name}}” does not match the document format: {{details}}',
    reportMismatch: 'The content of “{{name}}” does not match its file name (it holds revision {{revision}} of document {{docId}})',
    recordsInvalid: 'The content of “{{name}}” does not match the review record format: {{details}}',
    recordElsewhere: 'Record {{id}} in “{{name}}” belongs to another document ({{docId}})',
    duplicateRecord: 'The record id “{{id}}” appears more than once in the package',
    unknownEntry: 'The package holds a file it does not know: “{{name}}”',
    noRecordsFile: 'Document {{docId}} has submitted revisions but no review record file (records/{{docId}}.json)',
    noRevisions: 'Document {{docId}} has review records but no submitted revision',
    authorsDiffer: 'The revisions of document {{docId}} have different authors',
    unknownAuthor: 'The author “{{name}}” ({{profileId}}) of record {{id}} is not among the package’s profiles; its signature cannot be checked',
    roleMismatch: 'Record {{id}} says its author “{{name}}” is a $t(core.roles.{{role}}), which the profile list contradicts',
    unsignedRecord: 'Record {{id}} ({{name}}, $t(core.recordType.{{type}})) is not signed',
    badRecordSignature: 'The signature of record {{id}} does not match the key of its author “{{name}}”: the record was changed, or signed by someone else in their name',
    forbiddenRecord: 'Record {{id}}: “{{name}}” may not $t(core.recordType.{{type}}) ($t(core.recordRule.{{rule}}) $t(core.recordType.{{type}}))',
    submissionsSender: 'Only a customer manager sends a submissions package, but the sender “{{sender}}” is a supervisor',
    submissionsForeign: 'The document “{{title}}” in the submissions package was not written by the sender “{{sender}}”',
    reviewsSender: 'Only a supervisor sends a review package, but the sender “{{sender}}” is a customer manager',
    reviewsRecipients: 'The review package’s manifest is inconsistent: its recipients must be customer managers',
    reviewsForeign: 'The author of the document “{{title}}” in the review package is not among its recipients',
  },
  exchangeImport: {
    untrustedSender: 'The first package from “{{name}}”: check the fingerprint ({{fingerprint}}) with them, then import',
    newPeople: 'The package brings profiles seen for the first time ({{names}}): check their fingerprints and confirm, then import',
    submissionsToManager: 'This is a submissions package from customer manager “{{sender}}”, for a supervisor to import; your current profile “{{name}}” is a customer manager',
    reviewsToSupervisor: 'This is a review package from supervisor “{{sender}}”, for a customer manager to import; your current profile “{{name}}” is a supervisor',
    notForYou: 'This review package is for “{{names}}”, not for you ({{name}}); it was refused',
    localKeyMismatch: '“{{name}}” in the package uses the id of the local profile “{{local}}” with another key (fingerprint {{fingerprint}}): someone may be posing as a local profile; refused',
    trustedKeyMismatch: 'The key of “{{name}}” differs from the one this computer recorded: on {{firstSeen}} the fingerprint was {{known}}, now it is {{fingerprint}}. Someone may be posing as them; refused',
    impersonatesLocal: '“{{name}}” in the package ($t(core.roles.{{role}}), fingerprint {{fingerprint}}) has the name of the local profile “{{local}}” ($t(core.roles.{{localRole}})) but another key: someone may be posing as them; the whole package was refused',
    impersonatesTrusted: '“{{name}}” in the package ($t(core.roles.{{role}}), fingerprint {{fingerprint}}) has the name of “{{known}}”, trusted here ($t(core.roles.{{knownRole}}), fingerprint {{knownFingerprint}}), but another key: someone may be posing as them; the whole package was refused',
    documentOwner: 'Document {{docId}} belongs to “{{local}}” on this computer but to “{{author}}” in the package; they cannot be merged',
    tamperedRecord: 'Record {{id}} of “{{title}}” ({{name}}, {{date}}) differs from the record with the same id on this computer: one of them was changed; the whole package was refused',
    unpinnedSupervisor: '“{{title}}” holds records written as a supervisor by “{{name}}”, but this computer never confirmed “{{name}}” (fingerprint {{fingerprint}}) as a supervisor: a supervisor’s key comes only from their own review package (fingerprint checked on first receipt) or a fingerprint check here, never through a customer manager’s submissions package. The whole package was refused',
    tamperedRevision: 'Submission {{revision}} of “{{title}}” differs from the one on this computer: a submitted revision cannot change; refused',
    missingTemplate: 'The template {{templateId}} v{{version}} of revision {{revision}} of “{{title}}” is neither in the package nor on this computer',
    unknownReference: 'Record {{id}} of “{{title}}” refers to a comment that does not exist: {{commentId}}',
    missingRevision: 'Record {{id}} of “{{title}}” is about revision {{revision}}, which neither the package nor this computer has',
    snapshotMismatch: 'The content of revision {{revision}} of “{{title}}” does not match the fingerprint in its submit record: it was changed after submission',
    noSubmitRecord: 'Revision {{revision}} of “{{title}}” has no submit record',
  },
  templateArrival: {
    hashMismatch: 'The content of template “{{name}}” v{{version}} does not match its fingerprint: it was edited by hand after publishing. Ask the publisher {{publisher}} for the original file',
    hashMismatchLocal: 'The content of the local template “{{name}}” v{{version}} does not match its fingerprint: it was edited by hand after publishing. Ask the publisher {{publisher}} for the original file',
    hashMismatchFile: '{{file}}: the content of template “{{name}}” v{{version}} does not match its fingerprint: it was edited by hand after publishing. Ask the publisher {{publisher}} for the original file',
    builtIn: '“{{name}}” uses the id of a built-in template, which cannot be replaced; import a copy of it',
    publisher: 'The template “{{name}}” is published here by {{local}}, but this one says it is published by {{publisher}}: two supervisors cannot publish the same template. One of them should copy it under a new name and publish that',
    tampered: 'Template “{{name}}” v{{version}} differs from the same version on this computer ({{fields}}) and cannot be merged: a published version should never change',
    noPublisher: '(not named)',
  },
  syncSetup: {
    noProfile: 'The current profile does not exist',
    ownedByOther: 'Sync on this computer was set up by “{{name}}”; one computer syncs as one profile only',
    folderMissing: 'Folder not found: {{folder}} (create it first, or check that the USB drive or network share is connected)',
    notFolder: 'Not a folder: {{folder}}',
    insideData: 'The sync folder can be neither inside the data folder nor contain it',
    notYoursToStop: 'Sync on this computer was set up by another profile; you cannot turn it off',
    notSetUp: 'No sync folder is set up yet (Settings → Sync)',
    notYours: 'Sync on this computer was set up by another profile',
    badFingerprintSupervisor: 'Malformed fingerprint: it is 32 hexadecimal digits (spaces allowed); check it with the supervisor in person or by phone',
    noRoster: 'The sync folder has no supervisor roster with the fingerprint {{fingerprint}} yet: check the fingerprint, and wait until their files have synced to this computer',
    rosterInvalid: 'The supervisor’s roster failed its check: {{details}}',
    rosterNotSupervisor: 'This roster was not published by a supervisor',
    badFingerprint: 'Malformed fingerprint: it is 32 hexadecimal digits (spaces allowed); check it with the other person',
    noRosterYet: 'There is no roster yet; set up the sync folder first',
    noIdentity: 'The sync folder has no valid identity file with the fingerprint {{fingerprint}}: {{details}}',
    yourself: 'This is your own profile',
    sameIdOtherKey: 'The roster already has someone with the same id and another public key ({{name}}): check, then try again',
    wrongSender: 'The package’s signer ({{name}}, fingerprint {{fingerprint}}) is not the owner of this folder',
    notForMe: 'This package is not addressed to you',
    notOnRoster: 'The profile “{{name}}” ($t(core.roles.{{role}})) in the package is not on the office roster and cannot be introduced by it',
  },
  backupFile: {
    folderPath: 'Give the folder’s full path: {{place}}',
    restoreRunning: 'Another restore is running; wait until it has finished',
    sameFolder: 'The new place is the current data folder',
    verifyFailed: 'A file differs from what was written (sha256): {{path}}',
    targetInside: 'The target folder can be neither inside the current data folder nor contain it: {{place}}',
    restoreWriting: 'Another restore is writing into this folder; wait until it has finished: {{place}}',
    folderBusy: 'Another ReportDesk program is using or restoring this folder: {{place}}',
    targetNotEmpty: 'The target folder is not empty: {{place}}. Choose a new or empty folder',
    targetInUse: 'ReportDesk is using the data folder; it cannot be replaced: {{place}}',
    readBackDiffers: 'The backup file read back differs from what was written: {{place}}',
    notFound: 'Backup file not found: {{place}}',
    isFolder: 'This is a folder, not a ReportDesk backup file: {{place}}',
    notZip: 'This is not a ReportDesk backup file: {{name}} (not a zip file)',
    truncated: 'The backup file is incomplete; it may have been cut short while copying: {{name}}',
    corrupt: 'The backup file is damaged: {{name}} ({{details}})',
    noManifest: 'This is not a ReportDesk backup file: {{name}} (no backup manifest)',
    newerFormat: 'This backup was made by a newer ReportDesk (format {{version}}); this program reads format {{supported}}. Update ReportDesk first',
    manifestInvalid: 'The backup manifest is incomplete or was changed: {{name}}',
    badPath: 'A file path in the backup manifest is malformed: {{path}}',
    missingFile: 'The backup lacks a file its manifest lists: {{path}}',
    hashMismatch: 'A file in the backup does not match its sha256 in the manifest; the backup is damaged or was changed: {{path}}',
    unlisted: 'The backup holds a file its manifest does not list: {{path}}',
    diskFull: 'The disk is full; cannot write: {{place}}. Free some space or choose another folder',
    quota: 'The disk quota is used up; cannot write: {{place}}',
    readOnly: 'The folder is read-only; cannot write: {{place}}',
    noPermission: 'No permission to write: {{place}}',
    folderGone: 'Folder not found (the disk may have been removed): {{place}}',
    diskGone: 'The disk is not available (it may have been removed): {{place}}',
    diskError: 'Error reading or writing the disk (it may have been removed or be damaged): {{place}}',
    notFolder: 'Not a folder: {{place}}',
    io: 'Reading or writing a file failed: {{place}} ({{code}})',
  },
  transport: {
    pageNotFound: 'Page not found',
    notBuilt: 'The interface has not been built yet: run npm run build first',
    fileNotFound: 'File not found',
    eventsGetOnly: 'The event stream accepts GET requests only',
    badHost: 'Access refused: the host name {{host}} is not this computer',
    badOrigin: 'Access refused: the origin {{origin}} is not a ReportDesk page',
    crossSite: 'Access refused: a request from another site ({{site}})',
    badToken: 'Missing or wrong access token: open ReportDesk with the full address printed at start-up',
    postOnly: 'The interface accepts POST requests only',
    jsonOnly: 'The interface accepts application/json only',
    tooLarge: 'Request too large: over the limit of {{limit}}',
    badJson: 'The request is not valid JSON',
    badChannel: 'Malformed channel name',
    badSession: 'Malformed session id; reload the page',
    badMethod: 'Request method not supported',
    internal: 'Internal error',
    unknownPage: 'Request from an unknown page refused',
    badExport: 'The exported file’s name or content is malformed',
    saveFailed: 'Saving failed: {{details}}',
    diskFull: 'The disk is full; this act did not finish. What was saved before is untouched; free some disk space and try again.',
  },
  syncRefusal: {
    rosterInvalid: 'The supervisor’s roster failed its check: {{details}}',
    folderLink: 'This subfolder is a symbolic link; it is not read',
    fileLink: 'A symbolic link; not read',
    tooLarge: 'The file is too large ({{size}} MB, the limit is {{limit}} MB); not read',
    notFile: 'Not a regular file; not read',
  },
  cliHelp: {
    main: `ReportDesk command line

Usage: npm run cli -- <command> [options] [--data <data folder>] [--as <profile name or id>] [--json] [--lang en]

Commands:
  demo                 load the sample data (may be repeated; nothing is loaded twice)
  profiles             list the profiles on this computer
  passphrase           change the passphrase of a supervisor's signing key --as <supervisor>: the current one from
                       --passphrase-file, REPORTDESK_PASSPHRASE or the terminal, the new one from --new-passphrase-file,
                       REPORTDESK_NEW_PASSPHRASE or typed twice in the terminal
  list                 list the documents you can see [--kind <kind>] [--status <status>] [--period <period>]
  show <id>            show one document
  problems             list the damaged data files that were moved aside
  verify               check the review records of every visible document (hash chain, register, signatures,
                       permissions, submitted revisions, document state); exit code 1 when a problem is found
{{export}}
{{package}}
{{backup}}
{{sync}}
  help                 show this help

A supervisor's signature (package export-reviews and others) needs the passphrase: --passphrase-file <file>, the
REPORTDESK_PASSPHRASE environment variable, or typed in the terminal.
The data folder is REPORTDESK_DATA_DIR, else ~/.reportdesk.
--lang en or the environment variable REPORTDESK_LANG=en: help and errors in English.`,
    export: `  export <id>          export one document --layout official|plain|excel (official or plain Word, or Excel)
                       [--revision <submission>] [--appendix with the review log] [--without-comments]
  export register      export the register [--period 2026-10] [--kind <kind>] [--status <status>] [--author <manager>]
  export meeting-pack  export the meeting pack (default: the period's documents flagged praise/critique at the meeting)
                       --period 2026-10 | --ids <id,id> [--name <meeting name>] [--date 2026-11-05]
                       [--organiser <organiser>] [--layout official|plain|excel]
                       every export takes --out <file or folder> (default: this folder, the file named automatically)`,
    package: `  package export       export a submissions package (customer manager): --since-last (everything new since the
                       last export) | --ids <id,id> [--to <supervisor name>] [--out <file or folder>]
  package export-reviews  export a review package (supervisor): [--manager <manager name>] (default: all)
                       [--out <file or folder>]
  package import <file>   import an exchange package: first checks it and shows its content and what is new, then
                       imports [--dry-run check only] [--trust confirm a first-seen sender after checking the
                       fingerprint]
                       exit codes: 0 done, 1 refused or failed, 2 usage error, 3 add --trust after checking the fingerprint`,
    backup: `  backup               back up the whole data folder [--out <backup folder>] (default: the folder chosen in
                       Settings, or <name>-backups beside the data folder)
  restore <backup>     restore a backup into --data <folder> (a new or empty folder); with --replace the folder is
                       backed up first and its content replaced`,
    sync: `  sync status          sync state: the sync folder, what waits to be sent, each person's last package and
                       acknowledgement, refused packages
  sync now             sync once now (send what is new, import packages received, acknowledge, clean up
                       acknowledged packages); exit code 1 when there is a problem
  sync setup <folder>  choose the sync folder (Syncthing or a network share keeps it the same on every computer)
  sync join <fingerprint>   customer manager: join the office after checking the supervisor's fingerprint
  sync admit <fingerprint>  supervisor: add someone to the roster after checking their fingerprint`,
    usageOf: 'Usage:\n{{usage}}',
    restoreUsage: 'Usage: restore <backup file> --data <folder to restore into> [--replace]',
    packageExportUsage: 'Usage: package export --since-last | --ids <id,id> (one of the two) [--to <supervisor name>] [--out <file>]',
    packageImportUsage: 'Usage: package import <file> [--trust] [--dry-run]',
  },
  recordType: {
    submit: 'submit the document',
    withdraw: 'withdraw the submission',
    decision: 'decide on the review',
    reopen: 'reopen the document',
    comment: 'comment',
    'comment-edit': 'edit the comment',
    'comment-retract': 'withdraw the comment',
    reply: 'reply to the comment',
    'mark-fixed': 'mark it fixed',
    resolve: 'confirm the fix',
    'reopen-comment': 'reopen the comment',
  },
  recordRule: {
    'supervisor-only': 'only a supervisor may',
    'document-author-only': 'only the document’s author may',
    'author-or-supervisor': 'only the document’s author or a supervisor may',
    'comment-author-only': 'only the comment’s author may',
  },
};

export const coreMessages = { 'zh-CN': coreMessagesZh as CoreMessages, en: coreMessagesEn } as const;
export type MessageLanguage = keyof typeof coreMessages;
export type MessageParams = Record<string, string | number>;

/** Dotted keys of the catalogue (`report.notFound`). */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof coreMessagesZh>;

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A catalogue message with its parameters filled in (zh-CN unless told), for the CLI, exports and the default text. */
export function formatMessage(key: MessageKey | string, params: MessageParams = {}, language: MessageLanguage = 'zh-CN'): string {
  const template = lookup(coreMessages[language], key) ?? lookup(coreMessages['zh-CN'], key) ?? key;
  // A word from elsewhere in the catalogue, chosen by a parameter (`$t(core.roles.{{role}})`), is resolved first,
  // so a parameter's own value (a name someone typed) is never read as a catalogue reference.
  const withWords = template.replace(/\$t\(core\.([^)]*)\)/g, (whole, inner: string) => {
    const nested = inner.replace(/\{\{\s*(\w+)\s*\}\}/g, (name, param: string) => (param in params ? String(params[param]) : name));
    return lookup(coreMessages[language], nested) ?? lookup(coreMessages['zh-CN'], nested) ?? whole;
  });
  return withWords.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every dotted key of a catalogue tree (for the completeness test). */
export function catalogueKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => catalogueKeys(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * A DomainError raised by catalogue key: the message is the zh-CN text (what older clients show), and the key
 * and parameters travel in the error so each surface renders it in the person's language.
 */
export function coded(
  code: ErrorCode,
  key: MessageKey,
  params?: MessageParams,
  options?: { issues?: ErrorIssue[]; details?: unknown },
): DomainError {
  return new DomainError(code, formatMessage(key, params), { ...options, key, ...(params ? { params } : {}) });
}
