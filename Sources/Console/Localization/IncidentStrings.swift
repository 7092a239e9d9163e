/// The incident pages' words.
struct IncidentStrings: Sendable {
    let incidents: String
    let openIncidents: String
    let resolvedIncidents: String
    let showingOpen: String
    let showingResolved: String
    let noOpen: String
    let noResolved: String
    let startIncident: String
    let title: String
    let impact: String
    let status: String
    let statusOpen: String
    let statusResolved: String
    let created: String
    let resolvedAt: String
    let source: String
    let age: String
    let duration: String
    let chatChannel: String
    let noChatChannel: String
    let overview: String
    let timeline: String
    let runbook: String
    let engagements: String
    let related: String
    let properties: String
    let analysis: String
    let resolve: String
    let resolveConfirm: String
    let resolvedNotice: String
    let reopen: String
    let editProperties: String
    let summary: String
    let save: String
    let notes: String
    let addNote: String
    let noteText: String
    let noteAdded: String
    let noNotes: String
    let newestFirst: String
    let oldestFirst: String
    let customOnly: String
    let allEvents: String
    let addEvent: String
    let eventTime: String
    let eventText: String
    let eventType: String
    let edit: String
    let delete: String
    let deleteConfirm: String
    let noEvents: String
    let responsePlan: String
    let choosePlan: String
    let noPlans: String
    let titleOverride: String
    let titleOverrideHint: String
    let impactOverride: String
    let impactFromPlan: String
    let start: String
    let started: String
    let impact1: String
    let impact2: String
    let impact3: String
    let impact4: String
    let impact5: String
    let runbookSteps: String
    let noRunbook: String
    let waitingForInput: String
    let resumeStep: String
    let approve: String
    let reject: String
    let execution: String
    let step: String
    let stepStatus: String
    let engaged: String
    let noEngagements: String
    let contact: String
    let relatedItems: String
    let noRelatedItems: String
    let arn: String
    let lastModifiedBy: String
    let by: String
    let runPending: String
    let runInProgress: String
    let runWaiting: String
    let runSuccess: String
    let runFailed: String
    let runCancelled: String
    let runTimedOut: String
    let document: String
    let version: String
    let startedAt: String
    let currentStep: String
    let action: String
    let comment: String
    let signalSent: String
    let sent: String
    let delivered: String
    let acknowledged: String
    let notYet: String
    let page: String
    let addRelated: String
    let url: String
    let itemTitle: String
    let itemType: String
    let remove: String
    let relatedAdded: String
    let dedupe: String
    let notificationTargets: String
    let tags: String
    let none: String
    let createdBy: String
    let invokedBy: String
    let resource: String
    let noAnalysis: String
    let createAnalysis: String
    let analysisOpen: String
    let saveAnswers: String
    let answersSaved: String
    let answeredBy: String
    let actionItems: String
    let noActionItems: String
    let addActionItem: String
    let actionTitle: String
    let actionDescription: String
    let priority: String
    let forQuestion: String
    let actionAdded: String
    let exportMarkdown: String
    let preview: String
    let previewHeading: String
    let willTitle: String
    let willEngage: String
    let willRun: String
    let willChat: String
    let nobody: String
}

extension IncidentStrings {
    static let english = IncidentStrings(
        incidents: "Incidents", openIncidents: "Open incidents", resolvedIncidents: "Recently resolved",
        showingOpen: "Open incidents, 50 at a time, newest first; on each page the highest impact comes first.",
        showingResolved: "The 20 most recently created resolved incidents.",
        noOpen: "No open incidents.", noResolved: "No resolved incidents.", startIncident: "Start incident", title: "Title", impact: "Impact",
        status: "Status", statusOpen: "Open", statusResolved: "Resolved", created: "Created", resolvedAt: "Resolved", source: "Source",
        age: "Age", duration: "Duration", chatChannel: "Chat channel", noChatChannel: "None", overview: "Overview", timeline: "Timeline",
        runbook: "Runbook", engagements: "Engagements", related: "Related items", properties: "Properties", analysis: "Analysis",
        resolve: "Resolve incident", resolveConfirm: "Resolve this incident?", resolvedNotice: "The incident is resolved.", reopen: "Reopen",
        editProperties: "Edit properties", summary: "Summary", save: "Save", notes: "Incident notes", addNote: "Add note", noteText: "Note",
        noteAdded: "Note added.", noNotes: "No notes yet.", newestFirst: "Newest first", oldestFirst: "Oldest first",
        customOnly: "Custom events only", allEvents: "All events", addEvent: "Add custom event", eventTime: "Event time",
        eventText: "Description", eventType: "Type", edit: "Edit", delete: "Delete", deleteConfirm: "Delete this event?",
        noEvents: "No events.", responsePlan: "Response plan", choosePlan: "Choose a response plan", noPlans: "No response plans in this account.",
        titleOverride: "Title (optional)", titleOverrideHint: "Leave empty to use the response plan's title.", impactOverride: "Impact (optional)",
        impactFromPlan: "From the response plan", start: "Start", started: "The incident is started.", impact1: "1 – Critical",
        impact2: "2 – High", impact3: "3 – Medium", impact4: "4 – Low", impact5: "5 – No impact", runbookSteps: "Runbook steps",
        noRunbook: "No runbook ran for this incident.", waitingForInput: "Waiting for input", resumeStep: "Resume", approve: "Approve",
        reject: "Reject", execution: "Execution", step: "Step", stepStatus: "Step status", engaged: "Engaged",
        noEngagements: "Nobody was engaged.", contact: "Contact", relatedItems: "Related items", noRelatedItems: "No related items.",
        arn: "ARN", lastModifiedBy: "Last modified by", by: "by",
        runPending: "Pending",
        runInProgress: "In progress",
        runWaiting: "Waiting for input",
        runSuccess: "Success",
        runFailed: "Failed",
        runCancelled: "Cancelled",
        runTimedOut: "Timed out",
        document: "Document",
        version: "Version",
        startedAt: "Started",
        currentStep: "Current step",
        action: "Action",
        comment: "Comment (optional)",
        signalSent: "The runbook was told.",
        sent: "Sent",
        delivered: "Delivered",
        acknowledged: "Acknowledged",
        notYet: "Not yet",
        page: "Page",
        addRelated: "Add related item",
        url: "URL",
        itemTitle: "Title (optional)",
        itemType: "Type",
        remove: "Remove",
        relatedAdded: "The related item is added.",
        dedupe: "Deduplication string",
        notificationTargets: "Notification targets",
        tags: "Tags",
        none: "None",
        createdBy: "Created by",
        invokedBy: "Invoked by",
        resource: "Resource",
        noAnalysis: "No analysis yet. Once the incident is resolved, start one from the template in your language.",
        createAnalysis: "Start the analysis",
        analysisOpen: "An open incident cannot be analysed yet: resolve it first.",
        saveAnswers: "Save answers",
        answersSaved: "The answers are saved.",
        answeredBy: "Answered by",
        actionItems: "Action items",
        noActionItems: "No action items yet.",
        addActionItem: "Add action item (an OpsItem)",
        actionTitle: "Title",
        actionDescription: "Description (optional)",
        priority: "Priority (1 highest – 5)",
        forQuestion: "For question (optional)",
        actionAdded: "The action item is added.",
        exportMarkdown: "Export as Markdown",
        preview: "Preview",
        previewHeading: "Starting this incident will",
        willTitle: "use the title",
        willEngage: "engage",
        willRun: "run the runbook",
        willChat: "post to",
        nobody: "nobody"
    )

    static let japanese = IncidentStrings(
        incidents: "インシデント", openIncidents: "オープン中のインシデント", resolvedIncidents: "最近解決したインシデント",
        showingOpen: "オープン中のインシデントを新しい順に 50 件ずつ表示し、各ページでは影響度の高いものを先に並べています。",
        showingResolved: "解決済みのインシデントを作成の新しい順に 20 件表示しています。", noOpen: "オープン中のインシデントはありません。",
        noResolved: "解決済みのインシデントはありません。", startIncident: "インシデントを開始", title: "タイトル", impact: "影響",
        status: "ステータス", statusOpen: "オープン", statusResolved: "解決済み", created: "作成日時", resolvedAt: "解決日時", source: "ソース",
        age: "経過", duration: "期間", chatChannel: "チャットチャネル", noChatChannel: "なし", overview: "概要", timeline: "タイムライン",
        runbook: "ランブック", engagements: "エンゲージメント", related: "関連項目", properties: "プロパティ", analysis: "分析",
        resolve: "インシデントを解決", resolveConfirm: "このインシデントを解決しますか？", resolvedNotice: "インシデントを解決しました。",
        reopen: "再オープン", editProperties: "プロパティを編集", summary: "概要", save: "保存", notes: "インシデントのメモ", addNote: "メモを追加",
        noteText: "メモ", noteAdded: "メモを追加しました。", noNotes: "メモはまだありません。", newestFirst: "最新のものから表示",
        oldestFirst: "古いものから表示", customOnly: "カスタムイベントのみを表示", allEvents: "すべてのイベント", addEvent: "カスタムイベントを追加",
        eventTime: "イベント時刻", eventText: "説明", eventType: "種類", edit: "編集", delete: "削除", deleteConfirm: "このイベントを削除しますか？",
        noEvents: "イベントはありません。", responsePlan: "対応プラン", choosePlan: "対応プランを選択", noPlans: "このアカウントには対応プランがありません。",
        titleOverride: "タイトル（任意）", titleOverrideHint: "空欄なら対応プランのタイトルを使います。", impactOverride: "影響（任意）",
        impactFromPlan: "対応プランに従う", start: "開始", started: "インシデントを開始しました。", impact1: "1 – 重大", impact2: "2 – 高",
        impact3: "3 – 中", impact4: "4 – 低", impact5: "5 – 影響なし", runbookSteps: "ランブックのステップ",
        noRunbook: "このインシデントで実行されたランブックはありません。", waitingForInput: "入力を待機中", resumeStep: "再開", approve: "承認",
        reject: "却下", execution: "実行", step: "ステップ", stepStatus: "ステップのステータス", engaged: "エンゲージ済み",
        noEngagements: "エンゲージされた連絡先はありません。", contact: "連絡先", relatedItems: "関連項目", noRelatedItems: "関連項目はありません。",
        arn: "ARN", lastModifiedBy: "最終更新者", by: "記入者",
        runPending: "保留中",
        runInProgress: "進行中",
        runWaiting: "入力を待機中",
        runSuccess: "成功",
        runFailed: "失敗",
        runCancelled: "キャンセル済み",
        runTimedOut: "タイムアウト",
        document: "ドキュメント",
        version: "バージョン",
        startedAt: "開始日時",
        currentStep: "現在のステップ",
        action: "アクション",
        comment: "コメント（任意）",
        signalSent: "ランブックに伝えました。",
        sent: "送信",
        delivered: "配信",
        acknowledged: "確認済み",
        notYet: "まだ",
        page: "ページ",
        addRelated: "関連項目を追加",
        url: "URL（リンク先）",
        itemTitle: "タイトル（任意）",
        itemType: "種類",
        remove: "削除",
        relatedAdded: "関連項目を追加しました。",
        dedupe: "重複排除文字列",
        notificationTargets: "通知先",
        tags: "タグ",
        none: "なし",
        createdBy: "作成者",
        invokedBy: "呼び出し元",
        resource: "リソース",
        noAnalysis: "まだ分析はありません。インシデントの解決後、ご利用の言語のテンプレートから作成できます。",
        createAnalysis: "分析を開始",
        analysisOpen: "オープン中のインシデントはまだ分析できません。先に解決してください。",
        saveAnswers: "回答を保存",
        answersSaved: "回答を保存しました。",
        answeredBy: "回答者",
        actionItems: "アクション項目",
        noActionItems: "アクション項目はまだありません。",
        addActionItem: "アクション項目を追加（OpsItem）",
        actionTitle: "件名",
        actionDescription: "説明（任意）",
        priority: "優先度（1 が最高 – 5）",
        forQuestion: "対象の質問（任意）",
        actionAdded: "アクション項目を追加しました。",
        exportMarkdown: "Markdown で書き出す",
        preview: "プレビュー",
        previewHeading: "このインシデントを開始すると",
        willTitle: "次のタイトルを使います",
        willEngage: "次の連絡先にエンゲージします",
        willRun: "次のランブックを実行します",
        willChat: "次のチャットに投稿します",
        nobody: "なし"
    )

    static let korean = IncidentStrings(
        incidents: "인시던트", openIncidents: "진행 중인 인시던트", resolvedIncidents: "최근 해결된 인시던트",
        showingOpen: "진행 중인 인시던트를 최신순으로 50건씩 표시하며, 각 페이지에서는 영향도가 높은 것을 먼저 보여 줍니다.", showingResolved: "해결된 인시던트를 최근 생성 순으로 20건 표시합니다.",
        noOpen: "진행 중인 인시던트가 없습니다.", noResolved: "해결된 인시던트가 없습니다.", startIncident: "인시던트 시작", title: "제목",
        impact: "영향", status: "상태", statusOpen: "진행 중", statusResolved: "해결됨", created: "생성 시각", resolvedAt: "해결 시각", source: "출처",
        age: "경과", duration: "지속 시간", chatChannel: "채팅 채널", noChatChannel: "없음", overview: "개요", timeline: "타임라인",
        runbook: "런북", engagements: "참여", related: "관련 항목", properties: "속성", analysis: "분석", resolve: "인시던트 해결",
        resolveConfirm: "이 인시던트를 해결하시겠습니까?", resolvedNotice: "인시던트를 해결했습니다.", reopen: "다시 열기",
        editProperties: "속성 편집", summary: "요약", save: "저장", notes: "인시던트 메모", addNote: "메모 추가", noteText: "메모",
        noteAdded: "메모를 추가했습니다.", noNotes: "아직 메모가 없습니다.", newestFirst: "최신순", oldestFirst: "오래된 순",
        customOnly: "사용자 지정 이벤트만 표시", allEvents: "모든 이벤트", addEvent: "사용자 지정 이벤트 추가", eventTime: "이벤트 시각",
        eventText: "설명", eventType: "유형", edit: "편집", delete: "삭제", deleteConfirm: "이 이벤트를 삭제하시겠습니까?", noEvents: "이벤트가 없습니다.",
        responsePlan: "대응 계획", choosePlan: "대응 계획 선택", noPlans: "이 계정에는 대응 계획이 없습니다.", titleOverride: "제목(선택)",
        titleOverrideHint: "비워 두면 대응 계획의 제목을 사용합니다.", impactOverride: "영향(선택)", impactFromPlan: "대응 계획을 따름",
        start: "시작", started: "인시던트를 시작했습니다.", impact1: "1 – 심각", impact2: "2 – 높음", impact3: "3 – 보통", impact4: "4 – 낮음",
        impact5: "5 – 영향 없음", runbookSteps: "런북 단계", noRunbook: "이 인시던트에서 실행된 런북이 없습니다.", waitingForInput: "입력 대기 중",
        resumeStep: "재개", approve: "승인", reject: "거부", execution: "실행", step: "단계", stepStatus: "단계 상태", engaged: "참여함",
        noEngagements: "참여한 연락처가 없습니다.", contact: "연락처", relatedItems: "관련 항목", noRelatedItems: "관련 항목이 없습니다.",
        arn: "ARN", lastModifiedBy: "마지막 수정자", by: "작성자",
        runPending: "대기 중",
        runInProgress: "진행 중",
        runWaiting: "입력 대기 중",
        runSuccess: "성공",
        runFailed: "실패",
        runCancelled: "취소됨",
        runTimedOut: "시간 초과",
        document: "문서",
        version: "버전",
        startedAt: "시작 시각",
        currentStep: "현재 단계",
        action: "작업",
        comment: "의견(선택)",
        signalSent: "런북에 전달했습니다.",
        sent: "보냄",
        delivered: "전달됨",
        acknowledged: "확인됨",
        notYet: "아직 없음",
        page: "페이지",
        addRelated: "관련 항목 추가",
        url: "URL(링크)",
        itemTitle: "제목(선택)",
        itemType: "유형",
        remove: "제거",
        relatedAdded: "관련 항목을 추가했습니다.",
        dedupe: "중복 제거 문자열",
        notificationTargets: "알림 대상",
        tags: "태그",
        none: "없음",
        createdBy: "생성자",
        invokedBy: "호출자",
        resource: "리소스",
        noAnalysis: "아직 분석이 없습니다. 인시던트가 해결되면 사용 언어의 템플릿으로 만들 수 있습니다.",
        createAnalysis: "분석 시작",
        analysisOpen: "진행 중인 인시던트는 아직 분석할 수 없습니다. 먼저 해결하세요.",
        saveAnswers: "답변 저장",
        answersSaved: "답변을 저장했습니다.",
        answeredBy: "답변자",
        actionItems: "조치 항목",
        noActionItems: "아직 조치 항목이 없습니다.",
        addActionItem: "조치 항목 추가(OpsItem)",
        actionTitle: "제목",
        actionDescription: "설명(선택)",
        priority: "우선순위(1이 가장 높음 – 5)",
        forQuestion: "해당 질문(선택)",
        actionAdded: "조치 항목을 추가했습니다.",
        exportMarkdown: "Markdown으로 내보내기",
        preview: "미리 보기",
        previewHeading: "이 인시던트를 시작하면",
        willTitle: "다음 제목을 씁니다",
        willEngage: "다음 연락처에 참여를 요청합니다",
        willRun: "다음 런북을 실행합니다",
        willChat: "다음 채팅에 게시합니다",
        nobody: "없음"
    )

    static let chinese = IncidentStrings(
        incidents: "事件", openIncidents: "未解决的事件", resolvedIncidents: "最近解决的事件", showingOpen: "未解决的事件按时间从新到旧每页显示 50 个，每页内影响最高的排在前面。",
        showingResolved: "按创建时间显示最近 20 个已解决的事件。", noOpen: "没有未解决的事件。", noResolved: "没有已解决的事件。",
        startIncident: "启动事件", title: "标题", impact: "影响", status: "状态", statusOpen: "未解决", statusResolved: "已解决",
        created: "创建时间", resolvedAt: "解决时间", source: "来源", age: "已过时间", duration: "持续时间", chatChannel: "聊天频道",
        noChatChannel: "无", overview: "概览", timeline: "时间线", runbook: "运行手册", engagements: "联系记录", related: "相关项目",
        properties: "属性", analysis: "分析", resolve: "解决事件", resolveConfirm: "要解决此事件吗？", resolvedNotice: "事件已解决。",
        reopen: "重新打开", editProperties: "编辑属性", summary: "摘要", save: "保存", notes: "事件备注", addNote: "添加备注", noteText: "备注",
        noteAdded: "备注已添加。", noNotes: "还没有备注。", newestFirst: "最新的在前", oldestFirst: "最早的在前", customOnly: "仅显示自定义事件",
        allEvents: "所有事件", addEvent: "添加自定义事件", eventTime: "事件时间", eventText: "描述", eventType: "类型", edit: "编辑", delete: "删除",
        deleteConfirm: "要删除此事件吗？", noEvents: "没有事件。", responsePlan: "响应计划", choosePlan: "选择响应计划",
        noPlans: "此账户中没有响应计划。", titleOverride: "标题（可选）", titleOverrideHint: "留空则使用响应计划的标题。",
        impactOverride: "影响（可选）", impactFromPlan: "按照响应计划", start: "启动", started: "事件已启动。", impact1: "1 – 严重",
        impact2: "2 – 高", impact3: "3 – 中", impact4: "4 – 低", impact5: "5 – 无影响", runbookSteps: "运行手册步骤",
        noRunbook: "此事件没有运行过运行手册。", waitingForInput: "等待输入", resumeStep: "继续", approve: "批准", reject: "拒绝",
        execution: "执行", step: "步骤", stepStatus: "步骤状态", engaged: "已联系", noEngagements: "没有联系任何人。", contact: "联系人",
        relatedItems: "相关项目", noRelatedItems: "没有相关项目。", arn: "ARN", lastModifiedBy: "最后修改者", by: "作者",
        runPending: "待处理",
        runInProgress: "进行中",
        runWaiting: "等待输入",
        runSuccess: "成功",
        runFailed: "失败",
        runCancelled: "已取消",
        runTimedOut: "已超时",
        document: "文档",
        version: "版本",
        startedAt: "开始时间",
        currentStep: "当前步骤",
        action: "操作",
        comment: "备注（可选）",
        signalSent: "已通知运行手册。",
        sent: "已发送",
        delivered: "已送达",
        acknowledged: "已确认",
        notYet: "尚未",
        page: "呼叫",
        addRelated: "添加相关项目",
        url: "URL（链接）",
        itemTitle: "标题（可选）",
        itemType: "类型",
        remove: "移除",
        relatedAdded: "已添加相关项目。",
        dedupe: "去重字符串",
        notificationTargets: "通知目标",
        tags: "标签",
        none: "无",
        createdBy: "创建者",
        invokedBy: "调用者",
        resource: "资源",
        noAnalysis: "还没有分析。事件解决后，可以用您语言的模板创建分析。",
        createAnalysis: "开始分析",
        analysisOpen: "未解决的事件还不能分析，请先解决。",
        saveAnswers: "保存回答",
        answersSaved: "回答已保存。",
        answeredBy: "回答者",
        actionItems: "行动项",
        noActionItems: "还没有行动项。",
        addActionItem: "添加行动项（OpsItem）",
        actionTitle: "名称",
        actionDescription: "说明（可选）",
        priority: "优先级（1 最高 – 5）",
        forQuestion: "对应问题（可选）",
        actionAdded: "已添加行动项。",
        exportMarkdown: "导出为 Markdown",
        preview: "预览",
        previewHeading: "启动此事件将会",
        willTitle: "使用标题",
        willEngage: "联系",
        willRun: "运行运行手册",
        willChat: "发布到",
        nobody: "无人"
    )
}
