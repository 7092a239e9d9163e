import Foundation
import HikeshiCore

/// A resolved incident with a timeline, engagements and related items, and analyses made of it.
enum AnalysisFixtures {
    static let account = "111111111111"
    static let region = "ap-northeast-1"
    static let alice = "arn:aws:iam::111111111111:user/alice"
    static let bob = "arn:aws:iam::111111111111:user/bob"
    /// 2030-03-17T17:46:40Z.
    static let start = Date(timeIntervalSince1970: 1_900_000_000)
    static let incidentArn = "arn:aws:ssm-incidents::111111111111:incident-record/db-outage/5d3c1f6e-0000-4000-8000-000000000001"
    static let planArn = "arn:aws:ssm-incidents::111111111111:response-plan/db-outage"

    static func incident(status: IncidentStatus = .resolved, title: String = "Database outage", summary: String? = "Primary DB unreachable")
        -> Incident
    {
        Incident(
            arn: incidentArn, accountID: account, region: region, responsePlanArn: planArn, title: title, summary: summary, status: status,
            impact: 2, dedupeString: "", source: IncidentSource(createdBy: alice, source: "aws.ssm-incidents.custom"), chatChannel: nil,
            notificationTopics: nil, createdAt: start, resolvedAt: status == .resolved ? start.addingTimeInterval(2 * 3600 + 5 * 60 + 7) : nil,
            lastModifiedBy: alice, lastModifiedAt: start, opsItemID: "oi-0123456789ab",
            pendingRunbooks: [RunbookAction(documentName: "DB-Failover", documentVersion: "2", roleArn: "arn:aws:iam::111111111111:role/ir")],
            acknowledgedAt: start.addingTimeInterval(240),
            automationExecutions: ["arn:aws:ssm:ap-northeast-1:111111111111:automation-execution/0f2a"])
    }

    static func event(_ id: String, minutes: Double, type: String = "Note", data: String = #"{"content":"failover started"}"#) -> TimelineEvent {
        TimelineEvent(
            eventID: id, incidentArn: incidentArn, accountID: account, eventTime: start.addingTimeInterval(minutes * 60), eventType: type,
            eventData: data, eventReferences: [], updatedAt: start)
    }

    static let timeline = [
        event("e3", minutes: 30, data: #"{"content":"replica promoted"}"#),
        event("e1", minutes: 0, type: "SSM Incident Trigger", data: #"{"source":"aws.ssm-incidents.custom"}"#),
        event("e2", minutes: 5),
    ]

    static let engagements = [
        Engagement(
            arn: "arn:aws:ssm-contacts:ap-northeast-1:111111111111:engagement/db-escalation/e-2", accountID: account, region: region,
            contactArn: "arn:aws:ssm-contacts:ap-northeast-1:111111111111:contact/db-escalation", sender: "Incident Manager", subject: "s",
            content: "c", startedAt: start.addingTimeInterval(60), stoppedAt: start.addingTimeInterval(7200)),
        Engagement(
            arn: "arn:aws:ssm-contacts:ap-northeast-1:111111111111:engagement/lead/e-1", accountID: account, region: region,
            contactArn: "arn:aws:ssm-contacts:ap-northeast-1:111111111111:contact/lead", sender: "Incident Manager", subject: "s", content: "c",
            startedAt: start.addingTimeInterval(30)),
    ]

    static let relatedItems = [
        RelatedItem(id: "r1", kind: .parent, value: .arn("arn:aws:ssm:ap-northeast-1:111111111111:opsitem/oi-0123456789ab"), title: "Parent OpsItem"),
        RelatedItem(
            id: "r2", kind: .automation, value: .arn("arn:aws:ssm:ap-northeast-1:111111111111:automation-execution/0f2a"), title: "Failover"),
        RelatedItem(id: "r3", kind: .other, value: .url("https://wiki.example.com/db"), title: nil),
        RelatedItem(id: "r4", kind: .automation, value: .arn("arn:aws:ssm:ap-northeast-1:111111111111:automation-execution/gone"), title: nil),
    ]

    /// The execution the `r2` related item names: `DB-Diagnose`, its pause done, its script failed.
    static var execution: AutomationExecution {
        let definition = RunbookDefinition(steps: [
            RunbookStep(name: "Triage", action: .pause), RunbookStep(name: "Collect", action: .executeScript),
            RunbookStep(name: "Report", action: .invokeWebhook),
        ])
        var execution = AutomationExecution(
            id: "0f2a", accountID: account, region: region, documentName: "DB-Diagnose", documentVersion: "3", mode: .auto, executedBy: alice,
            callerKey: "AKIA", parameters: [:], definition: definition, startedAt: start.addingTimeInterval(10))
        execution.status = .failed
        execution.endedAt = start.addingTimeInterval(600)
        execution.failureMessage = "Step Collect failed"
        execution.steps[0].status = .success
        execution.steps[0].startedAt = start.addingTimeInterval(10)
        execution.steps[0].endedAt = start.addingTimeInterval(300)
        execution.steps[1].status = .failed
        execution.steps[1].startedAt = start.addingTimeInterval(300)
        execution.steps[1].endedAt = start.addingTimeInterval(600)
        execution.steps[1].failureMessage = "Traceback: KeyError 'db'"
        return execution
    }

    static func template(_ language: DocumentLanguage = .english) throws(AnalysisRuleError) -> AnalysisTemplate {
        let name = BuiltInDocument.postIncidentAnalysisTemplateName + (language == .english ? "" : "-\(language.rawValue)")
        guard let document = BuiltInDocument.named(name) else { throw AnalysisRuleError("no built-in \(name)") }
        return try AnalysisTemplate.read(json: document.content, fallbackLanguage: .english)
    }

    static func analysis(_ language: DocumentLanguage = .english, incident: Incident = incident()) throws(AnalysisRuleError) -> PostIncidentAnalysis {
        try PostIncidentAnalysis.create(
            name: "Analysis-db", accountID: account, region: region, incident: incident, template: try template(language),
            templateReference: AnalysisTemplateReference(name: BuiltInDocument.postIncidentAnalysisTemplateName, owner: .builtIn, version: 1),
            timeline: timeline, engagements: engagements, relatedItems: relatedItems, executions: [execution], by: alice,
            at: start.addingTimeInterval(86_400))
    }
}
