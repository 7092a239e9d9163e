/// The customer support pages' words: case list, new-case wizard, case page.
struct SupportStrings: Sendable {
    let title: String
    let cases: String
    let newCase: String
    let caseID: String
    let subject: String
    let status: String
    let severity: String
    let language: String
    let created: String
    let service: String
    let kind: String
    let noCases: String
    let showResolved: String
    let hideResolved: String
    let showingOpen: String
    let showingAll: String
    let statusOpened: String
    let statusUnassigned: String
    let statusWorkInProgress: String
    let statusPendingCustomerAction: String
    let statusCustomerActionCompleted: String
    let statusReopened: String
    let statusResolved: String
    let stepOf: String
    let progress: String
    let stepKind: String
    let stepService: String
    let stepSeverity: String
    let stepDescribe: String
    let stepAttach: String
    let stepReview: String
    let kindTechnical: String
    let kindTechnicalHint: String
    let kindAccount: String
    let kindAccountHint: String
    let chooseService: String
    let noServices: String
    let targetFormat: String
    let noTarget: String
    let businessHoursNote: String
    let allHoursNote: String
    let severityRule: String
    let subjectHint: String
    let body: String
    let bodyHint: String
    let checkDraft: String
    let coachTitle: String
    let coachIntro: String
    let coachNone: String
    let coachScore: String
    let coachNotChecked: String
    let coachMissing: String
    let coachMask: String
    let coachNotAnswerable: String
    let coachKnownAnswer: String
    let coachStyle: String
    let attachLimits: String
    let files: String
    let upload: String
    let attachments: String
    let noAttachments: String
    let ccLabel: String
    let ccHint: String
    let caseLanguage: String
    let caseLanguageHint: String
    let back: String
    let next: String
    let submit: String
    let chooseServiceError: String
    let chooseSeverityError: String
    let subjectRequired: String
    let bodyRequired: String
    let fileTooLarge: String
    let tooManyFiles: String
    let createdNotice: String
    let replyNotice: String
    let resolvedNotice: String
    let raisedNotice: String
    let ratedNotice: String
    let surveyNotice: String
    let thread: String
    let noMessages: String
    let reply: String
    let replyText: String
    let sendReply: String
    let resolveCase: String
    let resolveConfirm: String
    let raiseSeverity: String
    let raiseHint: String
    let newSeverity: String
    let reason: String
    let supersededBy: String
    let supersedes: String
    let openCase: String
    let rateReply: String
    let rating: String
    let rate: String
    let ratedAs: String
    let survey: String
    let surveyIntro: String
    let comment: String
    let submitSurvey: String
    let surveyThanks: String
    let authorCustomer: String
    let authorAgent: String
    let authorSystem: String
    let by: String
}

extension SupportStrings {
    static let english = SupportStrings(
        title: "Support",
        cases: "Support cases",
        newCase: "Create case",
        caseID: "Case",
        subject: "Subject",
        status: "Status",
        severity: "Severity",
        language: "Language",
        created: "Created",
        service: "Service and category",
        kind: "Kind of case",
        noCases: "No cases to show.",
        showResolved: "Include resolved cases",
        hideResolved: "Hide resolved cases",
        showingOpen: "Showing open cases only.",
        showingAll: "Showing open and resolved cases.",
        statusOpened: "Opened",
        statusUnassigned: "Unassigned",
        statusWorkInProgress: "Work in progress",
        statusPendingCustomerAction: "Waiting for your reply",
        statusCustomerActionCompleted: "Reply received",
        statusReopened: "Reopened",
        statusResolved: "Resolved",
        stepOf: "Step %@ of %@: %@",
        progress: "Progress",
        stepKind: "Kind",
        stepService: "Service",
        stepSeverity: "Severity",
        stepDescribe: "Description",
        stepAttach: "Attachments and contacts",
        stepReview: "Review",
        kindTechnical: "Technical support",
        kindTechnicalHint: "A question or a problem with a service.",
        kindAccount: "Account and billing",
        kindAccountHint: "Open on every plan, including Basic.",
        chooseService: "Choose a service and category",
        noServices: "No services are offered for this kind of case.",
        targetFormat: "First response within %@",
        noTarget: "No first-response target on your plan",
        businessHoursNote: "Targets count business hours of the case's language only (weekdays, public holidays excluded).",
        allHoursNote: "Technical targets count every hour, day and night; account and billing targets count business hours.",
        severityRule: "The severity cannot be changed once the case is open; raising it later opens a new case.",
        subjectHint: "One line: what fails, where.",
        body: "Description",
        bodyHint: "Resource IDs, region, times with their time zone, error messages, what you tried. Never passwords or secret keys.",
        checkDraft: "Check my draft",
        coachTitle: "Case-quality coach",
        coachIntro: "Suggestions appear here as you type.",
        coachNone: "No findings: the draft looks complete.",
        coachScore: "Draft score: %@ of 100.",
        coachNotChecked: "Not checked yet.",
        coachMissing: "Missing information",
        coachMask: "Sensitive data",
        coachNotAnswerable: "Support cannot answer this",
        coachKnownAnswer: "Known answer",
        coachStyle: "Style",
        attachLimits: "Up to 3 files, 5 MB each.",
        files: "Files",
        upload: "Upload",
        attachments: "Attachments",
        noAttachments: "No attachments.",
        ccLabel: "CC email addresses",
        ccHint: "Up to 10, separated by commas.",
        caseLanguage: "Language of the case",
        caseLanguageHint: "Agents answer in this language.",
        back: "Back",
        next: "Next",
        submit: "Submit case",
        chooseServiceError: "Choose a service and a category.",
        chooseSeverityError: "Choose a severity.",
        subjectRequired: "Write a subject.",
        bodyRequired: "Write a description.",
        fileTooLarge: "%@ is larger than 5 MB and was not attached.",
        tooManyFiles: "%@ was not attached: at most 3 files.",
        createdNotice: "Your case was created.",
        replyNotice: "Your reply was sent.",
        resolvedNotice: "The case is resolved.",
        raisedNotice: "The severity was raised in this new case.",
        ratedNotice: "Thank you for rating the reply.",
        surveyNotice: "Thank you for the survey.",
        thread: "Correspondence",
        noMessages: "No messages yet.",
        reply: "Reply",
        replyText: "Your reply",
        sendReply: "Send reply",
        resolveCase: "Resolve case",
        resolveConfirm: "Resolve this case? Replying later reopens it.",
        raiseSeverity: "Raise severity",
        raiseHint: "Raising the severity opens a new case that refers to this one.",
        newSeverity: "New severity",
        reason: "Reason",
        supersededBy: "The severity was raised in a new case:",
        supersedes: "Raised from an earlier case:",
        openCase: "Open case",
        rateReply: "Rate this reply",
        rating: "Rating (1 poor – 5 excellent)",
        rate: "Rate",
        ratedAs: "You rated this reply %@ of 5.",
        survey: "Survey",
        surveyIntro: "How well was your case handled?",
        comment: "Comment",
        submitSurvey: "Send survey",
        surveyThanks: "Thank you: you rated this case %@ of 5.",
        authorCustomer: "Customer",
        authorAgent: "Support agent",
        authorSystem: "System",
        by: "by"
    )

    static let japanese = SupportStrings(
        title: "サポート",
        cases: "サポートケース",
        newCase: "ケースを作成",
        caseID: "ケース",
        subject: "件名",
        status: "ステータス",
        severity: "重要度",
        language: "言語",
        created: "作成日時",
        service: "サービスとカテゴリ",
        kind: "ケースの種類",
        noCases: "表示するケースはありません。",
        showResolved: "解決済みのケースも表示",
        hideResolved: "解決済みのケースを隠す",
        showingOpen: "未解決のケースのみ表示しています。",
        showingAll: "未解決と解決済みのケースを表示しています。",
        statusOpened: "オープン",
        statusUnassigned: "未割り当て",
        statusWorkInProgress: "対応中",
        statusPendingCustomerAction: "お客様の返信待ち",
        statusCustomerActionCompleted: "返信を受領",
        statusReopened: "再オープン",
        statusResolved: "解決済み",
        stepOf: "ステップ %@/%@：%@",
        progress: "進捗",
        stepKind: "種類",
        stepService: "サービス",
        stepSeverity: "重要度",
        stepDescribe: "説明",
        stepAttach: "添付ファイルと連絡先",
        stepReview: "確認",
        kindTechnical: "技術サポート",
        kindTechnicalHint: "サービスに関する質問や問題。",
        kindAccount: "アカウントおよび請求",
        kindAccountHint: "ベーシックを含むすべてのプランで利用できます。",
        chooseService: "サービスとカテゴリを選択",
        noServices: "この種類のケースで選べるサービスはありません。",
        targetFormat: "初回応答目標 %@ 以内",
        noTarget: "ご利用のプランには初回応答目標がありません",
        businessHoursNote: "目標時間はケースの言語の営業時間のみで数えます（平日、祝日を除く）。",
        allHoursNote: "技術的なケースの目標は24時間365日で数え、アカウントおよび請求は営業時間で数えます。",
        severityRule: "ケースを作成した後は重要度を変更できません。後から上げると新しいケースが作成されます。",
        subjectHint: "一行で：何が、どこで失敗しているか。",
        body: "説明",
        bodyHint: "リソース ID、リージョン、タイムゾーン付きの時刻、エラーメッセージ、試したこと。パスワードやシークレットキーは書かないでください。",
        checkDraft: "下書きを確認",
        coachTitle: "ケース品質コーチ",
        coachIntro: "入力に合わせてここに提案が表示されます。",
        coachNone: "指摘はありません。下書きは十分です。",
        coachScore: "下書きのスコア：100 点中 %@ 点。",
        coachNotChecked: "まだ確認していません。",
        coachMissing: "不足している情報",
        coachMask: "機密情報",
        coachNotAnswerable: "サポートでは回答できません",
        coachKnownAnswer: "既知の回答",
        coachStyle: "書き方",
        attachLimits: "ファイルは 3 つまで、各 5 MB まで。",
        files: "ファイル",
        upload: "アップロード",
        attachments: "添付ファイル",
        noAttachments: "添付ファイルはありません。",
        ccLabel: "CC メールアドレス",
        ccHint: "最大 10 件、カンマ区切り。",
        caseLanguage: "ケースの言語",
        caseLanguageHint: "担当者はこの言語で回答します。",
        back: "戻る",
        next: "次へ",
        submit: "ケースを送信",
        chooseServiceError: "サービスとカテゴリを選択してください。",
        chooseSeverityError: "重要度を選択してください。",
        subjectRequired: "件名を入力してください。",
        bodyRequired: "説明を入力してください。",
        fileTooLarge: "%@ は 5 MB を超えているため添付されませんでした。",
        tooManyFiles: "%@ は添付されませんでした（最大 3 ファイル）。",
        createdNotice: "ケースを作成しました。",
        replyNotice: "返信を送信しました。",
        resolvedNotice: "ケースを解決済みにしました。",
        raisedNotice: "重要度を上げた新しいケースです。",
        ratedNotice: "回答を評価いただきありがとうございます。",
        surveyNotice: "アンケートにご協力いただきありがとうございます。",
        thread: "やり取り",
        noMessages: "まだメッセージはありません。",
        reply: "返信",
        replyText: "返信内容",
        sendReply: "返信を送信",
        resolveCase: "ケースを解決",
        resolveConfirm: "このケースを解決しますか？後で返信すると再オープンされます。",
        raiseSeverity: "重要度を上げる",
        raiseHint: "重要度を上げると、このケースを参照する新しいケースが作成されます。",
        newSeverity: "新しい重要度",
        reason: "理由",
        supersededBy: "重要度は新しいケースで引き上げられました：",
        supersedes: "以前のケースから引き上げられました：",
        openCase: "ケースを開く",
        rateReply: "この回答を評価",
        rating: "評価（1 不満 – 5 大変満足）",
        rate: "評価する",
        ratedAs: "この回答を 5 段階中 %@ と評価しました。",
        survey: "アンケート",
        surveyIntro: "ケースへの対応はいかがでしたか？",
        comment: "コメント",
        submitSurvey: "アンケートを送信",
        surveyThanks: "ありがとうございます。このケースを 5 段階中 %@ と評価しました。",
        authorCustomer: "お客様",
        authorAgent: "サポート担当者",
        authorSystem: "システム",
        by: "投稿者"
    )

    static let korean = SupportStrings(
        title: "지원",
        cases: "지원 사례",
        newCase: "사례 생성",
        caseID: "사례",
        subject: "제목",
        status: "상태",
        severity: "심각도",
        language: "언어",
        created: "생성 시각",
        service: "서비스 및 카테고리",
        kind: "사례 유형",
        noCases: "표시할 사례가 없습니다.",
        showResolved: "해결된 사례 포함",
        hideResolved: "해결된 사례 숨기기",
        showingOpen: "열린 사례만 표시하고 있습니다.",
        showingAll: "열린 사례와 해결된 사례를 표시하고 있습니다.",
        statusOpened: "열림",
        statusUnassigned: "미할당",
        statusWorkInProgress: "작업 중",
        statusPendingCustomerAction: "고객님의 회신 대기 중",
        statusCustomerActionCompleted: "회신 받음",
        statusReopened: "다시 열림",
        statusResolved: "해결됨",
        stepOf: "%@/%@단계: %@",
        progress: "진행 상황",
        stepKind: "유형",
        stepService: "서비스",
        stepSeverity: "심각도",
        stepDescribe: "설명",
        stepAttach: "첨부 파일 및 연락처",
        stepReview: "검토",
        kindTechnical: "기술 지원",
        kindTechnicalHint: "서비스에 관한 질문이나 문제입니다.",
        kindAccount: "계정 및 결제",
        kindAccountHint: "Basic을 포함한 모든 플랜에서 이용할 수 있습니다.",
        chooseService: "서비스와 카테고리 선택",
        noServices: "이 유형의 사례에 제공되는 서비스가 없습니다.",
        targetFormat: "첫 응답 목표 %@ 이내",
        noTarget: "사용 중인 플랜에는 첫 응답 목표가 없습니다",
        businessHoursNote: "목표 시간은 사례 언어의 영업시간만 계산합니다(평일, 공휴일 제외).",
        allHoursNote: "기술 사례 목표는 24시간 계산하며, 계정 및 결제는 영업시간으로 계산합니다.",
        severityRule: "사례가 열린 후에는 심각도를 변경할 수 없습니다. 나중에 높이면 새 사례가 생성됩니다.",
        subjectHint: "한 줄로: 무엇이 어디에서 실패하는지.",
        body: "설명",
        bodyHint: "리소스 ID, 리전, 시간대가 포함된 시각, 오류 메시지, 시도한 내용. 비밀번호나 비밀 키는 쓰지 마세요.",
        checkDraft: "초안 확인",
        coachTitle: "사례 품질 코치",
        coachIntro: "입력하는 동안 여기에 제안이 표시됩니다.",
        coachNone: "지적 사항이 없습니다. 초안이 충분합니다.",
        coachScore: "초안 점수: 100점 중 %@점.",
        coachNotChecked: "아직 확인하지 않았습니다.",
        coachMissing: "누락된 정보",
        coachMask: "민감한 정보",
        coachNotAnswerable: "지원팀이 답변할 수 없습니다",
        coachKnownAnswer: "알려진 답변",
        coachStyle: "작성 방식",
        attachLimits: "파일은 최대 3개, 각 5MB까지입니다.",
        files: "파일",
        upload: "업로드",
        attachments: "첨부 파일",
        noAttachments: "첨부 파일이 없습니다.",
        ccLabel: "참조 이메일 주소",
        ccHint: "최대 10개, 쉼표로 구분합니다.",
        caseLanguage: "사례 언어",
        caseLanguageHint: "담당자가 이 언어로 답변합니다.",
        back: "이전",
        next: "다음",
        submit: "사례 제출",
        chooseServiceError: "서비스와 카테고리를 선택하세요.",
        chooseSeverityError: "심각도를 선택하세요.",
        subjectRequired: "제목을 입력하세요.",
        bodyRequired: "설명을 입력하세요.",
        fileTooLarge: "%@ 파일은 5MB를 초과하여 첨부되지 않았습니다.",
        tooManyFiles: "%@ 파일은 첨부되지 않았습니다(최대 3개).",
        createdNotice: "사례가 생성되었습니다.",
        replyNotice: "회신을 보냈습니다.",
        resolvedNotice: "사례가 해결되었습니다.",
        raisedNotice: "심각도를 높인 새 사례입니다.",
        ratedNotice: "답변을 평가해 주셔서 감사합니다.",
        surveyNotice: "설문에 응해 주셔서 감사합니다.",
        thread: "대화 내역",
        noMessages: "아직 메시지가 없습니다.",
        reply: "회신",
        replyText: "회신 내용",
        sendReply: "회신 보내기",
        resolveCase: "사례 해결",
        resolveConfirm: "이 사례를 해결하시겠습니까? 나중에 회신하면 다시 열립니다.",
        raiseSeverity: "심각도 높이기",
        raiseHint: "심각도를 높이면 이 사례를 참조하는 새 사례가 생성됩니다.",
        newSeverity: "새 심각도",
        reason: "사유",
        supersededBy: "심각도가 새 사례에서 높아졌습니다:",
        supersedes: "이전 사례에서 높아졌습니다:",
        openCase: "사례 열기",
        rateReply: "이 답변 평가",
        rating: "평가(1 불만족 – 5 매우 만족)",
        rate: "평가하기",
        ratedAs: "이 답변을 5점 중 %@점으로 평가했습니다.",
        survey: "설문",
        surveyIntro: "사례 처리는 어떠셨나요?",
        comment: "의견",
        submitSurvey: "설문 보내기",
        surveyThanks: "감사합니다. 이 사례를 5점 중 %@점으로 평가했습니다.",
        authorCustomer: "고객",
        authorAgent: "지원 담당자",
        authorSystem: "시스템",
        by: "작성자"
    )

    static let chinese = SupportStrings(
        title: "支持",
        cases: "支持案例",
        newCase: "创建案例",
        caseID: "案例",
        subject: "主题",
        status: "状态",
        severity: "严重性",
        language: "语言",
        created: "创建时间",
        service: "服务和类别",
        kind: "案例类型",
        noCases: "没有可显示的案例。",
        showResolved: "包括已解决的案例",
        hideResolved: "隐藏已解决的案例",
        showingOpen: "仅显示未解决的案例。",
        showingAll: "显示未解决和已解决的案例。",
        statusOpened: "已打开",
        statusUnassigned: "未分配",
        statusWorkInProgress: "处理中",
        statusPendingCustomerAction: "等待您的回复",
        statusCustomerActionCompleted: "已收到回复",
        statusReopened: "已重新打开",
        statusResolved: "已解决",
        stepOf: "第 %@ 步，共 %@ 步：%@",
        progress: "进度",
        stepKind: "类型",
        stepService: "服务",
        stepSeverity: "严重性",
        stepDescribe: "描述",
        stepAttach: "附件和联系人",
        stepReview: "确认",
        kindTechnical: "技术支持",
        kindTechnicalHint: "关于服务的问题或故障。",
        kindAccount: "账户和账单",
        kindAccountHint: "包括基本计划在内的所有计划均可使用。",
        chooseService: "选择服务和类别",
        noServices: "此类案例没有可选的服务。",
        targetFormat: "首次响应目标 %@ 内",
        noTarget: "您的计划没有首次响应目标",
        businessHoursNote: "目标时间仅按案例语言的工作时间计算（工作日，不含公共假日）。",
        allHoursNote: "技术案例目标全天候计算；账户和账单按工作时间计算。",
        severityRule: "案例创建后不能更改严重性；之后提高严重性会创建新案例。",
        subjectHint: "一行：什么在哪里出错。",
        body: "描述",
        bodyHint: "资源 ID、区域、带时区的时间、错误消息、已尝试的操作。切勿填写密码或密钥。",
        checkDraft: "检查我的草稿",
        coachTitle: "案例质量助手",
        coachIntro: "输入时建议会显示在这里。",
        coachNone: "没有发现问题：草稿看起来很完整。",
        coachScore: "草稿得分：%@ / 100。",
        coachNotChecked: "尚未检查。",
        coachMissing: "缺少的信息",
        coachMask: "敏感信息",
        coachNotAnswerable: "支持团队无法回答",
        coachKnownAnswer: "已知答案",
        coachStyle: "写法",
        attachLimits: "最多 3 个文件，每个 5 MB。",
        files: "文件",
        upload: "上传",
        attachments: "附件",
        noAttachments: "没有附件。",
        ccLabel: "抄送电子邮件地址",
        ccHint: "最多 10 个，用逗号分隔。",
        caseLanguage: "案例语言",
        caseLanguageHint: "支持人员将用此语言回答。",
        back: "上一步",
        next: "下一步",
        submit: "提交案例",
        chooseServiceError: "请选择服务和类别。",
        chooseSeverityError: "请选择严重性。",
        subjectRequired: "请填写主题。",
        bodyRequired: "请填写描述。",
        fileTooLarge: "%@ 超过 5 MB，未附加。",
        tooManyFiles: "%@ 未附加：最多 3 个文件。",
        createdNotice: "已创建您的案例。",
        replyNotice: "已发送您的回复。",
        resolvedNotice: "案例已解决。",
        raisedNotice: "已在此新案例中提高严重性。",
        ratedNotice: "感谢您对回复的评分。",
        surveyNotice: "感谢您填写调查。",
        thread: "往来记录",
        noMessages: "还没有消息。",
        reply: "回复",
        replyText: "您的回复",
        sendReply: "发送回复",
        resolveCase: "解决案例",
        resolveConfirm: "要解决此案例吗？之后回复会重新打开它。",
        raiseSeverity: "提高严重性",
        raiseHint: "提高严重性会创建一个引用此案例的新案例。",
        newSeverity: "新的严重性",
        reason: "原因",
        supersededBy: "严重性已在新案例中提高：",
        supersedes: "从之前的案例提高：",
        openCase: "打开案例",
        rateReply: "为此回复评分",
        rating: "评分（1 差 – 5 优秀）",
        rate: "评分",
        ratedAs: "您给此回复的评分为 %@ / 5。",
        survey: "调查",
        surveyIntro: "您的案例处理得如何？",
        comment: "评论",
        submitSurvey: "提交调查",
        surveyThanks: "谢谢：您给此案例的评分为 %@ / 5。",
        authorCustomer: "客户",
        authorAgent: "支持人员",
        authorSystem: "系统",
        by: "发送者"
    )
}
