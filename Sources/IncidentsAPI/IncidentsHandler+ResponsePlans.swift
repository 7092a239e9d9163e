import AWSProtocol
import Foundation
import HikeshiCore
import SSMIncidentsModel
import Storage

extension IncidentsHandler {
    /// Creates a response plan.
    public func createResponsePlan(_ input: SSMIncidents.CreateResponsePlanInput, context: AWSRequestContext) async throws
        -> SSMIncidents.CreateResponsePlanOutput
    {
        let account = context.accountID
        let plan = Self.newPlan(input, account: account, region: context.region)
        let arn = plan.arn
        let now = clock.now()
        try await write(context.logger) { tx in
            if let existing = try await tx.responsePlans.plan(arn: arn, accountID: account) {
                // A retried call with the same token and the same plan succeeds; anything else conflicts.
                var retried = plan
                retried.region = existing.region
                if input.clientToken != nil, existing == retried {
                    return
                }
                throw IncidentsError.conflict(arn, type: "RESPONSE_PLAN", "A response plan named \(input.name) exists already")
            }
            try await Self.checkEngagements(plan.engagements, account: account, field: "engagements", tx: tx)
            try await tx.responsePlans.insert(plan, at: now)
            try await tx.tags.set(input.tags ?? [:], on: arn, accountID: account)
        }
        context.logger.info("response plan created", metadata: ["response_plan.arn": .string(arn)])
        return SSMIncidents.CreateResponsePlanOutput(arn: arn)
    }

    /// Returns a response plan.
    public func getResponsePlan(_ input: SSMIncidents.GetResponsePlanInput, context: AWSRequestContext) async throws
        -> SSMIncidents.GetResponsePlanOutput
    {
        try await read(context.logger) { tx in try await self.plan(input.arn, action: "GetResponsePlan", context: context, tx: tx) }.wire
    }

    /// Lists the caller's response plans by name.
    public func listResponsePlans(_ input: SSMIncidents.ListResponsePlansInput, context: AWSRequestContext) async throws
        -> SSMIncidents.ListResponsePlansOutput
    {
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListResponsePlans", field: "nextToken")
        let account = context.accountID
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in try await tx.responsePlans.list(accountID: account, after: cursor, limit: limit) }
        return SSMIncidents.ListResponsePlansOutput(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListResponsePlans") },
            responsePlanSummaries: page.items.map { plan in
                SSMIncidents.ResponsePlanSummary(arn: plan.arn, displayName: plan.displayName, name: plan.name)
            }
        )
    }

    /// Changes a response plan; the template's fields come flattened, as in the API.
    public func updateResponsePlan(_ input: SSMIncidents.UpdateResponsePlanInput, context: AWSRequestContext) async throws
        -> SSMIncidents.UpdateResponsePlanOutput
    {
        let account = context.accountID
        let now = clock.now()
        try await write(context.logger) { tx in
            let plans = tx.responsePlans
            guard var plan = try await plans.plan(arn: input.arn, accountID: account) else {
                throw IncidentsError.notFound(input.arn, type: "RESPONSE_PLAN")
            }
            if let actions = input.actions { plan.runbooks = actions.map(RunbookAction.init) }
            if let chatChannel = input.chatChannel { plan.chatChannel = IncidentChatChannel(chatChannel) }
            if let displayName = input.displayName { plan.displayName = displayName }
            if let engagements = input.engagements {
                try await Self.checkEngagements(engagements, account: account, field: "engagements", tx: tx)
                plan.engagements = engagements
            }
            if let integrations = input.integrations { plan.pagerDutyIntegrations = integrations.map(PagerDutyIntegration.init) }
            if let title = input.incidentTemplateTitle { plan.template.title = title }
            if let impact = input.incidentTemplateImpact { plan.template.impact = impact }
            if let summary = input.incidentTemplateSummary { plan.template.summary = summary }
            if let dedupe = input.incidentTemplateDedupeString { plan.template.dedupeString = dedupe }
            if let targets = input.incidentTemplateNotificationTargets { plan.template.notificationTopics = NotificationTopics.domain(targets) }
            if let tags = input.incidentTemplateTags { plan.template.incidentTags = tags }
            try await plans.update(plan, at: now)
        }
        return SSMIncidents.UpdateResponsePlanOutput()
    }

    /// Deletes a response plan with its tags and policies; incidents it started remain.
    public func deleteResponsePlan(_ input: SSMIncidents.DeleteResponsePlanInput, context: AWSRequestContext) async throws
        -> SSMIncidents.DeleteResponsePlanOutput
    {
        let account = context.accountID
        try await write(context.logger) { tx in
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
        -> ResponsePlan
    {
        guard let record = try await tx.responsePlans.plan(arn: arn, accountID: nil) else {
            throw IncidentsError.notFound(arn, type: "RESPONSE_PLAN")
        }
        if record.accountID != context.accountID {
            try await Self.requireShared(planArn: record.arn, action: action, resource: arn, context: context, tx: tx)
        }
        return record
    }

    /// The ARN of the account's response plan named `name`.
    static func planArn(account: String, name: String) -> String {
        arn(account: account, "response-plan/\(name)")
    }

    /// The plan a `CreateResponsePlan` input describes, in the account and region (tags are not part of it).
    static func newPlan(_ input: SSMIncidents.CreateResponsePlanInput, account: String, region: String) -> ResponsePlan {
        ResponsePlan(
            arn: planArn(account: account, name: input.name),
            accountID: account,
            region: region,
            name: input.name,
            displayName: input.displayName,
            template: IncidentTemplate(input.incidentTemplate),
            chatChannel: input.chatChannel.map(IncidentChatChannel.init),
            engagements: input.engagements,
            runbooks: input.actions?.map(RunbookAction.init),
            pagerDutyIntegrations: input.integrations?.map(PagerDutyIntegration.init)
        )
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
