extension CoachLexicon {
    // MARK: Urgency

    /// Urgency words that do not raise a case's severity.
    static let urgentKeywords = CoachKeywords(
        english: English.urgent, japanese: Japanese.urgent, korean: Korean.urgent, chinese: Chinese.urgent
    )
    /// An urgency word.
    static let urgent = CoachPattern(keywords: urgentKeywords)

    // MARK: Background

    /// Words that give the reason behind a question (what it is for).
    static let backgroundKeywords = CoachKeywords(
        english: English.background, japanese: Japanese.background, korean: Korean.background, chinese: Chinese.background
    )
    /// The reason behind a question.
    static let background = CoachPattern(keywords: backgroundKeywords)

    // MARK: Services (to tell unrelated questions apart)

    /// Services by canonical name; billing, accounts and compliance documents count as services of their own.
    static let services: [(name: String, pattern: CoachPattern)] = [
        ("EC2", CoachPattern(keywords: CoachKeywords(english: ["EC2"], japanese: [], korean: [], chinese: []))),
        ("S3", CoachPattern(keywords: CoachKeywords(english: ["S3"], japanese: ["バケット"], korean: ["버킷"], chinese: ["存储桶"]))),
        ("RDS", CoachPattern(keywords: CoachKeywords(english: ["RDS", "Aurora"], japanese: [], korean: [], chinese: []))),
        ("Lambda", CoachPattern(keywords: CoachKeywords(english: ["Lambda"], japanese: [], korean: [], chinese: []))),
        ("DynamoDB", CoachPattern(keywords: CoachKeywords(english: ["DynamoDB"], japanese: [], korean: [], chinese: []))),
        (
            "ELB",
            CoachPattern(
                keywords: CoachKeywords(
                    english: ["ELB", "ALB", "NLB", #"load ?balancers?"#], japanese: ["ロードバランサー?"], korean: [#"로드\s?밸런서"#],
                    chinese: ["负载均衡"]))
        ),
        ("CloudFront", CoachPattern(keywords: CoachKeywords(english: ["CloudFront"], japanese: [], korean: [], chinese: []))),
        ("Route 53", CoachPattern(keywords: CoachKeywords(english: [#"Route ?53"#], japanese: [], korean: [], chinese: []))),
        ("IAM", CoachPattern(keywords: CoachKeywords(english: ["IAM"], japanese: [], korean: [], chinese: []))),
        ("VPC", CoachPattern(keywords: CoachKeywords(english: ["VPC"], japanese: [], korean: [], chinese: []))),
        ("EBS", CoachPattern(keywords: CoachKeywords(english: ["EBS"], japanese: [], korean: [], chinese: []))),
        ("EFS", CoachPattern(keywords: CoachKeywords(english: ["EFS"], japanese: [], korean: [], chinese: []))),
        ("ECS", CoachPattern(keywords: CoachKeywords(english: ["ECS", "Fargate"], japanese: [], korean: [], chinese: []))),
        ("EKS", CoachPattern(keywords: CoachKeywords(english: ["EKS", "Kubernetes"], japanese: [], korean: [], chinese: []))),
        ("CloudWatch", CoachPattern(keywords: CoachKeywords(english: ["CloudWatch"], japanese: [], korean: [], chinese: []))),
        ("SQS", CoachPattern(keywords: CoachKeywords(english: ["SQS"], japanese: [], korean: [], chinese: []))),
        ("SNS", CoachPattern(keywords: CoachKeywords(english: ["SNS"], japanese: [], korean: [], chinese: []))),
        ("API Gateway", CoachPattern(keywords: CoachKeywords(english: ["API Gateway"], japanese: [], korean: [], chinese: []))),
        ("CloudFormation", CoachPattern(keywords: CoachKeywords(english: ["CloudFormation"], japanese: [], korean: [], chinese: []))),
        (
            "ElastiCache",
            CoachPattern(keywords: CoachKeywords(english: ["ElastiCache", "Redis", "Memcached"], japanese: [], korean: [], chinese: []))
        ),
        ("Redshift", CoachPattern(keywords: CoachKeywords(english: ["Redshift"], japanese: [], korean: [], chinese: []))),
        ("Kinesis", CoachPattern(keywords: CoachKeywords(english: ["Kinesis"], japanese: [], korean: [], chinese: []))),
        ("SES", CoachPattern(keywords: CoachKeywords(english: ["SES", "Simple Email Service"], japanese: [], korean: [], chinese: []))),
        ("NAT Gateway", CoachPattern(keywords: CoachKeywords(english: [#"NAT ?Gateways?"#], japanese: [], korean: [], chinese: []))),
        (
            "Account",
            CoachPattern(
                keywords: CoachKeywords(
                    english: [#"close (?:my|our|the) account"#, "account closure", "root user", "MFA"],
                    japanese: ["アカウントの?(?:解約|閉鎖|削除)", "ルートユーザー"], korean: [#"계정\s?(?:해지|폐쇄|삭제)"#, "루트 사용자"],
                    chinese: ["注销账[号户]", "关闭账[号户]", "根用户"]))
        ),
        (
            "Compliance",
            CoachPattern(
                keywords: CoachKeywords(
                    english: ["SOC ?[123]", "ISO ?27001", "PCI DSS", "compliance reports?"], japanese: ["監査報告", "第三者認証"],
                    korean: ["감사 보고서", #"인증서\s?사본"#], chinese: ["审计报告", "合规报告"]))
        ),
        (
            "Billing",
            CoachPattern(
                keywords: CoachKeywords(
                    english: ["billing", #"invoices?"#, "charges?", "pricing", "bill", #"refunds?"#, #"Savings ?Plans?"#, #"Reserved Instances?"#],
                    japanese: ["請求", "料金", "支払", "返金", "Savings Plans"], korean: ["결제", "요금", "청구", "환불", "세금계산서"],
                    chinese: ["账单", "费用", "计费", "退款", "发票", "(?:处理|数据|流量|传输)费"]))
        ),
    ]

    /// Service codes and categories for which no region is needed: global services, billing, accounts.
    static let globalServiceMarkers = [
        "billing", "account", "identity-and-access-management", "iam", "route53", "route-53", "cloudfront", "organizations",
        "general-info", "support-api", "marketplace",
    ]

    // MARK: Not answerable

    /// Asking about another account's resources.
    static let otherAccountKeywords = CoachKeywords(
        english: English.otherAccount, japanese: Japanese.otherAccount, korean: Korean.otherAccount, chinese: Chinese.otherAccount
    )
    /// Asking for a cause or a reason.
    static let causeKeywords = CoachKeywords(
        english: English.cause, japanese: Japanese.cause, korean: Korean.cause, chinese: Chinese.cause
    )
    /// AWS infrastructure or hardware.
    static let infrastructureKeywords = CoachKeywords(
        english: English.infrastructure, japanese: Japanese.infrastructure, korean: Korean.infrastructure, chinese: Chinese.infrastructure
    )
    /// Asking for performance figures or benchmarks.
    static let performanceKeywords = CoachKeywords(
        english: English.performance, japanese: Japanese.performance, korean: Korean.performance, chinese: Chinese.performance
    )
    /// Asking for the history or frequency of maintenance.
    static let maintenanceKeywords = CoachKeywords(
        english: English.maintenance, japanese: Japanese.maintenance, korean: Korean.maintenance, chinese: Chinese.maintenance
    )
    /// Asking how AWS works internally.
    static let internalMechanismKeywords = CoachKeywords(
        english: English.internalMechanism, japanese: Japanese.internalMechanism, korean: Korean.internalMechanism, chinese: Chinese.internalMechanism
    )
    /// Asking for compliance or audit documents.
    static let complianceKeywords = CoachKeywords(
        english: English.compliance, japanese: Japanese.compliance, korean: Korean.compliance, chinese: Chinese.compliance
    )
    /// Asking when a feature ships or a defect is fixed.
    static let fixDateKeywords = CoachKeywords(
        english: English.fixDate, japanese: Japanese.fixDate, korean: Korean.fixDate, chinese: Chinese.fixDate
    )

    /// The not-answerable topics and their patterns (root cause and internals need extra conditions, see the rules).
    static let otherAccount = CoachPattern(keywords: otherAccountKeywords)
    /// Asking for a cause.
    static let cause = CoachPattern(keywords: causeKeywords)
    /// Mentioning AWS infrastructure.
    static let infrastructure = CoachPattern(keywords: infrastructureKeywords)
    /// Asking for performance figures.
    static let performance = CoachPattern(keywords: performanceKeywords)
    /// Asking for maintenance history.
    static let maintenance = CoachPattern(keywords: maintenanceKeywords)
    /// Asking about internals.
    static let internalMechanism = CoachPattern(keywords: internalMechanismKeywords)
    /// Asking for compliance documents.
    static let compliance = CoachPattern(keywords: complianceKeywords)
    /// Asking for a fix or release date.
    static let fixDate = CoachPattern(keywords: fixDateKeywords)

    // MARK: Known answers

    /// `StatusCheckFailed_System` and its spellings.
    static let statusCheckSystemKeywords = CoachKeywords(
        english: English.statusCheckSystem, japanese: Japanese.statusCheckSystem, korean: Korean.statusCheckSystem, chinese: Chinese.statusCheckSystem
    )
    /// `StatusCheckFailed_Instance` and its spellings.
    static let statusCheckInstanceKeywords = CoachKeywords(
        english: English.statusCheckInstance, japanese: Japanese.statusCheckInstance, korean: Korean.statusCheckInstance,
        chinese: Chinese.statusCheckInstance
    )
    /// Throttling errors.
    static let throttlingKeywords = CoachKeywords(
        english: English.throttling, japanese: Japanese.throttling, korean: Korean.throttling, chinese: Chinese.throttling
    )
    /// Quota errors.
    static let quotaKeywords = CoachKeywords(
        english: English.quota, japanese: Japanese.quota, korean: Korean.quota, chinese: Chinese.quota
    )
    /// Scheduled retirement and degraded hardware.
    static let retirementKeywords = CoachKeywords(
        english: English.retirement, japanese: Japanese.retirement, korean: Korean.retirement, chinese: Chinese.retirement
    )

    /// The known-answer checks and what signals them, in report order.
    static let knownAnswers: [(check: CoachCheck, pattern: CoachPattern)] = [
        (.knownAnswerStatusCheckSystem, CoachPattern(keywords: statusCheckSystemKeywords)),
        (.knownAnswerStatusCheckInstance, CoachPattern(keywords: statusCheckInstanceKeywords)),
        (.knownAnswerThrottling, CoachPattern(keywords: throttlingKeywords)),
        (.knownAnswerQuotaExceeded, CoachPattern(keywords: quotaKeywords)),
        (.knownAnswerScheduledRetirement, CoachPattern(keywords: retirementKeywords)),
    ]

    /// The topic keyword lists by name.
    static var topicKeywordSets: [String: CoachKeywords] {
        [
            "otherAccount": otherAccountKeywords, "cause": causeKeywords, "infrastructure": infrastructureKeywords,
            "performance": performanceKeywords, "maintenance": maintenanceKeywords, "internal": internalMechanismKeywords,
            "compliance": complianceKeywords, "fixDate": fixDateKeywords, "statusCheckSystem": statusCheckSystemKeywords,
            "statusCheckInstance": statusCheckInstanceKeywords, "throttling": throttlingKeywords, "quota": quotaKeywords,
            "retirement": retirementKeywords,
        ]
    }

    /// The topic patterns by name.
    static var topicPatterns: [String: CoachPattern] {
        var patterns: [String: CoachPattern] = [
            "otherAccount": otherAccount, "cause": cause, "infrastructure": infrastructure, "performance": performance,
            "maintenance": maintenance, "internalMechanism": internalMechanism, "compliance": compliance, "fixDate": fixDate,
        ]
        for known in knownAnswers {
            patterns[known.check.code] = known.pattern
        }
        return patterns
    }
}
