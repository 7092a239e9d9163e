/// The on-call pages' words: who is on call, rotations and overrides, contacts, escalation plans, my shifts and pages.
struct OnCallStrings: Sendable {
    let title: String
    let whoIsOnCall: String
    let myOnCall: String
    let asOf: String
    let overridesApplied: String
    let rotations: String
    let rotation: String
    let onCallNow: String
    let until: String
    let timeZone: String
    let noRotations: String
    let schedules: String
    let schedule: String
    let noSchedules: String
    let escalationPlans: String
    let escalationPlan: String
    let firstStage: String
    let stageDuration: String
    let stages: String
    let onCallThrough: String
    let noTargets: String
    let noPlans: String
    let nobodyOnCall: String
    let nobody: String
    let overrideTag: String
    let noShifts: String
    let shiftStart: String
    let shiftEnd: String
    let onCall: String
    let shiftType: String
    let typeRegular: String
    let typeOverride: String
    let yourZone: String
    let rotationZoneNote: String
    let rotationStart: String
    let recurrence: String
    let onCallPerShift: String
    let coverage: String
    let coverageAllDay: String
    let members: String
    let dailyAt: String
    let weeklyAt: String
    let monthlyAt: String
    let everyN: String
    let quality: String
    let coverageGaps: String
    let gapTag: String
    let gapSentence: String
    let noGaps: String
    let load: String
    let balanceNote: String
    let hoursFormat: String
    let member: String
    let hours: String
    let versusAverage: String
    let verdict: String
    let overloaded: String
    let underloaded: String
    let balanced: String
    let nextSevenDays: String
    let today: String
    let previousMonth: String
    let thisMonth: String
    let nextMonth: String
    let shiftList: String
    let overrides: String
    let overrideHint: String
    let created: String
    let actions: String
    let deleteOverride: String
    let deleteOverrideConfirm: String
    let noOverrides: String
    let createOverride: String
    let overrideFormHint: String
    let overrideStart: String
    let overrideEnd: String
    let overrideContact: String
    let endAfterStart: String
    let previewOverride: String
    let previewHint: String
    let before: String
    let after: String
    let confirmOverride: String
    let overrideCreated: String
    let overrideDeleted: String
    let calendarFeed: String
    let calendarFeedHint: String
    let showFeeds: String
    let contact: String
    let alias: String
    let contactType: String
    let typePersonal: String
    let typeEscalation: String
    let typeSchedule: String
    let channels: String
    let channel: String
    let channelName: String
    let channelType: String
    let address: String
    let activation: String
    let activated: String
    let notActivated: String
    let memberOf: String
    let noChannels: String
    let engagementPlan: String
    let stage: String
    let minutesAfterStart: String
    let minutesFormat: String
    let stagesFormat: String
    let noPlan: String
    let sendTestPage: String
    let testWarning: String
    let testConfirm: String
    let testSubject: String
    let testContent: String
    let testSent: String
    let essential: String
    let startsAt: String
    let reorderHint: String
    let moveUp: String
    let moveDown: String
    let noStages: String
    let cannotMove: String
    let stagesSaved: String
    let noContactLinked: String
    let myContact: String
    let myOpenPages: String
    let noOpenPages: String
    let sender: String
    let incident: String
    let receipts: String
    let noReceipts: String
    let acknowledge: String
    let acknowledged: String
    let notYourPage: String
    let myShifts: String
    let noMyShifts: String
}

extension OnCallStrings {
    static let english = OnCallStrings(
        title: "On-call",
        whoIsOnCall: "Who is on call",
        myOnCall: "My on-call",
        asOf: "As of",
        overridesApplied: "Overrides are applied.",
        rotations: "Rotations",
        rotation: "Rotation",
        onCallNow: "On call now",
        until: "Until",
        timeZone: "Time zone",
        noRotations: "No rotations in this account.",
        schedules: "On-call schedules",
        schedule: "On-call schedule",
        noSchedules: "No on-call schedules in this account.",
        escalationPlans: "Escalation plans",
        escalationPlan: "Escalation plan",
        firstStage: "First stage",
        stageDuration: "Stage duration",
        stages: "Stages",
        onCallThrough: "%@ (on call: %@)",
        noTargets: "No targets",
        noPlans: "No escalation plans in this account.",
        nobodyOnCall: "Nobody is on call",
        nobody: "nobody",
        overrideTag: "Override",
        noShifts: "No shift",
        shiftStart: "Start",
        shiftEnd: "End",
        onCall: "On call",
        shiftType: "Type",
        typeRegular: "Regular",
        typeOverride: "Overridden",
        yourZone: "Your zone",
        rotationZoneNote: "Times on this page are in the rotation's zone, %@. Hover a time to see it in yours, %@.",
        rotationStart: "Rotation start",
        recurrence: "Recurrence",
        onCallPerShift: "On call per shift",
        coverage: "Coverage",
        coverageAllDay: "24 hours, every day",
        members: "Members, in order",
        dailyAt: "Daily, hand-off at %@",
        weeklyAt: "Weekly, hand-off on %@",
        monthlyAt: "Monthly, hand-off on day %@",
        everyN: "every %@",
        quality: "Coverage and balance",
        coverageGaps: "Coverage gaps in the next 4 weeks",
        gapTag: "Gap:",
        gapSentence: "nobody is on call from %@ to %@ (%@).",
        noGaps: "Every moment of the next 4 weeks has someone on call.",
        load: "Load per member",
        balanceNote: "Hours on call in the next 4 weeks; the average is %@. A member more than 25 %% above or below it is flagged.",
        hoursFormat: "%@ h",
        member: "Member",
        hours: "Hours",
        versusAverage: "Versus average",
        verdict: "Assessment",
        overloaded: "Unbalanced: more than average",
        underloaded: "Unbalanced: less than average",
        balanced: "Balanced",
        nextSevenDays: "Next 7 days",
        today: "today",
        previousMonth: "Previous month",
        thisMonth: "This month",
        nextMonth: "Next month",
        shiftList: "Shifts of this month as a list",
        overrides: "Shift overrides",
        overrideHint:
            "An override puts someone else on call for a period; it takes effect only inside the rotation's coverage. To undo one, delete it rather than adding another.",
        created: "Created",
        actions: "Actions",
        deleteOverride: "Delete override",
        deleteOverrideConfirm: "Delete this override? The regular shift comes back.",
        noOverrides: "No overrides from last week on.",
        createOverride: "Create shift override",
        overrideFormHint: "Times are in the rotation's zone. You will see the shifts before and after the change, then confirm.",
        overrideStart: "Override start",
        overrideEnd: "Override end",
        overrideContact: "Who is on call instead",
        endAfterStart: "The override must end after it starts.",
        previewOverride: "Preview override",
        previewHint: "Shifts from a day before the override to a day after it, in",
        before: "Before",
        after: "After",
        confirmOverride: "Create this override",
        overrideCreated: "The override is created.",
        overrideDeleted: "The override is deleted.",
        calendarFeed: "Calendar feed (iCalendar)",
        calendarFeedHint:
            "Each rotation you are on has a secret feed URL: subscribe to it in your phone's calendar. Anyone with the URL can read the rotation's shifts, so keep it to yourself. An administrator can also print it with the command shown.",
        showFeeds: "Show my feed URLs",
        contact: "Contact",
        alias: "Alias",
        contactType: "Type",
        typePersonal: "Personal",
        typeEscalation: "Escalation plan",
        typeSchedule: "On-call schedule",
        channels: "Contact channels",
        channel: "Channel",
        channelName: "Name",
        channelType: "Channel type",
        address: "Address",
        activation: "Activation",
        activated: "Activated",
        notActivated: "Not activated",
        memberOf: "Rotations this contact takes shifts in",
        noChannels: "No contact channels.",
        engagementPlan: "Engagement plan",
        stage: "Stage",
        minutesAfterStart: "Minutes after the engagement starts",
        minutesFormat: "%@ min",
        stagesFormat: "%@ stages",
        noPlan: "No engagement plan.",
        sendTestPage: "Send a test page",
        testWarning: "This really pages the person: their phone or mail will ring, following the engagement plan above.",
        testConfirm: "Really page this contact now?",
        testSubject: "Hikeshi test page",
        testContent: "This is a test page sent from the Hikeshi console by %@. No incident is open; acknowledge it to confirm you received it.",
        testSent: "The test page is sent.",
        essential: "Essential",
        startsAt: "Starts after",
        reorderHint: "Move a stage with its Up and Down buttons; the change is saved at once.",
        moveUp: "Move up",
        moveDown: "Move down",
        noStages: "This plan has no stages.",
        cannotMove: "That stage cannot move further.",
        stagesSaved: "The stage order is saved.",
        noContactLinked:
            "Your console user is not linked to a contact, so there are no shifts or pages to show. An administrator links one with hikeshi admin create-user --contact-arn.",
        myContact: "My contact",
        myOpenPages: "My open pages",
        noOpenPages: "No open pages.",
        sender: "Sender",
        incident: "Incident",
        receipts: "Receipts",
        noReceipts: "none yet",
        acknowledge: "Acknowledge",
        acknowledged: "The page is acknowledged.",
        notYourPage: "That page is not an open page of yours.",
        myShifts: "My shifts in the next 14 days",
        noMyShifts: "None."
    )

    static let japanese = OnCallStrings(
        title: "オンコール",
        whoIsOnCall: "現在のオンコール担当",
        myOnCall: "自分のオンコール",
        asOf: "時点:",
        overridesApplied: "オーバーライドを反映しています。",
        rotations: "ローテーション",
        rotation: "ローテーション名",
        onCallNow: "現在の担当",
        until: "終了",
        timeZone: "タイムゾーン",
        noRotations: "このアカウントにはローテーションがありません。",
        schedules: "オンコールスケジュール",
        schedule: "オンコールスケジュール名",
        noSchedules: "このアカウントにはオンコールスケジュールがありません。",
        escalationPlans: "エスカレーションプラン",
        escalationPlan: "エスカレーションプラン名",
        firstStage: "最初のステージ",
        stageDuration: "ステージの期間",
        stages: "ステージ数",
        onCallThrough: "%@（担当: %@）",
        noTargets: "ターゲットなし",
        noPlans: "このアカウントにはエスカレーションプランがありません。",
        nobodyOnCall: "担当者なし",
        nobody: "担当なし",
        overrideTag: "オーバーライド",
        noShifts: "シフトなし",
        shiftStart: "開始",
        shiftEnd: "終了時刻",
        onCall: "担当者",
        shiftType: "種類",
        typeRegular: "通常",
        typeOverride: "オーバーライド済み",
        yourZone: "あなたのタイムゾーン",
        rotationZoneNote: "このページの時刻はローテーションのタイムゾーン %@ です。時刻にカーソルを合わせると、あなたのタイムゾーン %@ での時刻が表示されます。",
        rotationStart: "ローテーション開始",
        recurrence: "繰り返し",
        onCallPerShift: "シフトあたりの担当人数",
        coverage: "対応時間",
        coverageAllDay: "毎日 24 時間",
        members: "メンバー（順番）",
        dailyAt: "毎日、交代時刻 %@",
        weeklyAt: "毎週、交代 %@",
        monthlyAt: "毎月、交代日 %@",
        everyN: "%@ 回ごと",
        quality: "カバレッジと負荷の偏り",
        coverageGaps: "今後 4 週間の担当者不在の時間帯",
        gapTag: "不在:",
        gapSentence: "%@ から %@ まで担当者がいません（%@）。",
        noGaps: "今後 4 週間は常に誰かが担当しています。",
        load: "メンバーごとの負荷",
        balanceNote: "今後 4 週間の担当時間です。平均は %@ です。平均から 25 %% 以上離れたメンバーを指摘します。",
        hoursFormat: "%@ 時間",
        member: "メンバー",
        hours: "時間",
        versusAverage: "平均との差",
        verdict: "評価",
        overloaded: "偏り: 平均より多い",
        underloaded: "偏り: 平均より少ない",
        balanced: "均等",
        nextSevenDays: "今後 7 日間",
        today: "今日",
        previousMonth: "前の月",
        thisMonth: "今月",
        nextMonth: "次の月",
        shiftList: "今月のシフト一覧",
        overrides: "シフトオーバーライド",
        overrideHint: "オーバーライドは一定期間、別の人を担当にします。ローテーションの対応時間内でのみ有効です。取り消すときは別のオーバーライドを追加せず、削除してください。",
        created: "作成日時",
        actions: "操作",
        deleteOverride: "オーバーライドを削除",
        deleteOverrideConfirm: "このオーバーライドを削除しますか？通常のシフトに戻ります。",
        noOverrides: "先週以降のオーバーライドはありません。",
        createOverride: "シフトオーバーライドを作成",
        overrideFormHint: "時刻はローテーションのタイムゾーンです。変更前後のシフトを確認してから確定します。",
        overrideStart: "オーバーライド開始",
        overrideEnd: "オーバーライド終了",
        overrideContact: "代わりの担当者",
        endAfterStart: "オーバーライドの終了は開始より後にしてください。",
        previewOverride: "オーバーライドをプレビュー",
        previewHint: "オーバーライドの前日から翌日までのシフトです。タイムゾーン:",
        before: "変更前",
        after: "変更後",
        confirmOverride: "このオーバーライドを作成",
        overrideCreated: "オーバーライドを作成しました。",
        overrideDeleted: "オーバーライドを削除しました。",
        calendarFeed: "カレンダーフィード（iCalendar）",
        calendarFeedHint: "参加している各ローテーションには秘密のフィード URL があります。スマートフォンのカレンダーで購読してください。URL を知っている人は誰でもシフトを読めるので、他人に教えないでください。管理者は表示のコマンドでも確認できます。",
        showFeeds: "フィード URL を表示",
        contact: "連絡先",
        alias: "エイリアス",
        contactType: "連絡先の種類",
        typePersonal: "個人",
        typeEscalation: "エスカレーションプラン",
        typeSchedule: "オンコールスケジュール",
        channels: "連絡チャネル",
        channel: "チャネル",
        channelName: "チャネル名",
        channelType: "チャネルの種類",
        address: "宛先",
        activation: "有効化",
        activated: "有効化済み",
        notActivated: "未有効化",
        memberOf: "この連絡先がシフトを担当するローテーション",
        noChannels: "連絡チャネルはありません。",
        engagementPlan: "エンゲージメントプラン",
        stage: "ステージ",
        minutesAfterStart: "エンゲージメント開始からの分数",
        minutesFormat: "%@ 分",
        stagesFormat: "%@ ステージ",
        noPlan: "エンゲージメントプランはありません。",
        sendTestPage: "テストページを送信",
        testWarning: "これは実際に本人を呼び出します。上のエンゲージメントプランに従って電話やメールが届きます。",
        testConfirm: "今すぐこの連絡先を呼び出しますか？",
        testSubject: "Hikeshi のテスト呼び出し",
        testContent: "これは %@ が Hikeshi コンソールから送信したテスト呼び出しです。インシデントは発生していません。受信確認のため承認してください。",
        testSent: "テスト呼び出しを送信しました。",
        essential: "必須",
        startsAt: "開始まで",
        reorderHint: "「上へ」「下へ」ボタンでステージを移動します。変更はすぐに保存されます。",
        moveUp: "上へ",
        moveDown: "下へ",
        noStages: "このプランにはステージがありません。",
        cannotMove: "このステージはこれ以上移動できません。",
        stagesSaved: "ステージの順番を保存しました。",
        noContactLinked: "コンソールユーザーが連絡先に紐付いていないため、シフトや呼び出しを表示できません。管理者が hikeshi admin create-user --contact-arn で紐付けます。",
        myContact: "自分の連絡先",
        myOpenPages: "未承認の呼び出し",
        noOpenPages: "未承認の呼び出しはありません。",
        sender: "送信者",
        incident: "インシデント",
        receipts: "受信記録",
        noReceipts: "まだありません",
        acknowledge: "承認",
        acknowledged: "呼び出しを承認しました。",
        notYourPage: "その呼び出しはあなたの未承認の呼び出しではありません。",
        myShifts: "今後 14 日間の自分のシフト",
        noMyShifts: "ありません。"
    )

    static let korean = OnCallStrings(
        title: "온콜",
        whoIsOnCall: "현재 온콜 담당자",
        myOnCall: "내 온콜",
        asOf: "기준 시각:",
        overridesApplied: "오버라이드가 반영되어 있습니다.",
        rotations: "로테이션",
        rotation: "로테이션 이름",
        onCallNow: "현재 담당",
        until: "종료",
        timeZone: "시간대",
        noRotations: "이 계정에는 로테이션이 없습니다.",
        schedules: "온콜 일정",
        schedule: "온콜 일정 이름",
        noSchedules: "이 계정에는 온콜 일정이 없습니다.",
        escalationPlans: "에스컬레이션 계획",
        escalationPlan: "에스컬레이션 계획 이름",
        firstStage: "첫 단계",
        stageDuration: "단계 지속 시간",
        stages: "단계 수",
        onCallThrough: "%@(담당: %@)",
        noTargets: "대상 없음",
        noPlans: "이 계정에는 에스컬레이션 계획이 없습니다.",
        nobodyOnCall: "담당자 없음",
        nobody: "담당 없음",
        overrideTag: "오버라이드",
        noShifts: "교대 없음",
        shiftStart: "시작",
        shiftEnd: "종료 시각",
        onCall: "담당자",
        shiftType: "유형",
        typeRegular: "일반",
        typeOverride: "오버라이드됨",
        yourZone: "내 시간대",
        rotationZoneNote: "이 페이지의 시각은 로테이션의 시간대 %@ 기준입니다. 시각 위에 마우스를 올리면 내 시간대 %@ 기준 시각이 보입니다.",
        rotationStart: "로테이션 시작",
        recurrence: "반복",
        onCallPerShift: "교대당 담당 인원",
        coverage: "담당 시간대",
        coverageAllDay: "매일 24시간",
        members: "구성원(순서대로)",
        dailyAt: "매일, 교대 시각 %@",
        weeklyAt: "매주, 교대 %@",
        monthlyAt: "매월, 교대일 %@",
        everyN: "%@회마다",
        quality: "담당 공백과 부하 균형",
        coverageGaps: "향후 4주간의 담당 공백",
        gapTag: "공백:",
        gapSentence: "%@부터 %@까지 담당자가 없습니다(%@).",
        noGaps: "향후 4주 동안 항상 담당자가 있습니다.",
        load: "구성원별 부하",
        balanceNote: "향후 4주간의 담당 시간입니다. 평균은 %@입니다. 평균보다 25 %% 넘게 많거나 적은 구성원을 표시합니다.",
        hoursFormat: "%@시간",
        member: "구성원",
        hours: "시간",
        versusAverage: "평균 대비",
        verdict: "평가",
        overloaded: "불균형: 평균보다 많음",
        underloaded: "불균형: 평균보다 적음",
        balanced: "균형",
        nextSevenDays: "향후 7일",
        today: "오늘",
        previousMonth: "이전 달",
        thisMonth: "이번 달",
        nextMonth: "다음 달",
        shiftList: "이번 달 교대 목록",
        overrides: "교대 오버라이드",
        overrideHint: "오버라이드는 일정 기간 다른 사람을 담당자로 지정합니다. 로테이션의 담당 시간대 안에서만 적용됩니다. 취소하려면 다른 오버라이드를 추가하지 말고 삭제하세요.",
        created: "생성 시각",
        actions: "작업",
        deleteOverride: "오버라이드 삭제",
        deleteOverrideConfirm: "이 오버라이드를 삭제할까요? 원래 교대로 돌아갑니다.",
        noOverrides: "지난주 이후의 오버라이드가 없습니다.",
        createOverride: "교대 오버라이드 만들기",
        overrideFormHint: "시각은 로테이션의 시간대 기준입니다. 변경 전후의 교대를 확인한 뒤 확정합니다.",
        overrideStart: "오버라이드 시작",
        overrideEnd: "오버라이드 종료",
        overrideContact: "대신 담당할 사람",
        endAfterStart: "오버라이드 종료는 시작보다 뒤여야 합니다.",
        previewOverride: "오버라이드 미리 보기",
        previewHint: "오버라이드 전날부터 다음 날까지의 교대입니다. 시간대:",
        before: "변경 전",
        after: "변경 후",
        confirmOverride: "이 오버라이드 만들기",
        overrideCreated: "오버라이드를 만들었습니다.",
        overrideDeleted: "오버라이드를 삭제했습니다.",
        calendarFeed: "캘린더 피드(iCalendar)",
        calendarFeedHint: "참여 중인 각 로테이션에는 비밀 피드 URL이 있습니다. 휴대폰 캘린더에서 구독하세요. URL을 아는 사람은 누구나 교대 일정을 볼 수 있으니 공유하지 마세요. 관리자는 표시된 명령으로도 확인할 수 있습니다.",
        showFeeds: "피드 URL 표시",
        contact: "연락처",
        alias: "별칭",
        contactType: "연락처 유형",
        typePersonal: "개인",
        typeEscalation: "에스컬레이션 계획",
        typeSchedule: "온콜 일정",
        channels: "연락 채널",
        channel: "채널",
        channelName: "채널 이름",
        channelType: "채널 유형",
        address: "주소",
        activation: "활성화",
        activated: "활성화됨",
        notActivated: "활성화 안 됨",
        memberOf: "이 연락처가 교대를 맡는 로테이션",
        noChannels: "연락 채널이 없습니다.",
        engagementPlan: "참여 계획",
        stage: "단계",
        minutesAfterStart: "참여 시작 후 경과 분",
        minutesFormat: "%@분",
        stagesFormat: "%@단계",
        noPlan: "참여 계획이 없습니다.",
        sendTestPage: "테스트 호출 보내기",
        testWarning: "실제로 이 사람을 호출합니다. 위의 참여 계획에 따라 전화나 메일이 갑니다.",
        testConfirm: "지금 이 연락처를 호출할까요?",
        testSubject: "Hikeshi 테스트 호출",
        testContent: "%@ 님이 Hikeshi 콘솔에서 보낸 테스트 호출입니다. 열린 인시던트는 없습니다. 수신을 확인하려면 승인하세요.",
        testSent: "테스트 호출을 보냈습니다.",
        essential: "필수",
        startsAt: "시작 시점",
        reorderHint: "위로/아래로 버튼으로 단계를 옮깁니다. 변경 사항은 바로 저장됩니다.",
        moveUp: "위로",
        moveDown: "아래로",
        noStages: "이 계획에는 단계가 없습니다.",
        cannotMove: "이 단계는 더 이상 옮길 수 없습니다.",
        stagesSaved: "단계 순서를 저장했습니다.",
        noContactLinked: "콘솔 사용자가 연락처에 연결되어 있지 않아 교대나 호출을 표시할 수 없습니다. 관리자가 hikeshi admin create-user --contact-arn 으로 연결합니다.",
        myContact: "내 연락처",
        myOpenPages: "확인하지 않은 호출",
        noOpenPages: "확인하지 않은 호출이 없습니다.",
        sender: "보낸 사람",
        incident: "인시던트",
        receipts: "수신 기록",
        noReceipts: "아직 없음",
        acknowledge: "확인",
        acknowledged: "호출을 확인했습니다.",
        notYourPage: "그 호출은 내가 확인하지 않은 호출이 아닙니다.",
        myShifts: "향후 14일간의 내 교대",
        noMyShifts: "없습니다."
    )

    static let chinese = OnCallStrings(
        title: "值班",
        whoIsOnCall: "当前值班人员",
        myOnCall: "我的值班",
        asOf: "截至",
        overridesApplied: "已计入替班。",
        rotations: "轮值",
        rotation: "轮值名称",
        onCallNow: "当前值班",
        until: "截止",
        timeZone: "时区",
        noRotations: "此账户没有轮值。",
        schedules: "值班表",
        schedule: "值班表名称",
        noSchedules: "此账户没有值班表。",
        escalationPlans: "升级计划",
        escalationPlan: "升级计划名称",
        firstStage: "第一阶段",
        stageDuration: "阶段时长",
        stages: "阶段数",
        onCallThrough: "%@（值班：%@）",
        noTargets: "无目标",
        noPlans: "此账户没有升级计划。",
        nobodyOnCall: "无人值班",
        nobody: "无人",
        overrideTag: "替班",
        noShifts: "无班次",
        shiftStart: "开始",
        shiftEnd: "结束",
        onCall: "值班人",
        shiftType: "类型",
        typeRegular: "常规",
        typeOverride: "已替班",
        yourZone: "您的时区",
        rotationZoneNote: "本页时间采用轮值的时区 %@。将鼠标悬停在时间上可查看您所在时区 %@ 的时间。",
        rotationStart: "轮值开始",
        recurrence: "重复",
        onCallPerShift: "每班值班人数",
        coverage: "覆盖时段",
        coverageAllDay: "每天 24 小时",
        members: "成员（按顺序）",
        dailyAt: "每天，交接时间 %@",
        weeklyAt: "每周，交接 %@",
        monthlyAt: "每月，交接日 %@",
        everyN: "每 %@ 次",
        quality: "覆盖与负载均衡",
        coverageGaps: "未来 4 周的无人值班时段",
        gapTag: "空缺：",
        gapSentence: "从 %@ 到 %@ 无人值班（%@）。",
        noGaps: "未来 4 周每个时刻都有人值班。",
        load: "每位成员的负载",
        balanceNote: "未来 4 周的值班小时数；平均为 %@。高于或低于平均值 25 %% 以上的成员会被标出。",
        hoursFormat: "%@ 小时",
        member: "成员",
        hours: "小时数",
        versusAverage: "与平均值相比",
        verdict: "评估",
        overloaded: "不均衡：高于平均",
        underloaded: "不均衡：低于平均",
        balanced: "均衡",
        nextSevenDays: "未来 7 天",
        today: "今天",
        previousMonth: "上个月",
        thisMonth: "本月",
        nextMonth: "下个月",
        shiftList: "本月班次列表",
        overrides: "班次替换",
        overrideHint: "替班让其他人在一段时间内值班，仅在轮值覆盖时段内生效。要撤销替班，请删除它，而不是再添加一个。",
        created: "创建时间",
        actions: "操作",
        deleteOverride: "删除替班",
        deleteOverrideConfirm: "删除此替班？将恢复常规班次。",
        noOverrides: "自上周起没有替班。",
        createOverride: "创建替班",
        overrideFormHint: "时间采用轮值的时区。您会先看到更改前后的班次，然后再确认。",
        overrideStart: "替班开始",
        overrideEnd: "替班结束",
        overrideContact: "替班人",
        endAfterStart: "替班结束时间必须晚于开始时间。",
        previewOverride: "预览替班",
        previewHint: "替班前一天到后一天的班次，时区：",
        before: "更改前",
        after: "更改后",
        confirmOverride: "创建此替班",
        overrideCreated: "替班已创建。",
        overrideDeleted: "替班已删除。",
        calendarFeed: "日历订阅（iCalendar）",
        calendarFeedHint: "您参与的每个轮值都有一个秘密的订阅地址，请在手机日历中订阅。知道该地址的人都能看到轮值班次，请勿外传。管理员也可以用所示命令查看。", showFeeds: "显示我的订阅地址",
        contact: "联系人",
        alias: "别名",
        contactType: "联系人类型",
        typePersonal: "个人",
        typeEscalation: "升级计划",
        typeSchedule: "值班表",
        channels: "联系渠道",
        channel: "渠道",
        channelName: "渠道名称",
        channelType: "渠道类型",
        address: "地址",
        activation: "激活状态",
        activated: "已激活",
        notActivated: "未激活",
        memberOf: "此联系人参与值班的轮值",
        noChannels: "没有联系渠道。",
        engagementPlan: "联络计划",
        stage: "阶段",
        minutesAfterStart: "联络开始后的分钟数",
        minutesFormat: "%@ 分钟",
        stagesFormat: "%@ 个阶段",
        noPlan: "没有联络计划。",
        sendTestPage: "发送测试呼叫",
        testWarning: "这会真的呼叫此人：按上面的联络计划，其手机或邮箱会收到通知。",
        testConfirm: "现在真的呼叫此联系人？",
        testSubject: "Hikeshi 测试呼叫",
        testContent: "这是 %@ 从 Hikeshi 控制台发送的测试呼叫。没有未解决的事件；请确认以表示已收到。",
        testSent: "测试呼叫已发送。",
        essential: "必需",
        startsAt: "开始于",
        reorderHint: "用“上移”“下移”按钮移动阶段；更改会立即保存。",
        moveUp: "上移",
        moveDown: "下移",
        noStages: "此计划没有阶段。",
        cannotMove: "该阶段无法再移动。",
        stagesSaved: "阶段顺序已保存。",
        noContactLinked: "您的控制台用户未关联联系人，因此没有可显示的班次或呼叫。管理员可用 hikeshi admin create-user --contact-arn 进行关联。",
        myContact: "我的联系人",
        myOpenPages: "我未确认的呼叫",
        noOpenPages: "没有未确认的呼叫。",
        sender: "发送者",
        incident: "事件",
        receipts: "回执",
        noReceipts: "暂无",
        acknowledge: "确认",
        acknowledged: "呼叫已确认。",
        notYourPage: "该呼叫不是您未确认的呼叫。",
        myShifts: "我未来 14 天的班次",
        noMyShifts: "无。"
    )
}
