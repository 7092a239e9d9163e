extension CoachLexicon {
    // MARK: Urgency

    /// Urgency words that do not raise a case's severity.
    static let urgentKeywords = CoachKeywords(
        english: [#"urgent(?:ly)?"#, "ASAP", "emergency", "critical", "immediately", "right away", #"(?:high|top) priority"#],
        japanese: ["大至急", "至急", "緊急", "急ぎ", "早急"],
        korean: ["긴급", "급함", "시급", "급해요", "매우 급"],
        chinese: ["紧急", "加急", "十万火急", "急需", "尽快"]
    )
    /// An urgency word.
    static let urgent = CoachPattern(keywords: urgentKeywords)

    // MARK: Background

    /// Words that give the reason behind a question (what it is for).
    static let backgroundKeywords = CoachKeywords(
        english: [
            "because", #"since (?:we|our|i)"#, #"(?:we|i)(?: are|'re|'m| am) (?:designing|building|planning|evaluating|implementing|developing)"#,
            "background", "context", "for our", "to design", "to decide",
        ],
        japanese: ["設計", "検討", "背景", "ので", "ため", "判断"],
        korean: ["설계", "검토", "배경", "때문", "위해", "판단"],
        chinese: ["设计", "评估", "背景", "因为", "为了", "判断"]
    )
    /// The reason behind a question.
    static let background = CoachPattern(keywords: backgroundKeywords)

    // MARK: Services (to tell unrelated questions apart)

    /// Services by canonical name; billing counts as a service of its own.
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
        (
            "Billing",
            CoachPattern(
                keywords: CoachKeywords(
                    english: ["billing", #"invoices?"#, "charges?", "pricing", "bill"], japanese: ["請求", "料金", "支払"],
                    korean: ["결제", "요금", "청구"], chinese: ["账单", "费用", "计费"]))
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
        english: [
            #"(?:another|other|different|separate|someone else's|customer's|third[- ]party|client's|partner's) (?:AWS )?accounts?"#
        ],
        japanese: [
            #"別の(?:AWS\s?)?アカウント"#, #"他の(?:AWS\s?)?アカウント"#, "別アカウント", "他アカウント", #"異なる(?:AWS\s?)?アカウント"#,
            #"(?:お客様|顧客|他社)の(?:AWS\s?)?アカウント"#,
        ],
        korean: [#"다른 (?:AWS\s?)?계정"#, "타 계정", "별도(?:의)? 계정", #"고객(?:사)?의? (?:AWS\s?)?계정"#],
        chinese: [#"(?:另一个|其他|别的|不同的?|客户的)(?:AWS\s?)?(?:账户|账号|帐户|帐号)"#]
    )
    /// Asking for a cause or a reason.
    static let causeKeywords = CoachKeywords(
        english: ["root cause", "RCA", #"post-?mortem"#, #"causes?"#, "reasons?", "why"],
        japanese: ["原因", "理由", "なぜ"],
        korean: ["원인", "이유", "왜"],
        chinese: ["原因", "根因", "为什么", "理由"]
    )
    /// AWS infrastructure or hardware.
    static let infrastructureKeywords = CoachKeywords(
        english: [
            "hardware", #"(?:underlying|physical) (?:host|machine|server)"#, #"host (?:failure|fault|issue|problem)"#, "infrastructure",
            #"AWS[- ]side"#, "on AWS's side", #"data ?cent(?:er|re)"#, #"power (?:loss|outage|failure)"#, "StatusCheckFailed_System",
            "system status check",
        ],
        japanese: ["ハードウェア", "基盤", "ホスト", "インフラ", #"AWS\s?側"#, "物理", "データセンター", "電源"],
        korean: ["하드웨어", "인프라", "호스트", "물리", #"AWS\s?측"#, #"데이터\s?센터"#, "전원"],
        chinese: ["硬件", "基础设施", "宿主机", "物理机", "主机", #"AWS\s?(?:侧|方面|端)"#, "数据中心", "电源"]
    )
    /// Asking for performance figures or benchmarks.
    static let performanceKeywords = CoachKeywords(
        english: [
            #"benchmarks?"#, #"performance (?:figures|numbers|metrics|data|specs?|specifications|indicators|characteristics)"#,
            #"max(?:imum)? (?:throughput|iops|tps|qps|rps|requests per second|connections)"#,
            #"how many (?:requests|transactions|queries|iops|connections) (?:per second|can)"#, #"how fast (?:is|can|does)"#,
        ],
        japanese: [
            "ベンチマーク", "性能(?:値|指標|データ|評価値)", "(?:最大|上限の)(?:スループット|IOPS|TPS|リクエスト数)", "処理性能",
            "(?:どれくらい|どの程度)の性能", "性能を教え",
        ],
        korean: ["벤치마크", "성능 (?:지표|수치|데이터|값)", "최대 (?:처리량|IOPS|TPS)", "처리 성능"],
        chinese: ["基准测试", "性能(?:指标|数据|参数|数值)", "最大(?:吞吐量|IOPS|TPS|QPS)", "处理能力", "压测数据"]
    )
    /// Asking for the history or frequency of maintenance.
    static let maintenanceKeywords = CoachKeywords(
        english: [
            #"maintenance (?:history|frequency|records?|track record|statistics|logs?)"#, #"(?:past|previous|historical) maintenance"#,
            #"how often [^.?\n]{0,40}maintenance"#, "frequency of maintenance", #"number of (?:past )?maintenance"#,
            #"operation(?:al)? history"#,
        ],
        japanese: ["メンテナンス(?:の)?(?:実績|頻度|履歴|回数)", "過去(?:の)?メンテナンス", "保守(?:の)?(?:実績|頻度|履歴)", "運用(?:実績|履歴)"],
        korean: [#"(?:유지\s?(?:관리|보수)|점검)(?:의)?\s?(?:빈도|이력|실적|횟수|기록)"#, #"과거(?:의)? (?:유지\s?(?:관리|보수)|점검)"#],
        chinese: ["维护(?:历史|频率|记录|次数|频次)", "(?:过去|以往|历史)(?:的)?维护", "运维(?:历史|记录)"]
    )
    /// Asking how AWS works internally.
    static let internalKeywords = CoachKeywords(
        english: [
            #"internal(?:ly)? (?:mechanisms?|implementation|architecture|workings|design|structure|technology)"#,
            #"how does [^.?\n]{0,60} work (?:internally|under the hood|behind the scenes)"#, "under the hood", "behind the scenes",
            #"(?:what|which) (?:technology|technologies|algorithm)"#, "internals",
        ],
        japanese: ["内部(?:の)?(?:仕組み|構造|実装|動作|アーキテクチャ|ロジック)", "内部的に", "どのような(?:技術|仕組み|アルゴリズム)", "どんな(?:技術|仕組み)", "仕組みを教え"],
        korean: [#"내부(?:적인)?\s?(?:작동|동작|구조|구현|메커니즘|작업|아키텍처|원리)"#, "어떤 기술", "어떤 알고리즘", "내부적으로"],
        chinese: ["内部(?:机制|实现|原理|架构|结构|逻辑)", "底层(?:实现|原理|机制|架构)", "(?:什么|哪种|何种)(?:技术|算法)", "如何实现的"]
    )
    /// Asking for compliance or audit documents.
    static let complianceKeywords = CoachKeywords(
        english: [
            #"SOC ?[123]"#, #"SOC reports?"#, #"ISO(?:/IEC)? ?270\d\d"#, #"PCI[- ]?DSS"#, "HIPAA", "FedRAMP", "ISMAP",
            #"compliance (?:reports?|documents?|documentation|certificates?|certifications?|attestations?)"#, #"audit (?:reports?|documents?)"#,
            #"attestation (?:reports?|letters?)"#, #"third[- ]party audit"#,
        ],
        japanese: ["コンプライアンス(?:資料|文書|レポート|証明)", "監査(?:報告書|レポート|資料)", "第三者認証", "認証(?:取得)?状況"],
        korean: ["규정 준수 (?:보고서|문서|자료)", "컴플라이언스 (?:보고서|문서|자료)", "감사 보고서", "인증서 사본"],
        chinese: ["合规(?:报告|文件|文档|证书|证明)", "审计报告", "认证证书", "等保"]
    )
    /// Asking when a feature ships or a defect is fixed.
    static let fixDateKeywords = CoachKeywords(
        english: [
            #"when (?:will|would|is|can) [^.?\n]{0,60}(?:be )?(?:fixed|released|supported|launched|shipped|available in)"#,
            #"(?:fix|release|launch|GA) (?:date|timeline|schedule|ETA)"#, #"ETA (?:for|of) [^.?\n]{0,30}(?:fix|release|feature)"#, "roadmap",
            #"expected (?:fix|release)"#,
        ],
        japanese: [
            "(?:修正|改修|リリース|提供開始|サポート開始)(?:予定日|予定時期|の予定|時期|日程|スケジュール)", "いつ(?:頃)?(?:修正|改修|リリース|提供|サポート)",
            "ロードマップ",
        ],
        korean: [#"(?:수정|릴리스|출시|지원|패치)\s?(?:예정일|일정|시기|날짜)"#, "언제 (?:수정|출시|릴리스|지원|패치|해결)", "로드맵"],
        chinese: ["(?:修复|发布|上线|支持)(?:时间|日期|计划|时间表)", "(?:什么时候|何时|几时)(?:会|能|可以)?(?:修复|发布|上线|支持)", "路线图"]
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
    static let internalMechanism = CoachPattern(keywords: internalKeywords)
    /// Asking for compliance documents.
    static let compliance = CoachPattern(keywords: complianceKeywords)
    /// Asking for a fix or release date.
    static let fixDate = CoachPattern(keywords: fixDateKeywords)

    // MARK: Known answers

    /// `StatusCheckFailed_System` and its spellings.
    static let statusCheckSystemKeywords = CoachKeywords(
        english: ["StatusCheckFailed_System", #"system status checks? (?:failed|failure|impaired)"#, "failed (?:the )?system status check"],
        japanese: [#"システム\s?ステータス\s?チェック"#],
        korean: [#"시스템 상태 (?:검사|확인)"#],
        chinese: ["系统状态检查"]
    )
    /// `StatusCheckFailed_Instance` and its spellings.
    static let statusCheckInstanceKeywords = CoachKeywords(
        english: ["StatusCheckFailed_Instance", #"instance status checks? (?:failed|failure|impaired)"#, "failed (?:the )?instance status check"],
        japanese: [#"インスタンス\s?ステータス\s?チェック"#],
        korean: [#"인스턴스 상태 (?:검사|확인)"#],
        chinese: ["实例状态检查"]
    )
    /// Throttling errors.
    static let throttlingKeywords = CoachKeywords(
        english: [
            "ThrottlingException", "Throttling", #"Throttled(?:Exception)?"#, "Rate exceeded", #"TooManyRequests(?:Exception)?"#,
            "Too Many Requests", "RequestLimitExceeded", "SlowDown", "ProvisionedThroughputExceededException", "RequestThrottled",
            #"throttl(?:ed|ing)"#,
        ],
        japanese: ["スロットリング", "スロットル"],
        korean: ["스로틀링", "스로틀"],
        chinese: ["限流", "节流", "请求过多", "速率超限"]
    )
    /// Quota errors.
    static let quotaKeywords = CoachKeywords(
        english: [
            #"(?:Instance|Vcpu|Resource|Volume|Address|Snapshot)?LimitExceeded(?:Exception)?"#, #"(?:Service)?QuotaExceeded(?:Exception)?"#,
            #"(?:quota|limit) (?:exceeded|reached)"#, #"exceeded (?:the |your |our )?(?:service )?(?:quota|limit)"#,
            "requested more vCPU capacity",
        ],
        japanese: ["上限に達", "クォータ(?:を)?超過", "制限を超え"],
        korean: ["할당량(?:을)? 초과", "한도(?:를)? 초과"],
        chinese: ["配额(?:已)?(?:超出|不足|超限)", "超出(?:了)?配额", "超过(?:了)?(?:配额|限制)"]
    )
    /// Scheduled retirement and degraded hardware.
    static let retirementKeywords = CoachKeywords(
        english: [
            "scheduled for retirement", "instance retirement", #"retirement (?:notice|notification|date|event)"#,
            #"degraded (?:hardware|host)"#, #"scheduled (?:maintenance )?events?"#, "instance-retirement", "system-reboot", "system-maintenance",
        ],
        japanese: ["リタイア", "廃止予定", "劣化したハードウェア", "ハードウェアの劣化", "(?:スケジュール|予定)されたイベント"],
        korean: ["사용 중지 예정", "폐기 예정", "예약된 이벤트", "인스턴스 (?:사용 중지|폐기)", "하드웨어 (?:성능 )?저하"],
        chinese: ["计划(?:内)?事件", "实例(?:停用|退役|报废)", "退役", "硬件(?:降级|老化|性能下降)"]
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
            "performance": performanceKeywords, "maintenance": maintenanceKeywords, "internal": internalKeywords,
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
