import Foundation

extension SupportCategory {
    /// General questions and guidance.
    public static let generalGuidance = SupportCategory(
        code: "general-guidance",
        english: "General Guidance",
        japanese: "一般的なガイダンス",
        korean: "일반 지침",
        chinese: "一般指导"
    )

    /// Questions about the service's APIs, SDKs and command line.
    public static let apis = SupportCategory(code: "apis", english: "APIs", japanese: "API", korean: "API", chinese: "API")

    /// Problems reaching or connecting to the service.
    public static let connectivity = SupportCategory(
        code: "connectivity",
        english: "Connectivity",
        japanese: "接続",
        korean: "연결",
        chinese: "连接"
    )

    /// Slowness, latency and throughput problems.
    public static let performance = SupportCategory(
        code: "performance",
        english: "Performance",
        japanese: "パフォーマンス",
        korean: "성능",
        chinese: "性能"
    )

    /// Access control, encryption and other security questions.
    public static let security = SupportCategory(
        code: "security",
        english: "Security",
        japanese: "セキュリティ",
        korean: "보안",
        chinese: "安全"
    )

    /// Anything that fits no other category.
    public static let other = SupportCategory(code: "other", english: "Other", japanese: "その他", korean: "기타", chinese: "其他")

    /// Questions about charges on a bill.
    public static let charges = SupportCategory(code: "charges", english: "Charges", japanese: "料金", korean: "요금", chinese: "费用")

    /// Questions about payments and payment methods.
    public static let payments = SupportCategory(
        code: "payments",
        english: "Payments",
        japanese: "支払い",
        korean: "결제 수단",
        chinese: "付款"
    )

    /// Problems signing in to or recovering an account.
    public static let accountAccess = SupportCategory(
        code: "account-access",
        english: "Account Access",
        japanese: "アカウントへのアクセス",
        korean: "계정 액세스",
        chinese: "账户访问"
    )

    /// The categories of every technical service, in display order.
    public static let technical: [SupportCategory] = [generalGuidance, apis, connectivity, performance, security, other]

    /// The categories of the account service, in display order.
    public static let account: [SupportCategory] = [generalGuidance, accountAccess, other]

    /// The categories of the billing service, in display order.
    public static let billing: [SupportCategory] = [generalGuidance, charges, payments, other]
}
