/// The desk's words: the agents' queue and case pages, plans and calendars.
struct DeskStrings: Sendable {
    let title: String
    let desk: String
    let queue: String
    let queueHint: String
    let caseID: String
    let subject: String
    let account: String
    let plan: String
    let severity: String
    let language: String
    let service: String
    let specialty: String
    let due: String
    let dueAt: String
    let assignee: String
    let status: String
    let answered: String
    let noTarget: String
    let breachedFor: String
    let dueIn: String
    let pausedUntil: String
    let unassigned: String
    let filters: String
    let any: String
    let applyFilters: String
    let showingAll: String
    let range: String
    let showingFiltered: String
    let noCases: String
    let noAgentID: String
    let assignedNotice: String
    let repliedNotice: String
    let resolvedNotice: String
    let assignToMe: String
    let reply: String
    let replyText: String
    let requestInformation: String
    let sendReply: String
    let resolveTitle: String
    let resolutionNote: String
    let resolve: String
    let resolveConfirm: String
    let similar: String
    let searchLabel: String
    let search: String
    let noSimilar: String
    let coachFindings: String
    let noCoach: String
    let thread: String
    let noMessages: String
    let plans: String
    let planDefinitions: String
    let hours: String
    let businessHours: String
    let allHours: String
    let technicalCases: String
    let channels: String
    let targets: String
    let yes: String
    let no: String
    let calendars: String
    let timeZone: String
    let weeklyHours: String
    let holidayCountry: String
    let companyHolidays: String
    let noHolidays: String
    let addHoliday: String
    let date: String
    let holidayName: String
    let remove: String
    let removeConfirm: String
}

extension DeskStrings {
    static let english = DeskStrings(
        title: "Support desk",
        desk: "Desk",
        queue: "Case queue",
        queueHint: "Breached cases first, then by first-response due time.",
        caseID: "Case",
        subject: "Subject",
        account: "Customer account",
        plan: "Plan",
        severity: "Severity",
        language: "Language",
        service: "Service",
        specialty: "Specialty",
        due: "First response",
        dueAt: "Due",
        assignee: "Agent",
        status: "Status",
        answered: "Answered",
        noTarget: "No target",
        breachedFor: "Breached — overdue by %@",
        dueIn: "Due in %@",
        pausedUntil: "Paused until %@ (%@ of business time left)",
        unassigned: "Unassigned",
        filters: "Filters",
        any: "Any",
        applyFilters: "Apply filters",
        showingAll: "Showing every open case.", range: "Cases %@–%@, by first-response due time; on each page the breached come first.",
        showingFiltered: "Showing open cases for: %@.",
        noCases: "The queue is empty.",
        noAgentID: "Your console user has no agent ID: ask an admin to set one (hikeshi admin create-user --agent-id).",
        assignedNotice: "The case is assigned to you.",
        repliedNotice: "Your reply was sent to the customer.",
        resolvedNotice: "The case is resolved and the note was sent.",
        assignToMe: "Assign to me",
        reply: "Reply",
        replyText: "Reply to the customer",
        requestInformation: "Ask the customer for information (the case waits for their reply)",
        sendReply: "Send reply",
        resolveTitle: "Resolve with a note",
        resolutionNote: "Resolution note (sent to the customer and found by later searches)",
        resolve: "Resolve",
        resolveConfirm: "Resolve this case and send the note?",
        similar: "Similar resolved cases",
        searchLabel: "Search resolved cases",
        search: "Search",
        noSimilar: "No resolved case matches.",
        coachFindings: "Coach findings when the case was opened",
        noCoach: "The coach found nothing.",
        thread: "Correspondence",
        noMessages: "No messages yet.",
        plans: "Plans and calendars",
        planDefinitions: "Support plans",
        hours: "Targets count",
        businessHours: "Business hours only",
        allHours: "Around the clock",
        technicalCases: "Technical cases",
        channels: "Channels",
        targets: "First-response targets",
        yes: "Yes",
        no: "No",
        calendars: "Business calendars",
        timeZone: "Time zone",
        weeklyHours: "Weekly hours",
        holidayCountry: "Public holidays of",
        companyHolidays: "Company holidays",
        noHolidays: "No company holidays.",
        addHoliday: "Add company holiday",
        date: "Date",
        holidayName: "Name",
        remove: "Remove",
        removeConfirm: "Remove this company holiday?"
    )

    static let japanese = DeskStrings(
        title: "サポートデスク",
        desk: "デスク",
        queue: "ケースキュー",
        queueHint: "期限超過のケースを先頭に、初回応答期限の順に並べています。",
        caseID: "ケース",
        subject: "件名",
        account: "顧客アカウント",
        plan: "プラン",
        severity: "重要度",
        language: "言語",
        service: "サービス",
        specialty: "専門分野",
        due: "初回応答",
        dueAt: "期限",
        assignee: "担当者",
        status: "ステータス",
        answered: "応答済み",
        noTarget: "目標なし",
        breachedFor: "期限超過 — %@ 超過",
        dueIn: "残り %@",
        pausedUntil: "%@ まで一時停止中（営業時間で残り %@）",
        unassigned: "未割り当て",
        filters: "絞り込み",
        any: "すべて",
        applyFilters: "絞り込む",
        showingAll: "未解決のすべてのケースを表示しています。", range: "%@〜%@ 件目。初回応答の期限の早い順で、各ページでは期限超過を先に表示します。",
        showingFiltered: "次の条件の未解決ケースを表示しています：%@。",
        noCases: "キューは空です。",
        noAgentID: "コンソールユーザーにエージェント ID がありません。管理者に設定を依頼してください（hikeshi admin create-user --agent-id）。",
        assignedNotice: "ケースがあなたに割り当てられました。",
        repliedNotice: "返信をお客様に送信しました。",
        resolvedNotice: "ケースを解決し、解決メモを送信しました。",
        assignToMe: "自分に割り当て",
        reply: "返信",
        replyText: "お客様への返信",
        requestInformation: "お客様に情報を依頼する（返信があるまで待機）",
        sendReply: "返信を送信",
        resolveTitle: "メモを付けて解決",
        resolutionNote: "解決メモ（お客様に送信され、今後の検索対象になります）",
        resolve: "解決",
        resolveConfirm: "このケースを解決してメモを送信しますか？",
        similar: "類似の解決済みケース",
        searchLabel: "解決済みケースを検索",
        search: "検索",
        noSimilar: "一致する解決済みケースはありません。",
        coachFindings: "作成時のコーチの指摘",
        noCoach: "コーチの指摘はありませんでした。",
        thread: "やり取り",
        noMessages: "まだメッセージはありません。",
        plans: "プランとカレンダー",
        planDefinitions: "サポートプラン",
        hours: "目標時間の数え方",
        businessHours: "営業時間のみ",
        allHours: "24 時間",
        technicalCases: "技術的なケース",
        channels: "連絡方法",
        targets: "初回応答目標",
        yes: "はい",
        no: "いいえ",
        calendars: "営業カレンダー",
        timeZone: "タイムゾーン",
        weeklyHours: "週間の営業時間",
        holidayCountry: "祝日の国",
        companyHolidays: "会社の休日",
        noHolidays: "会社の休日はありません。",
        addHoliday: "会社の休日を追加",
        date: "日付",
        holidayName: "名前",
        remove: "削除",
        removeConfirm: "この会社の休日を削除しますか？"
    )

    static let korean = DeskStrings(
        title: "지원 데스크",
        desk: "데스크",
        queue: "사례 대기열",
        queueHint: "기한을 넘긴 사례를 먼저, 그다음 첫 응답 기한 순으로 표시합니다.",
        caseID: "사례",
        subject: "제목",
        account: "고객 계정",
        plan: "플랜",
        severity: "심각도",
        language: "언어",
        service: "서비스",
        specialty: "전문 분야",
        due: "첫 응답",
        dueAt: "기한",
        assignee: "담당자",
        status: "상태",
        answered: "응답함",
        noTarget: "목표 없음",
        breachedFor: "기한 초과 — %@ 지남",
        dueIn: "%@ 남음",
        pausedUntil: "%@까지 일시 중지(영업시간 기준 %@ 남음)",
        unassigned: "미할당",
        filters: "필터",
        any: "전체",
        applyFilters: "필터 적용",
        showingAll: "열린 사례를 모두 표시하고 있습니다.", range: "%@–%@번째. 첫 응답 기한 순이며, 각 페이지에서는 기한 초과를 먼저 보여 줍니다.",
        showingFiltered: "다음 조건의 열린 사례를 표시하고 있습니다: %@.",
        noCases: "대기열이 비어 있습니다.",
        noAgentID: "콘솔 사용자에게 에이전트 ID가 없습니다. 관리자에게 설정을 요청하세요(hikeshi admin create-user --agent-id).",
        assignedNotice: "사례가 나에게 할당되었습니다.",
        repliedNotice: "회신을 고객에게 보냈습니다.",
        resolvedNotice: "사례를 해결하고 메모를 보냈습니다.",
        assignToMe: "나에게 할당",
        reply: "회신",
        replyText: "고객에게 회신",
        requestInformation: "고객에게 정보 요청(회신을 기다림)",
        sendReply: "회신 보내기",
        resolveTitle: "메모와 함께 해결",
        resolutionNote: "해결 메모(고객에게 전송되며 이후 검색에 사용됨)",
        resolve: "해결",
        resolveConfirm: "이 사례를 해결하고 메모를 보내시겠습니까?",
        similar: "유사한 해결 사례",
        searchLabel: "해결된 사례 검색",
        search: "검색",
        noSimilar: "일치하는 해결 사례가 없습니다.",
        coachFindings: "생성 시 코치 지적 사항",
        noCoach: "코치 지적 사항이 없습니다.",
        thread: "대화 내역",
        noMessages: "아직 메시지가 없습니다.",
        plans: "플랜 및 캘린더",
        planDefinitions: "지원 플랜",
        hours: "목표 시간 계산",
        businessHours: "영업시간만",
        allHours: "24시간",
        technicalCases: "기술 사례",
        channels: "연락 방법",
        targets: "첫 응답 목표",
        yes: "예",
        no: "아니요",
        calendars: "영업 캘린더",
        timeZone: "시간대",
        weeklyHours: "주간 영업시간",
        holidayCountry: "공휴일 국가",
        companyHolidays: "회사 휴일",
        noHolidays: "회사 휴일이 없습니다.",
        addHoliday: "회사 휴일 추가",
        date: "날짜",
        holidayName: "이름",
        remove: "삭제",
        removeConfirm: "이 회사 휴일을 삭제하시겠습니까?"
    )

    static let chinese = DeskStrings(
        title: "支持服务台",
        desk: "服务台",
        queue: "案例队列",
        queueHint: "先显示已超期的案例，然后按首次响应截止时间排序。",
        caseID: "案例",
        subject: "主题",
        account: "客户账户",
        plan: "计划",
        severity: "严重性",
        language: "语言",
        service: "服务",
        specialty: "专业领域",
        due: "首次响应",
        dueAt: "截止",
        assignee: "负责人",
        status: "状态",
        answered: "已响应",
        noTarget: "无目标",
        breachedFor: "已超期 — 超出 %@",
        dueIn: "剩余 %@",
        pausedUntil: "暂停至 %@（剩余工作时间 %@）",
        unassigned: "未分配",
        filters: "筛选",
        any: "全部",
        applyFilters: "应用筛选",
        showingAll: "显示所有未解决的案例。", range: "第 %@–%@ 个，按首次响应截止时间排序；每页中先显示已超期的。",
        showingFiltered: "显示符合以下条件的未解决案例：%@。",
        noCases: "队列为空。",
        noAgentID: "您的控制台用户没有坐席 ID：请让管理员设置（hikeshi admin create-user --agent-id）。",
        assignedNotice: "案例已分配给您。",
        repliedNotice: "已将您的回复发送给客户。",
        resolvedNotice: "案例已解决，并已发送说明。",
        assignToMe: "分配给我",
        reply: "回复",
        replyText: "回复客户",
        requestInformation: "向客户索取信息（等待其回复）",
        sendReply: "发送回复",
        resolveTitle: "附说明解决",
        resolutionNote: "解决说明（发送给客户，并可在以后搜索到）",
        resolve: "解决",
        resolveConfirm: "要解决此案例并发送说明吗？",
        similar: "类似的已解决案例",
        searchLabel: "搜索已解决的案例",
        search: "搜索",
        noSimilar: "没有匹配的已解决案例。",
        coachFindings: "创建时的助手提示",
        noCoach: "助手未发现问题。",
        thread: "往来记录",
        noMessages: "还没有消息。",
        plans: "计划和日历",
        planDefinitions: "支持计划",
        hours: "目标计时",
        businessHours: "仅工作时间",
        allHours: "全天候",
        technicalCases: "技术案例",
        channels: "联系方式",
        targets: "首次响应目标",
        yes: "是",
        no: "否",
        calendars: "工作日历",
        timeZone: "时区",
        weeklyHours: "每周工作时间",
        holidayCountry: "公共假日所属国家",
        companyHolidays: "公司假日",
        noHolidays: "没有公司假日。",
        addHoliday: "添加公司假日",
        date: "日期",
        holidayName: "名称",
        remove: "删除",
        removeConfirm: "要删除此公司假日吗？"
    )
}
