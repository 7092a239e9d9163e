import Foundation

/// The content of an analysis's `ProblemAnalysis` document: what `ssm get-document` shows, and what Hikeshi reads back.
///
/// JSON, keys sorted, times as ISO 8601 UTC with milliseconds:
/// `{"schemaVersion": "1.0", "description": "…", "language": "en", "template": {"name", "owner", "version"},
/// "incident": {"arn", "title", "summary", "impact", "responsePlanArn", "createdAt", "acknowledgedAt", "resolvedAt",
/// "durationSeconds", "opsItemId"}, "timeline": [{"eventId", "eventTime", "eventType", "eventData"}],
/// "engagements": [{"engagementArn", "contactArn", "sender", "startedAt", "stoppedAt"}],
/// "runbooks": [{"documentName", "documentVersion", "executionArn", "status", "startedAt", "endedAt", "failureMessage",
/// "steps": [{"name", "action", "status", "startedAt", "endedAt", "failureMessage"}]}], "relatedItems": [{"type", "title",
/// "value"}],
/// "sections": [{"id", "title", "questions": [{"id", "text", "answer": {"text", "answeredBy", "answeredAt"}}]}],
/// "actionItems": [{"opsItemId", "opsItemArn", "title", "description", "priority", "questionId", "createdBy",
/// "createdAt"}], "createdBy", "createdAt", "lastModifiedAt"}`.
extension PostIncidentAnalysis {
    /// The `schemaVersion` of analysis documents.
    public static let schemaVersion = "1.0"
    /// The largest content of an analysis document, in UTF-8 bytes. Larger than the 64 KB of documents written through
    /// `ssm CreateDocument`: an analysis carries the incident's timeline as well as its answers.
    public static let maximumContentBytes = 512 * 1024

    /// The document's content; refused when it would be larger than ``maximumContentBytes``.
    public func content() throws(AnalysisRuleError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(AnalysisTime.text(date))
        }
        let data: Data
        do {
            data = try encoder.encode(AnalysisContent(self))
        } catch {
            throw AnalysisRuleError("The analysis could not be written as JSON")
        }
        guard data.count <= Self.maximumContentBytes else {
            throw AnalysisRuleError("The analysis would be larger than \(Self.maximumContentBytes / 1024) KB; shorten the answers")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The outline DescribeDocument shows: the schema version and the description, no parameters or steps.
    public var outline: DocumentOutline {
        DocumentOutline(schemaVersion: Self.schemaVersion, description: summaryLine, parameters: [], steps: [])
    }

    /// One line naming the analysis, in its language (the content's `description`).
    public var summaryLine: String {
        AnalysisText.of(language).documentDescription(incident.title)
    }

    /// Reads the content of an analysis document of `accountID` in `region`. Content Hikeshi did not write (or that
    /// was changed into something else) is refused with what is missing.
    public static func read(content: String, name: String, accountID: String, region: String) throws(AnalysisRuleError)
        -> PostIncidentAnalysis
    {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = AnalysisTime.date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not an ISO 8601 time")
            }
            return date
        }
        guard DocumentValue.nestingDepth(of: content) <= DocumentValue.jsonDepthLimit else {
            throw AnalysisRuleError("the content nests too deeply")
        }
        let stored: AnalysisContent
        do {
            stored = try decoder.decode(AnalysisContent.self, from: Data(content.utf8))
        } catch let error as DecodingError {
            throw AnalysisRuleError("the content is not an analysis Hikeshi can read (\(Self.describe(error)))")
        } catch {
            throw AnalysisRuleError("the content is not an analysis Hikeshi can read")
        }
        return try stored.analysis(name: name, accountID: accountID, region: region)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            var text = ""
            for key in context.codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "\(at.isEmpty ? "" : at + ".")\(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let at = path(context)
            return at.isEmpty ? "not JSON" : "\(at) is not what an analysis holds there"
        @unknown default:
            return "unreadable"
        }
    }
}

/// The JSON form of an analysis document (see ``PostIncidentAnalysis``'s content).
private struct AnalysisContent: Codable {
    struct Template: Codable {
        var name: String
        var owner: String
        var version: Int
    }

    struct Incident: Codable {
        var arn: String
        var title: String
        var summary: String?
        var impact: Int
        var responsePlanArn: String
        var createdAt: Date
        var acknowledgedAt: Date?
        var resolvedAt: Date
        var durationSeconds: Int64
        var opsItemId: String?
    }

    struct Event: Codable {
        var eventId: String
        var eventTime: Date
        var eventType: String
        var eventData: String
    }

    struct Engagement: Codable {
        var engagementArn: String
        var contactArn: String
        var sender: String
        var startedAt: Date
        var stoppedAt: Date?
    }

    struct Runbook: Codable {
        var documentName: String?
        var documentVersion: String?
        var executionArn: String?
        var status: AutomationStatus?
        var startedAt: Date?
        var endedAt: Date?
        var failureMessage: String?
        var steps: [Step]?
    }

    struct Step: Codable {
        var name: String
        var action: RunbookStepAction
        var status: AutomationStatus
        var startedAt: Date?
        var endedAt: Date?
        var failureMessage: String?
    }

    struct Related: Codable {
        var type: String
        var title: String?
        var value: String
    }

    struct Answer: Codable {
        var text: String
        var answeredBy: String
        var answeredAt: Date
    }

    struct Question: Codable {
        var id: String
        var text: String
        var answer: Answer?
    }

    struct Section: Codable {
        var id: String
        var title: String
        var questions: [Question]
    }

    struct ActionItem: Codable {
        var opsItemId: String
        var opsItemArn: String
        var title: String
        var description: String
        var priority: Int?
        var questionId: String?
        var createdBy: String
        var createdAt: Date
    }

    var schemaVersion: String
    var description: String
    var language: String
    var template: Template
    var incident: Incident
    var timeline: [Event]
    var engagements: [Engagement]
    var runbooks: [Runbook]
    var relatedItems: [Related]
    var sections: [Section]
    var actionItems: [ActionItem]
    var createdBy: String
    var createdAt: Date
    var lastModifiedAt: Date

    init(_ analysis: PostIncidentAnalysis) {
        let facts = analysis.incident
        schemaVersion = PostIncidentAnalysis.schemaVersion
        description = analysis.summaryLine
        language = analysis.language.rawValue
        template = Template(name: analysis.template.name, owner: analysis.template.owner.wire, version: analysis.template.version)
        incident = Incident(
            arn: facts.arn, title: facts.title, summary: facts.summary, impact: facts.impact, responsePlanArn: facts.responsePlanArn,
            createdAt: facts.createdAt, acknowledgedAt: facts.acknowledgedAt, resolvedAt: facts.resolvedAt, durationSeconds: facts.durationSeconds,
            opsItemId: facts.opsItemID)
        timeline = analysis.timeline.map { Event(eventId: $0.eventID, eventTime: $0.time, eventType: $0.type, eventData: $0.data) }
        engagements = analysis.engagements.map {
            Engagement(engagementArn: $0.arn, contactArn: $0.contactArn, sender: $0.sender, startedAt: $0.startedAt, stoppedAt: $0.stoppedAt)
        }
        runbooks = analysis.runbooks.map { runbook in
            Runbook(
                documentName: runbook.documentName, documentVersion: runbook.documentVersion, executionArn: runbook.executionArn,
                status: runbook.status, startedAt: runbook.startedAt, endedAt: runbook.endedAt, failureMessage: runbook.failureMessage,
                steps: runbook.steps.isEmpty
                    ? nil
                    : runbook.steps.map {
                        Step(
                            name: $0.name, action: $0.action, status: $0.status, startedAt: $0.startedAt, endedAt: $0.endedAt,
                            failureMessage: $0.failureMessage)
                    })
        }
        relatedItems = analysis.relatedItems.map { Related(type: $0.kind.rawValue, title: $0.title, value: $0.value) }
        sections = analysis.sections.map { section in
            Section(
                id: section.id, title: section.title,
                questions: section.questions.map { question in
                    Question(
                        id: question.id, text: question.text,
                        answer: question.answer.map { Answer(text: $0.text, answeredBy: $0.answeredBy, answeredAt: $0.answeredAt) })
                })
        }
        actionItems = analysis.actionItems.map {
            ActionItem(
                opsItemId: $0.opsItemID, opsItemArn: $0.opsItemArn, title: $0.title, description: $0.description, priority: $0.priority,
                questionId: $0.questionID, createdBy: $0.createdBy, createdAt: $0.createdAt)
        }
        createdBy = analysis.createdBy
        createdAt = analysis.createdAt
        lastModifiedAt = analysis.lastModifiedAt
    }

    func analysis(name: String, accountID: String, region: String) throws(AnalysisRuleError) -> PostIncidentAnalysis {
        guard schemaVersion == PostIncidentAnalysis.schemaVersion else {
            throw AnalysisRuleError("schemaVersion \(schemaVersion) is not one Hikeshi reads (\(PostIncidentAnalysis.schemaVersion))")
        }
        guard let language = DocumentLanguage(rawValue: language) else { throw AnalysisRuleError("language \(language) is not en, ja, ko or zh") }
        var related: [AnalysisRelatedItem] = []
        for item in relatedItems {
            guard let kind = RelatedItemKind(rawValue: item.type) else { throw AnalysisRuleError("related item type \(item.type) is unknown") }
            related.append(AnalysisRelatedItem(kind: kind, title: item.title, value: item.value))
        }
        let owner: DocumentOwner = template.owner == DocumentOwner.builtInName ? .builtIn : .account(template.owner)
        return PostIncidentAnalysis(
            name: name, accountID: accountID, region: region, language: language,
            template: AnalysisTemplateReference(name: template.name, owner: owner, version: template.version),
            incident: AnalyzedIncident(
                arn: incident.arn, title: incident.title, summary: incident.summary, impact: incident.impact,
                responsePlanArn: incident.responsePlanArn, createdAt: incident.createdAt, acknowledgedAt: incident.acknowledgedAt,
                resolvedAt: incident.resolvedAt, opsItemID: incident.opsItemId),
            timeline: timeline.map { AnalysisTimelineEntry(eventID: $0.eventId, time: $0.eventTime, type: $0.eventType, data: $0.eventData) },
            engagements: engagements.map {
                AnalysisEngagement(
                    arn: $0.engagementArn, contactArn: $0.contactArn, sender: $0.sender, startedAt: $0.startedAt, stoppedAt: $0.stoppedAt)
            },
            runbooks: runbooks.map { runbook in
                AnalysisRunbook(
                    documentName: runbook.documentName, documentVersion: runbook.documentVersion, executionArn: runbook.executionArn,
                    status: runbook.status, startedAt: runbook.startedAt, endedAt: runbook.endedAt, failureMessage: runbook.failureMessage,
                    steps: (runbook.steps ?? []).map {
                        AnalysisRunbookStep(
                            name: $0.name, action: $0.action, status: $0.status, startedAt: $0.startedAt, endedAt: $0.endedAt,
                            failureMessage: $0.failureMessage)
                    })
            },
            relatedItems: related,
            sections: sections.map { section in
                AnalysisSection(
                    id: section.id, title: section.title,
                    questions: section.questions.map { question in
                        AnalysisQuestion(
                            id: question.id, text: question.text,
                            answer: question.answer.map { AnalysisAnswer(text: $0.text, answeredBy: $0.answeredBy, answeredAt: $0.answeredAt) })
                    })
            },
            actionItems: actionItems.map {
                AnalysisActionItem(
                    opsItemID: $0.opsItemId, opsItemArn: $0.opsItemArn, title: $0.title, description: $0.description, priority: $0.priority,
                    questionID: $0.questionId, createdBy: $0.createdBy, createdAt: $0.createdAt)
            },
            createdBy: createdBy, createdAt: createdAt, lastModifiedAt: lastModifiedAt)
    }
}
