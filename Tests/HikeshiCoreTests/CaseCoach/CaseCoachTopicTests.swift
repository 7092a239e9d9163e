import HikeshiCore
import Testing

/// Requests AWS Support does not answer, answers known before filing, urgency words and several questions.
@Suite("CaseCoach topics")
struct CaseCoachTopicTests {
    /// One text in one language and the check it must trigger.
    struct Row: Sendable, CustomTestStringConvertible {
        var check: CoachCheck
        var language: String
        var body: String

        var testDescription: String { "\(check.code) [\(language)]" }
    }

    static let notAnswerableRows: [Row] = [
        Row(
            check: .notAnswerableOtherAccount, language: "en",
            body: "Our customer's account 111122223333 has a bucket that we cannot read. Can you check its policy?"),
        Row(check: .notAnswerableOtherAccount, language: "ja", body: "別のアカウントにある EC2 インスタンスの設定を確認してもらえますか？"),
        Row(check: .notAnswerableOtherAccount, language: "ko", body: "다른 계정에 있는 RDS 인스턴스의 설정을 확인해 주실 수 있나요?"),
        Row(check: .notAnswerableOtherAccount, language: "zh", body: "能否帮忙检查另一个账号中的 S3 存储桶策略？"),
        Row(
            check: .notAnswerableFailureRootCause, language: "en",
            body: "Please send us the root cause of the hardware failure on the underlying host that stopped our instance."),
        Row(check: .notAnswerableFailureRootCause, language: "ja", body: "インスタンスが停止した AWS 基盤側の障害の詳細な原因を教えてください。"),
        Row(check: .notAnswerableFailureRootCause, language: "ko", body: "인스턴스가 중지된 하드웨어 장애의 상세 원인을 알려주세요."),
        Row(check: .notAnswerableFailureRootCause, language: "zh", body: "请告知导致实例停止的硬件故障的具体原因。"),
        Row(
            check: .notAnswerablePerformanceFigures, language: "en", body: "What is the maximum throughput of an Application Load Balancer?"),
        Row(check: .notAnswerablePerformanceFigures, language: "ja", body: "Aurora のベンチマーク結果を教えてください。"),
        Row(check: .notAnswerablePerformanceFigures, language: "ko", body: "DynamoDB의 성능 지표를 알려주세요."),
        Row(check: .notAnswerablePerformanceFigures, language: "zh", body: "请提供 EBS gp3 卷的性能数据。"),
        Row(
            check: .notAnswerableMaintenanceHistory, language: "en", body: "How often has RDS maintenance happened in Tokyo over the past year?"),
        Row(check: .notAnswerableMaintenanceHistory, language: "ja", body: "過去のメンテナンスの実績を教えてください。"),
        Row(check: .notAnswerableMaintenanceHistory, language: "ko", body: "RDS의 유지 관리 빈도를 알려주세요."),
        Row(check: .notAnswerableMaintenanceHistory, language: "zh", body: "请提供 RDS 过去的维护记录。"),
        Row(
            check: .notAnswerableInternalMechanism, language: "en", body: "Which technology does RDS Multi-AZ use to switch over?"),
        Row(check: .notAnswerableInternalMechanism, language: "ja", body: "RDS のマルチ AZ はどのような技術で切り替えていますか？"),
        Row(check: .notAnswerableInternalMechanism, language: "ko", body: "RDS는 다중 AZ 구성 간에 어떻게 전환하며 어떤 기술이 사용됩니까?"),
        Row(check: .notAnswerableInternalMechanism, language: "zh", body: "RDS 多可用区切换使用了什么技术？"),
        Row(check: .notAnswerableComplianceDocuments, language: "en", body: "Please send us the latest SOC 2 report."),
        Row(check: .notAnswerableComplianceDocuments, language: "ja", body: "ISO 27001 の監査レポートを送ってください。"),
        Row(check: .notAnswerableComplianceDocuments, language: "ko", body: "AWS의 규정 준수 보고서를 보내 주세요."),
        Row(check: .notAnswerableComplianceDocuments, language: "zh", body: "请提供 AWS 的合规报告。"),
        Row(check: .notAnswerableFixDate, language: "en", body: "When will this bug in the console be fixed?"),
        Row(check: .notAnswerableFixDate, language: "ja", body: "この不具合はいつ修正されますか？"),
        Row(check: .notAnswerableFixDate, language: "ko", body: "이 버그는 언제 수정되나요?"),
        Row(check: .notAnswerableFixDate, language: "zh", body: "这个缺陷什么时候修复？"),
    ]

    @Test("not answerable", arguments: notAnswerableRows)
    func notAnswerable(_ row: Row) {
        let report = CaseCoach().review(CaseDraft(subject: "", body: row.body, language: row.language))
        let found = report.findings.filter { $0.kind == .notAnswerable }
        #expect(found.map(\.code) == [row.check.code])
        #expect(found.first?.message == CoachMessages.message(for: row.check, in: SupportLanguage(resolving: row.language)))
    }

    @Test("the compliance advice points to AWS Artifact", arguments: SupportLanguage.allCases)
    func artifact(_ language: SupportLanguage) {
        #expect(CoachMessages.message(for: .notAnswerableComplianceDocuments, in: language).contains("AWS Artifact"))
    }

    @Test("the internals question with its reason is answerable", arguments: ["en", "ja", "zh"])
    func internalsWithReason(_ language: String) {
        let bodies = [
            "en": "Under which conditions does RDS Multi-AZ fail over, and which technology decides it? We are designing our monitoring.",
            "ja": "マルチ AZ 構成の RDS がフェイルオーバーする条件と、どのような技術で判断しているかを教えてください。監視システムを設計しているためです。",
            "zh": "RDS 多可用区在什么条件下切换？使用了什么技术？因为我们正在设计监控系统。",
        ]
        let report = CaseCoach().review(CaseDraft(subject: "", body: bodies[language] ?? "", language: language))
        #expect(!report.contains(.notAnswerableInternalMechanism))
    }

    static let knownAnswerRows: [Row] = [
        Row(
            check: .knownAnswerStatusCheckSystem, language: "en",
            body: "Instance i-0123456789abcdef0 rebooted unexpectedly and CloudWatch shows StatusCheckFailed_System at that time."),
        Row(check: .knownAnswerStatusCheckSystem, language: "ja", body: "インスタンスが再起動し、その時刻にシステムステータスチェックが失敗していました。"),
        Row(check: .knownAnswerStatusCheckSystem, language: "ko", body: "인스턴스가 재부팅되었고 그 시각에 시스템 상태 검사가 실패했습니다."),
        Row(check: .knownAnswerStatusCheckSystem, language: "zh", body: "实例意外重启，当时系统状态检查失败。"),
        Row(check: .knownAnswerStatusCheckInstance, language: "en", body: "The instance is unreachable and StatusCheckFailed_Instance is 1."),
        Row(check: .knownAnswerStatusCheckInstance, language: "ja", body: "インスタンスステータスチェックが失敗しています。"),
        Row(check: .knownAnswerStatusCheckInstance, language: "ko", body: "인스턴스 상태 검사가 실패합니다."),
        Row(check: .knownAnswerStatusCheckInstance, language: "zh", body: "实例状态检查失败。"),
        Row(check: .knownAnswerThrottling, language: "en", body: "DescribeInstances returns RequestLimitExceeded during deployments."),
        Row(check: .knownAnswerThrottling, language: "ja", body: "API 呼び出しで ThrottlingException: Rate exceeded が返ります。"),
        Row(check: .knownAnswerThrottling, language: "ko", body: "API 호출 시 스로틀링 오류가 발생합니다."),
        Row(check: .knownAnswerThrottling, language: "zh", body: "调用 API 时被限流。"),
        Row(check: .knownAnswerQuotaExceeded, language: "en", body: "RunInstances fails with VcpuLimitExceeded."),
        Row(check: .knownAnswerQuotaExceeded, language: "ja", body: "インスタンスを起動すると上限に達したというエラーになります。"),
        Row(check: .knownAnswerQuotaExceeded, language: "ko", body: "인스턴스 시작 시 할당량 초과 오류가 발생합니다."),
        Row(check: .knownAnswerQuotaExceeded, language: "zh", body: "启动实例时提示超出配额。"),
        Row(check: .knownAnswerScheduledRetirement, language: "en", body: "We got a notice that our instance is scheduled for retirement."),
        Row(check: .knownAnswerScheduledRetirement, language: "ja", body: "インスタンスのリタイア通知が届きました。"),
        Row(check: .knownAnswerScheduledRetirement, language: "ko", body: "인스턴스 사용 중지 예정 알림을 받았습니다."),
        Row(check: .knownAnswerScheduledRetirement, language: "zh", body: "收到了实例退役的通知。"),
    ]

    @Test("known answers", arguments: knownAnswerRows)
    func knownAnswer(_ row: Row) {
        let report = CaseCoach().review(CaseDraft(subject: "", body: row.body, language: row.language))
        let found = report.findings.filter { $0.kind == .knownAnswer }
        #expect(found.map(\.code) == [row.check.code])
        #expect(found.first?.detail?.isEmpty == false)
    }

    @Test("StatusCheckFailed_System: host fault, stop and start, design for failure", arguments: SupportLanguage.allCases)
    func statusCheckSystem(_ language: SupportLanguage) throws {
        let draft = CaseDraft(
            subject: "Instance rebooted", body: "Our instance rebooted by itself; CloudWatch recorded StatusCheckFailed_System.",
            language: language.rawValue)
        let finding = try #require(CaseCoach().review(draft).findings.first { $0.code == "known-answer.status-check-system" })
        #expect(finding.kind == .knownAnswer)
        #expect(finding.detail == "StatusCheckFailed_System")
        let keywords: [SupportLanguage: [String]] = [
            .english: ["underlying host", "Stop and start", "design for failure"],
            .japanese: ["基盤ホスト", "停止して起動", "障害を前提とした設計"],
            .korean: ["기반 호스트", "중지 후 다시 시작", "장애에 대비한 설계"],
            .chinese: ["底层主机", "先停止再启动", "面向故障进行设计"],
        ]
        for keyword in keywords[language] ?? [] {
            #expect(finding.message.contains(keyword))
        }
    }

    @Test("RequestLimitExceeded is throttling, not a quota")
    func requestLimitIsThrottling() {
        let report = CaseCoach().review(CaseDraft(subject: "", body: "EC2 API calls fail with RequestLimitExceeded."))
        #expect(report.contains(.knownAnswerThrottling))
        #expect(!report.contains(.knownAnswerQuotaExceeded))
    }

    static let urgentSubjects: [(language: String, subject: String, word: String)] = [
        ("en", "URGENT: production site down", "URGENT"),
        ("en", "Please help ASAP", "ASAP"),
        ("ja", "【緊急】本番環境に接続できない", "緊急"),
        ("ja", "大至急：RDS に接続できません", "大至急"),
        ("ko", "[긴급] 운영 서버 접속 불가", "긴급"),
        ("ko", "급함 - 로드 밸런서 오류", "급함"),
        ("zh", "【紧急】生产环境无法访问", "紧急"),
        ("zh", "加急：RDS 无法连接", "加急"),
    ]

    @Test("urgency words in the subject", arguments: urgentSubjects)
    func urgentSubject(_ row: (language: String, subject: String, word: String)) throws {
        let report = CaseCoach().review(CaseDraft(subject: row.subject, body: "", severityCode: "low", language: row.language))
        let finding = try #require(report.findings.first { $0.code == "urgent-in-subject" })
        #expect(finding.kind == .style)
        #expect(finding.detail == row.word)
        #expect(finding.message == CoachMessages.message(for: .urgentInSubject, in: SupportLanguage(resolving: row.language)))
    }

    @Test("urgency words in the body only are not reported")
    func urgentBody() {
        let report = CaseCoach().review(CaseDraft(subject: "ALB returns 503", body: "This is urgent."))
        #expect(!report.contains(.urgentInSubject))
    }

    static let severalRows: [(name: String, body: String, expected: Bool)] = [
        ("three question marks", "Why does the ALB return 503? How do I read its logs? Can I get a refund?", true),
        ("three full-width question marks", "ALB が 503 を返すのはなぜ？ログの見方は？返金はできますか？", true),
        (
            "numbered questions across services",
            "1. How do I fix the timeout of my Lambda function?\n2. How is Lambda billing calculated for the charges on my invoice?", true
        ),
        ("numbered questions across services, Korean", "(1) Lambda 타임아웃을 해결하는 방법을 알려주세요\n(2) 청구 요금은 어떻게 계산되나요", true),
        ("numbered questions across services, Chinese", "① 如何解决 Lambda 超时\n② RDS 的账单费用如何计算", true),
        ("one question", "Why does the ALB return 503?", false),
        ("two question marks", "Why does the ALB return 503? Is it the target group?", false),
        ("numbered steps", "1. I checked the ALB.\n2. I checked the RDS instance.\nWhat else should I check?", false),
        ("numbered questions, one service", "1. How do I enable ALB access logs?\n2. How do I read ALB access logs?", false),
        ("question marks in URLs", "See https://example.com/a?b=1 and https://example.com/c?d=2 and https://example.com/e?f=3.", false),
    ]

    @Test("several unrelated questions", arguments: severalRows)
    func severalQuestions(_ row: (name: String, body: String, expected: Bool)) {
        let report = CaseCoach().review(CaseDraft(subject: "", body: row.body))
        #expect(report.contains(.severalQuestions) == row.expected, "\(row.name): \(report.codes)")
        if row.expected {
            #expect(report.findings.first { $0.code == "several-questions" }?.kind == .style)
        }
    }
}
