import AWSProtocol
import Foundation
import HikeshiCore
import SSMIncidentsModel
import Storage

/// A response plan as stored: the fields `GetResponsePlan` returns.
typealias StoredPlan = SSMIncidents.GetResponsePlanOutput

extension IncidentsHandler {
    /// Creates a response plan.
    public func createResponsePlan(_ input: SSMIncidents.CreateResponsePlanInput, context: AWSRequestContext) async throws
        -> SSMIncidents.CreateResponsePlanOutput
    {
        let account = context.accountID
        let arn = Self.arn(account: account, "response-plan/\(input.name)")
        let now = clock.now()
        let plan = StoredPlan(
            actions: input.actions,
            arn: arn,
            chatChannel: input.chatChannel,
            displayName: input.displayName,
            engagements: input.engagements,
            incidentTemplate: input.incidentTemplate,
            integrations: input.integrations,
            name: input.name
        )
        try await write { tx in
            if let existing = try await tx.responsePlans.plan(arn: arn, accountID: account) {
                // A retried call with the same token and the same plan succeeds; anything else conflicts.
                if input.clientToken != nil, try StoredJSON.decode(StoredPlan.self, from: existing.document, what: "response plan") == plan {
                    return
                }
                throw IncidentsError.conflict(arn, type: "RESPONSE_PLAN", "A response plan named \(input.name) exists already")
            }
            try await Self.checkEngagements(plan.engagements, account: account, field: "engagements", tx: tx)
            try await tx.responsePlans.insert(
                ResponsePlanRecord(
                    arn: arn,
                    accountID: account,
                    region: context.region,
                    name: input.name,
                    document: try StoredJSON.encode(plan),
                    createdAt: now,
                    updatedAt: now
                )
            )
            try await tx.tags.set(input.tags ?? [:], on: arn, accountID: account)
        }
        context.logger.info("response plan created", metadata: ["response_plan.arn": .string(arn)])
        return SSMIncidents.CreateResponsePlanOutput(arn: arn)
    }

    /// Returns a response plan.
    public func getResponsePlan(_ input: SSMIncidents.GetResponsePlanInput, context: AWSRequestContext) async throws
        -> SSMIncidents.GetResponsePlanOutput
    {
        let (_, plan) = try await read { tx in try await self.plan(input.arn, action: "GetResponsePlan", context: context, tx: tx) }
        return plan
    }

    /// Lists the caller's response plans by name.
    public func listResponsePlans(_ input: SSMIncidents.ListResponsePlansInput, context: AWSRequestContext) async throws
        -> SSMIncidents.ListResponsePlansOutput
    {
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListResponsePlans", field: "nextToken")
        let account = context.accountID
        let limit = Self.pageSize(input.maxResults)
        let page = try await read { tx in try await tx.responsePlans.list(accountID: account, after: cursor, limit: limit) }
        return SSMIncidents.ListResponsePlansOutput(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListResponsePlans") },
            responsePlanSummaries: try page.items.map { record in
                let plan = try StoredJSON.decode(StoredPlan.self, from: record.document, what: "response plan")
                return SSMIncidents.ResponsePlanSummary(arn: record.arn, displayName: plan.displayName, name: record.name)
            }
        )
    }

    /// Changes a response plan; the template's fields come flattened, as in the API.
    public func updateResponsePlan(_ input: SSMIncidents.UpdateResponsePlanInput, context: AWSRequestContext) async throws
        -> SSMIncidents.UpdateResponsePlanOutput
    {
        let account = context.accountID
        let now = clock.now()
        try await write { tx in
            let plans = tx.responsePlans
            guard var record = try await plans.plan(arn: input.arn, accountID: account) else {
                throw IncidentsError.notFound(input.arn, type: "RESPONSE_PLAN")
            }
            var plan = try StoredJSON.decode(StoredPlan.self, from: record.document, what: "response plan")
            if let actions = input.actions { plan.actions = actions }
            if let chatChannel = input.chatChannel { plan.chatChannel = chatChannel }
            if let displayName = input.displayName { plan.displayName = displayName }
            if let engagements = input.engagements {
                try await Self.checkEngagements(engagements, account: account, field: "engagements", tx: tx)
                plan.engagements = engagements
            }
            if let integrations = input.integrations { plan.integrations = integrations }
            if let title = input.incidentTemplateTitle { plan.incidentTemplate.title = title }
            if let impact = input.incidentTemplateImpact { plan.incidentTemplate.impact = impact }
            if let summary = input.incidentTemplateSummary { plan.incidentTemplate.summary = summary }
            if let dedupe = input.incidentTemplateDedupeString { plan.incidentTemplate.dedupeString = dedupe }
            if let targets = input.incidentTemplateNotificationTargets { plan.incidentTemplate.notificationTargets = targets }
            if let tags = input.incidentTemplateTags { plan.incidentTemplate.incidentTags = tags }
            record.document = try StoredJSON.encode(plan)
            record.updatedAt = now
            try await plans.update(record)
        }
        return SSMIncidents.UpdateResponsePlanOutput()
    }

    /// Deletes a response plan with its tags and policies; incidents it started remain.
    public func deleteResponsePlan(_ input: SSMIncidents.DeleteResponsePlanInput, context: AWSRequestContext) async throws
        -> SSMIncidents.DeleteResponsePlanOutput
    {
        let account = context.accountID
        try await write { tx in
            guard try await tx.responsePlans.plan(arn: input.arn, accountID: account) != nil else {
                // Deleting what is not there succeeds, as in Incident Manager.
                return
            }
            try await tx.responsePlans.delete(arn: input.arn, accountID: account)
            try await tx.tags.removeAll(from: input.arn, accountID: account)
            try await tx.resourcePolicies.deleteAll(resourceArn: input.arn)
        }
        return SSMIncidents.DeleteResponsePlanOutput()
    }

    /// Loads a plan the caller may use for `action`: its own, or another account's that a policy shares with it.
    func plan(_ arn: String, action: String, context: AWSRequestContext, tx: any IncidentsTransaction) async throws
        -> (ResponsePlanRecord, StoredPlan)
    {
        guard let record = try await tx.responsePlans.plan(arn: arn, accountID: nil) else {
            throw IncidentsError.notFound(arn, type: "RESPONSE_PLAN")
        }
        if record.accountID != context.accountID {
            try await Self.requireShared(planArn: record.arn, action: action, resource: arn, context: context, tx: tx)
        }
        return (record, try StoredJSON.decode(StoredPlan.self, from: record.document, what: "response plan"))
    }

    /// Engagement targets must be contacts of the plan's account.
    static func checkEngagements(_ engagements: [String]?, account: String, field: String, tx: any IncidentsTransaction) async throws {
        for contact in engagements ?? [] {
            guard try await tx.contacts.contact(arn: contact, accountID: account) != nil else {
                throw IncidentsError.invalid(field, "Contact \(contact) does not exist in this account")
            }
        }
    }
}
