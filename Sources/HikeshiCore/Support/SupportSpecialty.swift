import Foundation

/// An area of expertise support engineers are grouped by; every catalogue service belongs to one.
public enum SupportSpecialty: String, CaseIterable, Sendable, Codable, Hashable {
    /// Virtual servers, such as Amazon EC2.
    case compute
    /// Container orchestration, such as Amazon ECS and Amazon EKS.
    case containers
    /// Functions and APIs without servers, such as AWS Lambda and Amazon API Gateway.
    case serverless
    /// Networks, load balancing, DNS and content delivery.
    case networking
    /// Managed relational, key-value and in-memory databases.
    case databases
    /// Object, block and file storage.
    case storage
    /// Identity, encryption and threat detection.
    case security
    /// Data warehousing, queries and streaming.
    case analytics
    /// Monitoring, infrastructure as code, operations and auditing.
    case management
    /// Accounts and billing: the non-technical questions.
    case billing

    /// The specialty's name in `language`, such as `コンピューティング`.
    public func name(in language: SupportLanguage) -> String {
        names.text(in: language)
    }

    /// The specialty's name in every language.
    private var names: SupportLocalizedText {
        switch self {
        case .compute:
            SupportLocalizedText(english: "Compute", japanese: "コンピューティング", korean: "컴퓨팅", chinese: "计算")
        case .containers:
            SupportLocalizedText(english: "Containers", japanese: "コンテナ", korean: "컨테이너", chinese: "容器")
        case .serverless:
            SupportLocalizedText(english: "Serverless", japanese: "サーバーレス", korean: "서버리스", chinese: "无服务器")
        case .networking:
            SupportLocalizedText(english: "Networking", japanese: "ネットワーキング", korean: "네트워킹", chinese: "网络")
        case .databases:
            SupportLocalizedText(english: "Databases", japanese: "データベース", korean: "데이터베이스", chinese: "数据库")
        case .storage:
            SupportLocalizedText(english: "Storage", japanese: "ストレージ", korean: "스토리지", chinese: "存储")
        case .security:
            SupportLocalizedText(english: "Security", japanese: "セキュリティ", korean: "보안", chinese: "安全")
        case .analytics:
            SupportLocalizedText(english: "Analytics", japanese: "分析", korean: "분석", chinese: "分析")
        case .management:
            SupportLocalizedText(
                english: "Management and Governance",
                japanese: "マネジメントとガバナンス",
                korean: "관리 및 거버넌스",
                chinese: "管理与治理"
            )
        case .billing:
            SupportLocalizedText(english: "Account and Billing", japanese: "アカウントと請求", korean: "계정 및 결제", chinese: "账户和账单")
        }
    }
}
