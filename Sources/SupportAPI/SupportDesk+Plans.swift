import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Logging
import Storage

extension SupportDesk {
    /// Sets a customer account's plan, case language and time zone.
    public func putSupportPlan(_ input: Hikeshi.PutSupportPlanRequest, context: AWSRequestContext) async throws -> Hikeshi.PutSupportPlanResponse {
        let plan = try await setPlan(
            accountID: input.accountId, plan: input.plan, language: input.language, timeZone: input.timeZone, caller: context.accountID,
            logger: context.logger)
        context.logger.info("support plan set", metadata: ["support.account": .string(input.accountId), "support.plan": .string(plan.plan.rawValue)])
        return Hikeshi.PutSupportPlanResponse(supportPlan: plan)
    }

    /// Sets a customer account's plan; `caller` must be the provider's account (nil: an operator at the command line).
    public func setPlan(
        accountID: String,
        plan: Hikeshi.SupportPlanName,
        language: Hikeshi.LanguageCode,
        timeZone: String,
        caller: String? = nil,
        logger: Logger
    ) async throws -> Hikeshi.SupportPlan {
        guard TimeZone(identifier: timeZone) != nil else {
            throw SupportError.invalid("TimeZone", "\(timeZone) is not an IANA time zone, e.g. Asia/Tokyo")
        }
        let record = AccountSupportPlan(
            accountID: accountID, plan: SupportPlanKind(plan), language: SupportLanguage(language), timeZone: timeZone, updatedAt: clock.now())
        try await write(logger) { tx in
            if let caller {
                try await Self.requireProvider(accountID: caller, tx)
            }
            guard try await tx.accounts.account(accountID) != nil else {
                throw SupportError.notFound("Account \(accountID) was not found")
            }
            try await tx.supportPlans.put(record)
        }
        return Self.plan(record)
    }

    /// A plan: the caller's own, or (for the provider) any account's.
    public func getSupportPlan(_ input: Hikeshi.GetSupportPlanRequest, context: AWSRequestContext) async throws -> Hikeshi.GetSupportPlanResponse {
        let accountID = input.accountId ?? context.accountID
        let (record, definition) = try await read(context.logger) { tx in
            if accountID != context.accountID {
                try await Self.requireProvider(context, tx)
            }
            return try await DeskStore(tx).planDefinition(accountID: accountID)
        }
        return Hikeshi.GetSupportPlanResponse(supportPlan: Self.plan(record), definition: Self.definition(definition))
    }

    /// Every plan's definition (stored or default).
    public func listPlanDefinitions(_ input: Hikeshi.ListPlanDefinitionsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ListPlanDefinitionsResponse
    {
        let definitions = try await read(context.logger) { tx in
            var out: [SupportPlanDefinition] = []
            for plan in SupportPlanKind.allCases {
                out.append(try await DeskStore(tx).definition(plan))
            }
            return out
        }
        return Hikeshi.ListPlanDefinitionsResponse(planDefinitions: definitions.map(Self.definition))
    }

    /// Changes a plan's definition: business hours, technical cases, channels, first-response targets.
    public func updatePlanDefinition(_ input: Hikeshi.UpdatePlanDefinitionRequest, context: AWSRequestContext) async throws
        -> Hikeshi.UpdatePlanDefinitionResponse
    {
        var targets: [SupportSeverity: Int]?
        if let given = input.targets {
            var parsed: [SupportSeverity: Int] = [:]
            for target in given {
                guard let severity = SupportSeverity(rawValue: target.severityCode.rawValue) else { continue }
                guard parsed[severity] == nil else {
                    throw SupportError.invalid("Targets", "The severity \(severity.rawValue) appears twice")
                }
                parsed[severity] = target.firstResponseMinutes
            }
            guard !parsed.isEmpty else { throw SupportError.invalid("Targets", "A plan needs at least one severity") }
            targets = parsed
        }
        let newTargets = targets
        let channels = input.communicationTypes.map { $0.compactMap { CommunicationChannel(rawValue: $0.rawValue) } }
        let plan = SupportPlanKind(rawValue: input.plan.rawValue) ?? .basic
        let now = clock.now()
        let updated = try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            let store = DeskStore(tx)
            var definition = try await store.definition(plan)
            if let value = input.businessHoursOnly { definition.businessHoursOnly = value }
            if let value = input.technicalCases { definition.technicalCases = value }
            if let channels { definition.channels = channels }
            if let newTargets { definition.targets = newTargets }
            try await store.putDefinition(definition, at: now)
            return definition
        }
        return Hikeshi.UpdatePlanDefinitionResponse(planDefinition: Self.definition(updated))
    }

    /// Sets the desk's settings: whom a first-response breach pages.
    public func putSupportSettings(_ input: Hikeshi.PutSupportSettingsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.PutSupportSettingsResponse
    {
        let arn = input.breachEngagementArn.flatMap { $0.isEmpty ? nil : $0 }
        let now = clock.now()
        try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            if let arn {
                guard let parsed = ARN(arn), parsed.service == "ssm-contacts", parsed.account == context.accountID,
                    try await tx.contacts.contact(arn: arn, accountID: context.accountID) != nil
                else {
                    throw SupportError.invalid("BreachEngagementArn", "Give the ARN of a contact or escalation plan in the provider's account")
                }
            }
            try await DeskStore(tx).putSettings(DeskSettings(breachEngagementArn: arn), at: now)
        }
        return Hikeshi.PutSupportSettingsResponse(supportSettings: Hikeshi.SupportSettings(breachEngagementArn: arn))
    }

    /// The desk's settings.
    public func getSupportSettings(_ input: Hikeshi.GetSupportSettingsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.GetSupportSettingsResponse
    {
        let settings = try await read(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            return try await DeskStore(tx).settings()
        }
        return Hikeshi.GetSupportSettingsResponse(supportSettings: Hikeshi.SupportSettings(breachEngagementArn: settings.breachEngagementArn))
    }

    static func plan(_ record: AccountSupportPlan) -> Hikeshi.SupportPlan {
        Hikeshi.SupportPlan(
            accountId: record.accountID,
            plan: record.plan.wire,
            language: record.language.wire,
            timeZone: record.timeZone,
            updatedAt: record.updatedAt
        )
    }

    static func definition(_ definition: SupportPlanDefinition) -> Hikeshi.PlanDefinition {
        Hikeshi.PlanDefinition(
            plan: Hikeshi.SupportPlanName(rawValue: definition.plan.rawValue) ?? .basic,
            businessHoursOnly: definition.businessHoursOnly,
            technicalCases: definition.technicalCases,
            communicationTypes: definition.channels.compactMap { Hikeshi.CommunicationType(rawValue: $0.rawValue) },
            targets: definition.severities.compactMap { severity in
                guard let minutes = definition.target(for: severity), let code = Hikeshi.SeverityCode(rawValue: severity.rawValue) else {
                    return nil
                }
                return Hikeshi.ResponseTarget(severityCode: code, firstResponseMinutes: minutes)
            }
        )
    }
}
