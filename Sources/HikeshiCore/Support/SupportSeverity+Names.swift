import Foundation

extension SupportSeverity {
    /// The severity's name in `language`.
    ///
    /// English gives the short names AWS's `DescribeSeverityLevels` returns (`Low` … `Critical`); the other languages
    /// give the descriptive names, such as `本番システムのダウン`.
    public func name(in language: SupportLanguage) -> String {
        switch language {
        case .english: englishName
        case .japanese, .korean, .chinese: descriptions.text(in: language)
        }
    }

    /// What the severity means in `language`, such as `Production system down`.
    public func description(in language: SupportLanguage) -> String {
        descriptions.text(in: language)
    }

    /// The short English name, as `DescribeSeverityLevels` returns it.
    private var englishName: String {
        switch self {
        case .low: "Low"
        case .normal: "Normal"
        case .high: "High"
        case .urgent: "Urgent"
        case .critical: "Critical"
        }
    }

    /// The descriptive name in every language.
    private var descriptions: SupportLocalizedText {
        switch self {
        case .low:
            SupportLocalizedText(english: "General guidance", japanese: "一般的なガイダンス", korean: "일반 지침", chinese: "一般指导")
        case .normal:
            SupportLocalizedText(english: "System impaired", japanese: "システム障害", korean: "시스템 손상", chinese: "系统受损")
        case .high:
            SupportLocalizedText(
                english: "Production system impaired",
                japanese: "本番システムの障害",
                korean: "프로덕션 시스템 손상",
                chinese: "生产系统受损"
            )
        case .urgent:
            SupportLocalizedText(
                english: "Production system down",
                japanese: "本番システムのダウン",
                korean: "프로덕션 시스템 다운",
                chinese: "生产系统宕机"
            )
        case .critical:
            SupportLocalizedText(
                english: "Business-critical system down",
                japanese: "ビジネスクリティカルなシステムのダウン",
                korean: "비즈니스 크리티컬 시스템 다운",
                chinese: "业务关键型系统宕机"
            )
        }
    }
}
