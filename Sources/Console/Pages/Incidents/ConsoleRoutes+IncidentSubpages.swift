import AWSProtocol
import Foundation
import HikeshiCore
import Hummingbird
import SSMContactsModel
import SSMIncidentsModel
import SSMModel

extension ConsoleRoutes {
    /// The runbook, engagements, related-items and properties sub-pages of an incident.
    func registerIncidentSubpages<Context: RequestContext>(on router: Router<Context>) {
        let roles = Self.incidentRoles
        router.get("/console/incidents/:plan/:id/runbook") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.runbook(call, arn: self.incidentArn(context, call), errors: []) }
        }
        router.post("/console/incidents/:plan/:id/runbook/signal") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.signal(call, arn: self.incidentArn(context, call)) }
        }
        router.get("/console/incidents/:plan/:id/engagements") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.engagements(call, arn: self.incidentArn(context, call)) }
        }
        router.get("/console/incidents/:plan/:id/related") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.related(call, arn: self.incidentArn(context, call), errors: []) }
        }
        router.post("/console/incidents/:plan/:id/related") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.changeRelated(call, arn: self.incidentArn(context, call)) }
        }
        router.get("/console/incidents/:plan/:id/properties") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.properties(call, arn: self.incidentArn(context, call)) }
        }
        registerIncidentAnalysis(on: router)
    }

    func record(_ call: ConsoleCall, _ arn: String) async throws -> SSMIncidents.IncidentRecord {
        try await services.incidents.getIncidentRecord(SSMIncidents.GetIncidentRecordInput(arn: arn).validated(), context: call.aws).incidentRecord
    }

    // MARK: Runbook

    func runStatus(_ status: SSM.AutomationExecutionStatus?, _ t: IncidentStrings) -> String {
        switch status?.rawValue {
        case "Pending": t.runPending
        case "InProgress": t.runInProgress
        case "Waiting": t.runWaiting
        case "Success": t.runSuccess
        case "Failed": t.runFailed
        case "Cancelled": t.runCancelled
        case "TimedOut": t.runTimedOut
        default: status?.rawValue ?? t.runPending
        }
    }

    func runbook(_ call: ConsoleCall, arn: String, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.incidents
        let record = try await record(call, arn)
        var executions: [RunbookExecutionView] = []
        for case .ssmExecutionArn(let executionArn) in record.automationExecutions ?? [] {
            let id = String(executionArn.split(separator: "/").last ?? "")
            let execution = try await services.automation.getAutomationExecution(
                SSM.GetAutomationExecutionRequest(automationExecutionId: id).validated(), context: call.aws
            ).automationExecution
            guard let execution else { continue }
            let current = execution.currentStepName ?? ""
            let steps = (execution.stepExecutions ?? []).map { step in
                RunbookStepView(
                    name: step.stepName ?? "", action: step.action ?? "", statusLabel: runStatus(step.stepStatus, t),
                    statusRaw: step.stepStatus?.rawValue ?? "", current: step.stepName == current && !current.isEmpty)
            }
            let waiting = execution.stepExecutions?.first { $0.stepName == current }
            // A pause or approval keeps its step in progress while the execution waits for the signal.
            let isWaiting = execution.automationExecutionStatus?.rawValue == "Waiting" && waiting != nil
            let description = try await stepDescription(call, document: execution.documentName, version: execution.documentVersion, step: current)
            executions.append(
                RunbookExecutionView(
                    id: id, documentName: execution.documentName ?? "", documentVersion: execution.documentVersion ?? "",
                    statusLabel: runStatus(execution.automationExecutionStatus, t), statusRaw: execution.automationExecutionStatus?.rawValue ?? "",
                    started: execution.executionStartTime.map(call.timeView), steps: steps, currentStep: current, description: description,
                    canResume: isWaiting && waiting?.action == "aws:pause" && call.allows([.responder]),
                    canDecide: isWaiting && waiting?.action == "aws:approve" && call.allows([.responder]), failure: execution.failureMessage))
        }
        let base = Self.incidentPath(record.arn)
        let model = IncidentRunbookModel(
            base: base, arn: record.arn, title: record.title, tabs: incidentTabs(call, base: base, current: "/runbook"),
            canResolve: call.allows([.responder]) && record.status == .open, executions: executions, errors: errors)
        return .page(template: "incident-runbook", title: "\(record.title) · \(t.runbook)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    /// The Markdown `description` of a step in the document version the execution runs (empty when there is none).
    func stepDescription(_ call: ConsoleCall, document: String?, version: String?, step: String) async throws -> [MarkdownBlock] {
        guard let document, !step.isEmpty else { return [] }
        let output = try? await services.documents.getDocument(
            SSM.GetDocumentRequest(name: document, documentVersion: version, documentFormat: .json).validated(), context: call.aws)
        guard let content = output?.content,
            let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any],
            let steps = object["mainSteps"] as? [[String: Any]],
            let text = steps.first(where: { $0["name"] as? String == step })?["description"] as? String
        else { return [] }
        return MarkdownBlock.parse(text)
    }

    func signal(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
        let record = try await record(call, arn)
        let execution = call.form.text("execution") ?? ""
        // Only executions of this incident may be signalled from its page.
        let known = (record.automationExecutions ?? []).contains { item in
            if case .ssmExecutionArn(let executionArn) = item { return executionArn.hasSuffix("/" + execution) }
            return false
        }
        guard known, let signal = call.form.text("signal").flatMap(SSM.SignalType.init(rawValue:)), [.resume, .approve, .reject].contains(signal)
        else { throw ConsoleError(.notFound) }
        let payload = call.form.text("comment").map { ["Comment": [$0]] }
        do {
            _ = try await services.automation.sendAutomationSignal(
                try SSM.SendAutomationSignalRequest(automationExecutionId: execution, signalType: signal, payload: payload).validated(),
                context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await runbook(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.incidentPath(arn) + "/runbook?notice=incidents.signalSent")
    }

    // MARK: Engagements

    func engagements(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        let t = call.strings.incidents
        let record = try await record(call, arn)
        var views: [EngagementView] = []
        for event in try await events(call, arn: arn, types: ["SSM Contacts Engagement"], newestFirst: false, limit: 100).events {
            let data = (try? JSONSerialization.jsonObject(with: Data(event.eventData.utf8)) as? [String: String]) ?? [:]
            let engagementArn = data["engagementArn"] ?? ""
            var pages: [PageView] = []
            if !engagementArn.isEmpty {
                let listed = try? await services.contacts.listPagesByEngagement(
                    SSMContacts.ListPagesByEngagementRequest(engagementId: engagementArn, maxResults: 100).validated(), context: call.aws)
                pages = (listed?.pages ?? []).map { page in
                    PageView(
                        contact: Self.shortName(page.contactArn), sent: page.sentTime.map(call.timeView),
                        delivered: page.deliveryTime.map(call.timeView),
                        read: page.readTime.map(call.timeView), acknowledged: page.readTime != nil)
                }
            }
            views.append(
                EngagementView(
                    contact: Self.shortName(data["contactArn"] ?? ""), engagementArn: engagementArn, status: data["status"] ?? "",
                    time: call.timeView(event.eventTime), pages: pages))
        }
        let base = Self.incidentPath(record.arn)
        let model = IncidentEngagementsModel(
            base: base, arn: record.arn, title: record.title, tabs: incidentTabs(call, base: base, current: "/engagements"),
            canResolve: call.allows([.responder]) && record.status == .open, engagements: views)
        return .page(template: "incident-engagements", title: "\(record.title) · \(t.engagements)", model: model)
    }

    /// The last part of an ARN (`contact/alice` → `alice`).
    static func shortName(_ arn: String) -> String {
        String(arn.split(separator: "/").last ?? Substring(arn))
    }

    // MARK: Related items

    func related(_ call: ConsoleCall, arn: String, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.incidents
        let record = try await record(call, arn)
        let output = try await services.incidents.listRelatedItems(
            SSMIncidents.ListRelatedItemsInput(incidentRecordArn: arn, maxResults: 100).validated(), context: call.aws)
        let items = output.relatedItems.map { item -> RelatedItemView in
            let value: String
            var href: String?
            switch item.identifier.value {
            case .arn(let arn): value = arn
            case .url(let url):
                value = url
                if let scheme = URL(string: url)?.scheme?.lowercased(), scheme == "https" || scheme == "http" { href = url }
            case .metricDefinition(let definition): value = definition
            case .pagerDutyIncidentDetail(let detail): value = detail.id
            }
            return RelatedItemView(
                title: item.title ?? value, type: item.identifier.type.rawValue, value: value, href: href,
                removable: call.allows([.responder]) && item.identifier.type != .parent, id: value)
        }
        let base = Self.incidentPath(record.arn)
        let model = IncidentRelatedModel(
            base: base, arn: record.arn, title: record.title, tabs: incidentTabs(call, base: base, current: "/related"),
            canResolve: call.allows([.responder]) && record.status == .open, canWrite: call.allows([.responder]), items: items, errors: errors)
        return .page(template: "incident-related", title: "\(record.title) · \(t.related)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    func changeRelated(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
        let update: SSMIncidents.RelatedItemsUpdate
        if let removing = call.form.text("remove"), let type = call.form.text("type").flatMap(SSMIncidents.ItemType.init(rawValue:)) {
            let value: SSMIncidents.ItemValue = removing.hasPrefix("arn:") ? .arn(removing) : .url(removing)
            update = .itemToRemove(SSMIncidents.ItemIdentifier(type: type, value: value))
        } else {
            let url = call.form.text("url") ?? ""
            update = .itemToAdd(
                SSMIncidents.RelatedItem(identifier: SSMIncidents.ItemIdentifier(type: .other, value: .url(url)), title: call.form.text("title")))
        }
        do {
            _ = try await services.incidents.updateRelatedItems(
                try SSMIncidents.UpdateRelatedItemsInput(incidentRecordArn: arn, relatedItemsUpdate: update).validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await related(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.incidentPath(arn) + "/related?notice=incidents.relatedAdded")
    }

    // MARK: Properties

    func properties(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        let t = call.strings.incidents
        let record = try await record(call, arn)
        let tags = try await services.incidents.listTagsForResource(
            SSMIncidents.ListTagsForResourceRequest(resourceArn: arn).validated(), context: call.aws
        )
        .tags
        let targets = (record.notificationTargets ?? []).compactMap { target -> String? in
            if case .snsTopicArn(let topic) = target { return topic }
            return nil
        }
        let rows = [
            PropertyRow(label: t.arn, value: record.arn), PropertyRow(label: t.status, value: record.status.rawValue),
            PropertyRow(label: t.impact, value: Self.impactLabel(record.impact, t)),
            PropertyRow(label: t.source, value: record.incidentRecordSource.source),
            PropertyRow(label: t.createdBy, value: record.incidentRecordSource.createdBy),
            PropertyRow(label: t.invokedBy, value: record.incidentRecordSource.invokedBy ?? t.none),
            PropertyRow(label: t.resource, value: record.incidentRecordSource.resourceArn ?? t.none),
            PropertyRow(label: t.dedupe, value: record.dedupeString),
            PropertyRow(label: t.notificationTargets, value: targets.isEmpty ? t.none : targets.joined(separator: ", ")),
            PropertyRow(label: t.tags, value: tags.isEmpty ? t.none : tags.keys.sorted().map { "\($0)=\(tags[$0] ?? "")" }.joined(separator: ", ")),
            PropertyRow(label: t.lastModifiedBy, value: record.lastModifiedBy),
        ]
        let base = Self.incidentPath(record.arn)
        let model = IncidentPropertiesModel(
            base: base, arn: record.arn, title: record.title, tabs: incidentTabs(call, base: base, current: "/properties"),
            canResolve: call.allows([.responder]) && record.status == .open, rows: rows)
        return .page(template: "incident-properties", title: "\(record.title) · \(t.properties)", model: model)
    }
}
