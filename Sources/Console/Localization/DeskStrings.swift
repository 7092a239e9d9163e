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
    let upstreamProviders: String
    let upstreamHint: String
    let providerName: String
    let endpoint: String
    let endpointHint: String
    let region: String
    let regionHint: String
    let accessKeyID: String
    let secretAccessKey: String
    let secretHint: String
    let sessionToken: String
    let pollInterval: String
    let pollIntervalHint: String
    let updated: String
    let noProviders: String
    let addProvider: String
    let changeProvider: String
    let saveProvider: String
    let change: String
    let deleteProvider: String
    let deleteProviderConfirm: String
    let providerSaved: String
    let providerDeleted: String
    let adminsEditProviders: String
    let escalations: String
    let noEscalations: String
    let provider: String
    let upstreamCase: String
    let upstreamStatus: String
    let notYet: String
    let attempts: String
    let lastError: String
    let nextAttempt: String
    let lastPolled: String
    let escalationCreating: String
    let escalationOpen: String
    let escalationResolved: String
    let escalationFailed: String
    let directionUp: String
    let directionDown: String
    let messagePending: String
    let messageSent: String
    let messageFailed: String
    let messageReceived: String
    let messageRelayed: String
    let upstreamAuthor: String
    let files: String
    let sendError: String
    let escalateTitle: String
    let escalateHint: String
    let chooseMessages: String
    let chooseFiles: String
    let upstreamNote: String
    let noProvidersLeft: String
    let escalate: String
    let escalatedNotice: String
    let sendUpstream: String
    let send: String
    let sentUpstreamNotice: String
    let relay: String
    let relayText: String
    let includeFiles: String
    let relayedNotice: String
    let retry: String
    let retriedNotice: String
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
        removeConfirm: "Remove this company holiday?",
        upstreamProviders: "Upstream providers",
        upstreamHint:
            "Where this desk escalates cases: AWS Support with the reseller's credentials, or another server that speaks the Support API. The secret access key and the session token are sealed when stored and never shown again.",
        providerName: "Provider name",
        endpoint: "Endpoint",
        endpointHint: "Leave empty for AWS Support (https://support.us-east-1.amazonaws.com).",
        region: "Region",
        regionHint: "Leave empty for us-east-1.",
        accessKeyID: "Access key ID",
        secretAccessKey: "Secret access key",
        secretHint: "Required each time the provider is saved; it is never shown again.",
        sessionToken: "Session token (temporary credentials only)",
        pollInterval: "Poll interval (seconds)",
        pollIntervalHint: "How often an open upstream case is read: 60 to 86400 seconds (empty: 300).",
        updated: "Last changed",
        noProviders: "No upstream provider yet.",
        addProvider: "Add provider",
        changeProvider: "Change provider %@",
        saveProvider: "Save provider",
        change: "Change",
        deleteProvider: "Delete",
        deleteProviderConfirm: "Delete this upstream provider? Its credentials are removed from the desk.",
        providerSaved: "The upstream provider was saved.",
        providerDeleted: "The upstream provider was deleted.",
        adminsEditProviders: "Only admins add, change or delete providers.",
        escalations: "Escalations",
        noEscalations: "This case has not been escalated.",
        provider: "Provider",
        upstreamCase: "Upstream case",
        upstreamStatus: "Upstream status",
        notYet: "Not yet",
        attempts: "Attempts",
        lastError: "Last error",
        nextAttempt: "Next attempt",
        lastPolled: "Last read",
        escalationCreating: "Creating the upstream case",
        escalationOpen: "Open upstream",
        escalationResolved: "Resolved upstream",
        escalationFailed: "Failed",
        directionUp: "To upstream",
        directionDown: "From upstream",
        messagePending: "Waiting to be sent",
        messageSent: "Sent",
        messageFailed: "Not sent",
        messageReceived: "Received",
        messageRelayed: "Relayed to the customer",
        upstreamAuthor: "Upstream author",
        files: "Files",
        sendError: "Error",
        escalateTitle: "Escalate to an upstream provider",
        escalateHint:
            "The upstream case gets your note, then each chosen message with who wrote it and when, and the chosen files. Nothing else of the customer's is sent.",
        chooseMessages: "Messages to send",
        chooseFiles: "Files to send (at most 3)",
        upstreamNote: "Note for the upstream desk",
        noProvidersLeft: "No upstream provider is left to escalate this case to.",
        escalate: "Escalate",
        escalatedNotice: "The case was escalated; the upstream case is being created.",
        sendUpstream: "Send more upstream",
        send: "Send upstream",
        sentUpstreamNotice: "Queued for the upstream case.",
        relay: "Relay to customer",
        relayText: "Text for the customer (edit before sending)",
        includeFiles: "Include the files",
        relayedNotice: "The message was relayed to the customer.",
        retry: "Retry",
        retriedNotice: "The escalation is being tried again."
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
        removeConfirm: "この会社の休日を削除しますか？",
        upstreamProviders: "上流プロバイダー",
        upstreamHint: "このデスクがケースをエスカレーションする先です。再販業者の認証情報で使う AWS Support、または Support API を話す別のサーバーを指定します。シークレットアクセスキーとセッショントークンは保存時に封印され、二度と表示されません。",
        providerName: "プロバイダー名",
        endpoint: "エンドポイント",
        endpointHint: "空欄にすると AWS Support（https://support.us-east-1.amazonaws.com）になります。",
        region: "リージョン",
        regionHint: "空欄にすると us-east-1 になります。",
        accessKeyID: "アクセスキー ID",
        secretAccessKey: "シークレットアクセスキー",
        secretHint: "プロバイダーを保存するたびに必要です。二度と表示されません。",
        sessionToken: "セッショントークン（一時的な認証情報の場合のみ）",
        pollInterval: "確認間隔（秒）",
        pollIntervalHint: "未解決の上流ケースを読み込む間隔です。60〜86400 秒（空欄: 300）。",
        updated: "最終更新",
        noProviders: "上流プロバイダーはまだありません。",
        addProvider: "プロバイダーを追加",
        changeProvider: "プロバイダー %@ を変更",
        saveProvider: "プロバイダーを保存",
        change: "変更",
        deleteProvider: "削除",
        deleteProviderConfirm: "この上流プロバイダーを削除しますか？認証情報はデスクから削除されます。",
        providerSaved: "上流プロバイダーを保存しました。",
        providerDeleted: "上流プロバイダーを削除しました。",
        adminsEditProviders: "プロバイダーの追加・変更・削除は管理者だけが行えます。",
        escalations: "エスカレーション",
        noEscalations: "このケースはエスカレーションされていません。",
        provider: "プロバイダー",
        upstreamCase: "上流ケース",
        upstreamStatus: "上流のステータス",
        notYet: "まだありません",
        attempts: "試行回数",
        lastError: "直近のエラー",
        nextAttempt: "次回の試行",
        lastPolled: "最終読み込み",
        escalationCreating: "上流ケースを作成中",
        escalationOpen: "上流で対応中",
        escalationResolved: "上流で解決済み",
        escalationFailed: "失敗",
        directionUp: "上流へ",
        directionDown: "上流から",
        messagePending: "送信待ち",
        messageSent: "送信済み",
        messageFailed: "未送信",
        messageReceived: "受信",
        messageRelayed: "お客様に転送済み",
        upstreamAuthor: "上流の作成者",
        files: "ファイル",
        sendError: "エラー",
        escalateTitle: "上流プロバイダーにエスカレーション",
        escalateHint: "上流ケースには、メモ、選択した各メッセージ（作成者と日時付き）、選択したファイルが送られます。お客様のそれ以外の情報は送られません。",
        chooseMessages: "送信するメッセージ",
        chooseFiles: "送信するファイル（最大 3 件）",
        upstreamNote: "上流デスクへのメモ",
        noProvidersLeft: "このケースをエスカレーションできる上流プロバイダーがありません。",
        escalate: "エスカレーション",
        escalatedNotice: "ケースをエスカレーションしました。上流ケースを作成しています。",
        sendUpstream: "上流へ追加送信",
        send: "上流へ送信",
        sentUpstreamNotice: "上流ケースへの送信を予約しました。",
        relay: "お客様に転送",
        relayText: "お客様への本文（送信前に編集できます）",
        includeFiles: "ファイルを含める",
        relayedNotice: "メッセージをお客様に転送しました。",
        retry: "再試行",
        retriedNotice: "エスカレーションを再試行しています。"
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
        removeConfirm: "이 회사 휴일을 삭제하시겠습니까?",
        upstreamProviders: "상위 공급자",
        upstreamHint:
            "이 데스크가 사례를 에스컬레이션하는 대상입니다. 재판매자의 자격 증명으로 사용하는 AWS Support 또는 Support API를 사용하는 다른 서버입니다. 비밀 액세스 키와 세션 토큰은 저장할 때 봉인되며 다시 표시되지 않습니다.",
        providerName: "공급자 이름",
        endpoint: "엔드포인트",
        endpointHint: "비워 두면 AWS Support(https://support.us-east-1.amazonaws.com)를 사용합니다.",
        region: "리전",
        regionHint: "비워 두면 us-east-1을 사용합니다.",
        accessKeyID: "액세스 키 ID",
        secretAccessKey: "비밀 액세스 키",
        secretHint: "공급자를 저장할 때마다 필요하며 다시 표시되지 않습니다.",
        sessionToken: "세션 토큰(임시 자격 증명인 경우만)",
        pollInterval: "확인 간격(초)",
        pollIntervalHint: "열린 상위 사례를 읽는 간격입니다. 60~86400초(비워 두면 300).",
        updated: "마지막 변경",
        noProviders: "아직 상위 공급자가 없습니다.",
        addProvider: "공급자 추가",
        changeProvider: "공급자 %@ 변경",
        saveProvider: "공급자 저장",
        change: "변경",
        deleteProvider: "삭제",
        deleteProviderConfirm: "이 상위 공급자를 삭제하시겠습니까? 자격 증명이 데스크에서 삭제됩니다.",
        providerSaved: "상위 공급자를 저장했습니다.",
        providerDeleted: "상위 공급자를 삭제했습니다.",
        adminsEditProviders: "공급자 추가, 변경, 삭제는 관리자만 할 수 있습니다.",
        escalations: "에스컬레이션",
        noEscalations: "이 사례는 에스컬레이션되지 않았습니다.",
        provider: "공급자",
        upstreamCase: "상위 사례",
        upstreamStatus: "상위 상태",
        notYet: "아직 없음",
        attempts: "시도 횟수",
        lastError: "마지막 오류",
        nextAttempt: "다음 시도",
        lastPolled: "마지막 읽기",
        escalationCreating: "상위 사례 생성 중",
        escalationOpen: "상위에서 진행 중",
        escalationResolved: "상위에서 해결됨",
        escalationFailed: "실패",
        directionUp: "상위로",
        directionDown: "상위에서",
        messagePending: "전송 대기 중",
        messageSent: "전송됨",
        messageFailed: "전송 안 됨",
        messageReceived: "수신함",
        messageRelayed: "고객에게 전달함",
        upstreamAuthor: "상위 작성자",
        files: "파일",
        sendError: "오류",
        escalateTitle: "상위 공급자에게 에스컬레이션",
        escalateHint: "상위 사례에는 메모, 선택한 각 메시지(작성자와 시각 포함), 선택한 파일이 전송됩니다. 고객의 다른 정보는 전송되지 않습니다.",
        chooseMessages: "보낼 메시지",
        chooseFiles: "보낼 파일(최대 3개)",
        upstreamNote: "상위 데스크에 보내는 메모",
        noProvidersLeft: "이 사례를 에스컬레이션할 상위 공급자가 없습니다.",
        escalate: "에스컬레이션",
        escalatedNotice: "사례를 에스컬레이션했습니다. 상위 사례를 만드는 중입니다.",
        sendUpstream: "상위로 추가 전송",
        send: "상위로 보내기",
        sentUpstreamNotice: "상위 사례로 보낼 대기열에 넣었습니다.",
        relay: "고객에게 전달",
        relayText: "고객에게 보낼 내용(보내기 전에 편집 가능)",
        includeFiles: "파일 포함",
        relayedNotice: "메시지를 고객에게 전달했습니다.",
        retry: "다시 시도",
        retriedNotice: "에스컬레이션을 다시 시도하고 있습니다."
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
        removeConfirm: "要删除此公司假日吗？",
        upstreamProviders: "上游提供方",
        upstreamHint: "本服务台将案例升级到的目标：使用经销商凭证的 AWS Support，或另一台支持 Support API 的服务器。秘密访问密钥和会话令牌在存储时会被密封，之后不再显示。",
        providerName: "提供方名称",
        endpoint: "端点",
        endpointHint: "留空则使用 AWS Support（https://support.us-east-1.amazonaws.com）。",
        region: "区域",
        regionHint: "留空则使用 us-east-1。",
        accessKeyID: "访问密钥 ID",
        secretAccessKey: "秘密访问密钥",
        secretHint: "每次保存提供方时都需要填写；之后不再显示。",
        sessionToken: "会话令牌（仅限临时凭证）",
        pollInterval: "轮询间隔（秒）",
        pollIntervalHint: "读取未解决上游案例的频率：60 到 86400 秒（留空为 300）。",
        updated: "上次更改",
        noProviders: "还没有上游提供方。",
        addProvider: "添加提供方",
        changeProvider: "更改提供方 %@",
        saveProvider: "保存提供方",
        change: "更改",
        deleteProvider: "删除",
        deleteProviderConfirm: "要删除此上游提供方吗？其凭证将从服务台中删除。",
        providerSaved: "已保存上游提供方。",
        providerDeleted: "已删除上游提供方。",
        adminsEditProviders: "只有管理员可以添加、更改或删除提供方。",
        escalations: "升级",
        noEscalations: "此案例尚未升级。",
        provider: "提供方",
        upstreamCase: "上游案例",
        upstreamStatus: "上游状态",
        notYet: "尚无",
        attempts: "尝试次数",
        lastError: "最近的错误",
        nextAttempt: "下次尝试",
        lastPolled: "上次读取",
        escalationCreating: "正在创建上游案例",
        escalationOpen: "上游处理中",
        escalationResolved: "上游已解决",
        escalationFailed: "失败",
        directionUp: "发往上游",
        directionDown: "来自上游",
        messagePending: "等待发送",
        messageSent: "已发送",
        messageFailed: "未发送",
        messageReceived: "已接收",
        messageRelayed: "已转给客户",
        upstreamAuthor: "上游作者",
        files: "文件",
        sendError: "错误",
        escalateTitle: "升级到上游提供方",
        escalateHint: "上游案例将收到您的说明、所选的每条消息（附作者和时间）以及所选文件。不会发送客户的其他任何信息。",
        chooseMessages: "要发送的消息",
        chooseFiles: "要发送的文件（最多 3 个）",
        upstreamNote: "给上游服务台的说明",
        noProvidersLeft: "没有可将此案例升级到的上游提供方。",
        escalate: "升级",
        escalatedNotice: "案例已升级；正在创建上游案例。",
        sendUpstream: "向上游补充发送",
        send: "发送到上游",
        sentUpstreamNotice: "已排队发送到上游案例。",
        relay: "转给客户",
        relayText: "发给客户的内容（发送前可编辑）",
        includeFiles: "包含文件",
        relayedNotice: "已将消息转给客户。",
        retry: "重试",
        retriedNotice: "正在重试升级。"
    )
}
