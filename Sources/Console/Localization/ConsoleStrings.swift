import HikeshiCore

/// Every word the console shows, in one language: one table per area, each a struct whose memberwise initializer makes
/// a missing translation a compile error. Templates read them as `{{t.area.key}}`.
struct ConsoleStrings: Sendable {
    /// The language of every table.
    let language: SupportLanguage
    /// The layout, sign-in, settings and errors.
    let common: CommonStrings
    /// Incident pages.
    let incidents: IncidentStrings
    /// On-call pages: who is on call, rotations and overrides, contacts, escalation plans, my shifts and pages.
    let oncall: OnCallStrings
    /// The customer's support pages: the case wizard and case pages.
    let support: SupportStrings
    /// The desk: the agents' queue and case pages, plans and calendars.
    let desk: DeskStrings
    /// Admin pages: users and access keys.
    let admin: AdminStrings

    /// The table for a language.
    static func table(for language: SupportLanguage) -> ConsoleStrings {
        switch language {
        case .english:
            ConsoleStrings(
                language: .english, common: .english, incidents: .english, oncall: .english, support: .english, desk: .english, admin: .english)
        case .japanese:
            ConsoleStrings(
                language: .japanese, common: .japanese, incidents: .japanese, oncall: .japanese, support: .japanese, desk: .japanese, admin: .japanese
            )
        case .korean:
            ConsoleStrings(
                language: .korean, common: .korean, incidents: .korean, oncall: .korean, support: .korean, desk: .korean, admin: .korean)
        case .chinese:
            ConsoleStrings(
                language: .chinese, common: .chinese, incidents: .chinese, oncall: .chinese, support: .chinese, desk: .chinese, admin: .chinese)
        }
    }

    /// Every table flattened for the renderer (`t.area.key`), built once per language.
    static let rendered: [SupportLanguage: [String: [String: String]]] = Dictionary(
        uniqueKeysWithValues: SupportLanguage.allCases.map { language in
            let tables = Mirror(reflecting: table(for: language)).children.compactMap { area -> (String, [String: String])? in
                guard let label = area.label, !(area.value is SupportLanguage) else { return nil }
                return (label, Reflection.values(of: area.value).compactMapValues { $0 as? String })
            }
            return (language, Dictionary(uniqueKeysWithValues: tables))
        })
}
