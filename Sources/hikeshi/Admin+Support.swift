import App
import ArgumentParser
import Foundation
import HikeshiModel

extension HikeshiModel.Hikeshi.SupportPlanName: ExpressibleByArgument {}
extension HikeshiModel.Hikeshi.LanguageCode: ExpressibleByArgument {}

extension Admin {
    /// `hikeshi admin set-support-plan`: a customer account's plan, case language and time zone.
    struct SetSupportPlan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-support-plan",
            abstract: "Set a customer account's support plan (basic, developer, business, enterprise-on-ramp, enterprise)."
        )

        @Option(name: .customLong("account-id"), help: "The customer account.")
        var accountID: String

        @Option(help: "basic, developer, business, enterprise-on-ramp or enterprise.")
        var plan: HikeshiModel.Hikeshi.SupportPlanName

        @Option(help: "The account's case language: en, ja, ko or zh.")
        var language: HikeshiModel.Hikeshi.LanguageCode = .en

        @Option(name: .customLong("time-zone"), help: "The account's IANA time zone, e.g. Asia/Tokyo.")
        var timeZone = "UTC"

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let plan = try await AdminCommands.setSupportPlan(
                try await storage.configuration(), accountID: accountID, plan: plan, language: language, timeZone: timeZone)
            try printJSON([
                "AccountId": plan.accountId, "Plan": plan.plan.rawValue, "Language": plan.language.rawValue, "TimeZone": plan.timeZone,
            ])
        }
    }
}
