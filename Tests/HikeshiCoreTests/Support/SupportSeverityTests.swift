import Testing

@testable import HikeshiCore

/// Ordering and naming severities.
@Suite("SupportSeverity")
struct SupportSeverityTests {
    @Test("severities are ordered low < normal < high < urgent < critical")
    func ordering() {
        #expect(SupportSeverity.allCases == [.low, .normal, .high, .urgent, .critical])
        #expect(SupportSeverity.low < .normal)
        #expect(SupportSeverity.normal < .high)
        #expect(SupportSeverity.high < .urgent)
        #expect(SupportSeverity.urgent < .critical)
        #expect(!(SupportSeverity.critical < .low))
        #expect([SupportSeverity.critical, .low, .urgent, .normal, .high].sorted() == SupportSeverity.allCases)
        #expect(SupportSeverity.allCases.max() == .critical)
    }

    @Test("raw values are AWS's severity codes")
    func rawValues() {
        #expect(SupportSeverity.allCases.map(\.rawValue) == ["low", "normal", "high", "urgent", "critical"])
    }

    @Test("English names are what DescribeSeverityLevels returns")
    func englishNames() {
        #expect(SupportSeverity.allCases.map { $0.name(in: .english) } == ["Low", "Normal", "High", "Urgent", "Critical"])
    }

    @Test("English descriptions")
    func englishDescriptions() {
        #expect(
            SupportSeverity.allCases.map { $0.description(in: .english) } == [
                "General guidance", "System impaired", "Production system impaired", "Production system down",
                "Business-critical system down",
            ]
        )
    }

    @Test("Japanese, Korean and Chinese names are the descriptive names")
    func localizedNames() {
        #expect(
            SupportSeverity.allCases.map { $0.name(in: .japanese) } == [
                "一般的なガイダンス", "システム障害", "本番システムの障害", "本番システムのダウン", "ビジネスクリティカルなシステムのダウン",
            ]
        )
        #expect(
            SupportSeverity.allCases.map { $0.name(in: .korean) } == [
                "일반 지침", "시스템 손상", "프로덕션 시스템 손상", "프로덕션 시스템 다운", "비즈니스 크리티컬 시스템 다운",
            ]
        )
        #expect(
            SupportSeverity.allCases.map { $0.name(in: .chinese) } == [
                "一般指导", "系统受损", "生产系统受损", "生产系统宕机", "业务关键型系统宕机",
            ]
        )
    }

    @Test("outside English the description is the name", arguments: SupportSeverity.allCases)
    func descriptionMatchesName(_ severity: SupportSeverity) {
        for language in [SupportLanguage.japanese, .korean, .chinese] {
            #expect(severity.description(in: language) == severity.name(in: language))
        }
    }
}
