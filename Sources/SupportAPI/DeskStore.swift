import Foundation
import HikeshiCore
import Storage

/// Reads and writes the desk's settings documents: plan definitions (`plan:<plan>`), business calendars
/// (`calendar:<language>`) and the desk settings (`desk`); missing documents are the built-in defaults.
struct DeskStore: Sendable {
    let tx: any SupportTransaction

    init(_ tx: any SupportTransaction) {
        self.tx = tx
    }

    func definition(_ plan: SupportPlanKind) async throws -> SupportPlanDefinition {
        guard let text = try await tx.supportSettings.document(named: "plan:" + plan.rawValue) else {
            return .defaultDefinition(for: plan)
        }
        return try StoredJSON.decode(SupportPlanDefinition.self, from: text, what: "plan definition")
    }

    func putDefinition(_ definition: SupportPlanDefinition, at now: Date) async throws {
        try await tx.supportSettings.put(name: "plan:" + definition.plan.rawValue, document: StoredJSON.encode(definition), at: now)
    }

    func calendar(_ language: SupportLanguage) async throws -> BusinessCalendar {
        guard let text = try await tx.supportSettings.document(named: "calendar:" + language.rawValue) else {
            return BusinessCalendar.businessHours(language: language)
        }
        return try StoredJSON.decode(BusinessCalendar.self, from: text, what: "business calendar")
    }

    func putCalendar(_ calendar: BusinessCalendar, language: SupportLanguage, at now: Date) async throws {
        try await tx.supportSettings.put(name: "calendar:" + language.rawValue, document: StoredJSON.encode(calendar), at: now)
    }

    func settings() async throws -> DeskSettings {
        guard let text = try await tx.supportSettings.document(named: "desk") else { return DeskSettings() }
        return try StoredJSON.decode(DeskSettings.self, from: text, what: "desk settings")
    }

    func putSettings(_ settings: DeskSettings, at now: Date) async throws {
        try await tx.supportSettings.put(name: "desk", document: StoredJSON.encode(settings), at: now)
    }

    /// The account's plan, or Basic in English (UTC) when the provider has not set one.
    func plan(accountID: String) async throws -> AccountSupportPlan {
        try await tx.supportPlans.plan(accountID: accountID)
            ?? AccountSupportPlan(
                accountID: accountID, plan: .basic, language: .english, timeZone: "UTC", updatedAt: Date(timeIntervalSince1970: 0)
            )
    }

    /// The account's plan and its definition.
    func planDefinition(accountID: String) async throws -> (plan: AccountSupportPlan, definition: SupportPlanDefinition) {
        let plan = try await plan(accountID: accountID)
        return (plan, try await definition(plan.plan))
    }

    /// The calendar a case's first-response clock runs on, for case options and new cases alike: the language's
    /// business calendar on business-hours plans and for account and billing (non-technical) services, otherwise 24/7
    /// reported in the account's time zone.
    func clockCalendar(definition: SupportPlanDefinition, technical: Bool, language: SupportLanguage, timeZone: String) async throws
        -> BusinessCalendar
    {
        if definition.businessHoursOnly || !technical {
            return try await calendar(language)
        }
        return (try? BusinessCalendar.alwaysOpen(timeZoneIdentifier: timeZone)) ?? .alwaysOpen
    }
}
