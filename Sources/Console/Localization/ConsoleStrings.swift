import HikeshiCore

/// Every word the console shows, in one language: one table per area, each a struct whose memberwise initializer makes
/// a missing translation a compile error. Templates read them as `{{t.area.key}}`.
struct ConsoleStrings: Sendable {
    /// The layout, sign-in, settings and errors.
    let common: CommonStrings
    /// Incident pages.
    let incidents: IncidentStrings

    /// The table for a language.
    static func table(for language: SupportLanguage) -> ConsoleStrings {
        switch language {
        case .english: ConsoleStrings(common: .english, incidents: .english)
        case .japanese: ConsoleStrings(common: .japanese, incidents: .japanese)
        case .korean: ConsoleStrings(common: .korean, incidents: .korean)
        case .chinese: ConsoleStrings(common: .chinese, incidents: .chinese)
        }
    }
}
