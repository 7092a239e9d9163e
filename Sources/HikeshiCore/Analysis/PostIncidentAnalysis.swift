import Foundation

/// A post-incident analysis: the facts of a resolved incident (times, impact, timeline, engagements, runbooks, related
/// items), a template's questions with their answers, and the action items it produced. Kept as a `ProblemAnalysis`
/// SSM document of the incident's account, whose content is ``content()``.
///
/// Made by ``create(name:accountID:region:incident:template:templateReference:timeline:engagements:relatedItems:executions:by:at:)``
/// from a resolved incident; changed only by ``answer(_:by:at:)`` and ``addActionItem(_:)``.
public struct PostIncidentAnalysis: Sendable, Equatable {
    /// The document's name.
    public var name: String
    /// The owning account (the incident's).
    public var accountID: String
    /// The region the document lives in.
    public var region: String
    /// The language of the questions, headings and labels.
    public var language: DocumentLanguage
    /// The template the questions came from.
    public var template: AnalysisTemplateReference
    /// The incident's facts when the analysis was created.
    public var incident: AnalyzedIncident
    /// The incident's timeline, oldest first (at most ``timelineLimit`` events).
    public var timeline: [AnalysisTimelineEntry]
    /// The engagements the incident started, oldest first.
    public var engagements: [AnalysisEngagement]
    /// The incident's runbooks.
    public var runbooks: [AnalysisRunbook]
    /// The incident's related items, in the order they were added.
    public var relatedItems: [AnalysisRelatedItem]
    /// The template's sections, with the answers given so far.
    public internal(set) var sections: [AnalysisSection]
    /// The action items, oldest first.
    public internal(set) var actionItems: [AnalysisActionItem]
    /// Who created the analysis (an ARN).
    public var createdBy: String
    /// When.
    public var createdAt: Date
    /// When it last changed.
    public internal(set) var lastModifiedAt: Date

    /// An analysis as stored (no rule is checked: ``create(name:accountID:region:incident:template:templateReference:timeline:engagements:relatedItems:executions:by:at:)``
    /// makes a new one).
    public init(
        name: String, accountID: String, region: String, language: DocumentLanguage, template: AnalysisTemplateReference,
        incident: AnalyzedIncident, timeline: [AnalysisTimelineEntry], engagements: [AnalysisEngagement], runbooks: [AnalysisRunbook],
        relatedItems: [AnalysisRelatedItem], sections: [AnalysisSection], actionItems: [AnalysisActionItem], createdBy: String,
        createdAt: Date, lastModifiedAt: Date
    ) {
        self.name = name
        self.accountID = accountID
        self.region = region
        self.language = language
        self.template = template
        self.incident = incident
        self.timeline = timeline
        self.engagements = engagements
        self.runbooks = runbooks
        self.relatedItems = relatedItems
        self.sections = sections
        self.actionItems = actionItems
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.lastModifiedAt = lastModifiedAt
    }

    /// The most timeline events an analysis copies (the oldest ones).
    public static let timelineLimit = 500
    /// The most action items an analysis holds.
    public static let actionItemLimit = 100
    /// The longest answer, in characters.
    public static let answerLimit = 10_000

    /// A new analysis of a resolved incident, with the template's questions unanswered. An open incident is refused
    /// (``AnalysisRuleError`` on `IncidentRecordArn`). The timeline is kept oldest first and cut at ``timelineLimit``
    /// events; the runbooks are the incident's `executions` with their steps, the runbooks the plan named that did not
    /// run, and the linked executions Hikeshi does not have (see ``AnalysisRunbook/of(pending:linked:executions:)``).
    public static func create(
        name: String, accountID: String, region: String, incident: Incident, template: AnalysisTemplate,
        templateReference: AnalysisTemplateReference, timeline: [TimelineEvent], engagements: [Engagement], relatedItems: [RelatedItem],
        executions: [AutomationExecution] = [], by actor: String, at now: Date
    ) throws(AnalysisRuleError) -> PostIncidentAnalysis {
        let facts = try AnalyzedIncident(resolved: incident)
        let events = timeline.sorted { ($0.eventTime, $0.eventID) < ($1.eventTime, $1.eventID) }.prefix(timelineLimit)
        return PostIncidentAnalysis(
            name: name, accountID: accountID, region: region, language: template.language, template: templateReference, incident: facts,
            timeline: events.map(AnalysisTimelineEntry.init),
            engagements: engagements.sorted { $0.startedAt < $1.startedAt }.map(AnalysisEngagement.init),
            runbooks: AnalysisRunbook.of(
                pending: incident.pendingRunbooks, linked: AnalysisRunbook.linked(to: incident, relatedItems: relatedItems), executions: executions),
            relatedItems: relatedItems.map(AnalysisRelatedItem.init), sections: template.sections, actionItems: [], createdBy: actor,
            createdAt: now, lastModifiedAt: now)
    }

    /// The document's ARN, `arn:aws:ssm:REGION:ACCOUNT:document/NAME`.
    public var arn: String {
        ARN(service: "ssm", region: region, account: accountID, resource: "document/\(name)").description
    }

    /// The question with this id.
    public func question(id: String) -> AnalysisQuestion? {
        for section in sections {
            if let question = section.questions.first(where: { $0.id == id }) { return question }
        }
        return nil
    }

    /// Every question, in order.
    public var questions: [AnalysisQuestion] {
        sections.flatMap(\.questions)
    }

    /// How many questions have an answer.
    public var answeredCount: Int {
        questions.count(where: { $0.answer != nil })
    }

    /// Answers questions by id, all or none: an unknown id, the same question twice, or an answer over
    /// ``answerLimit`` characters is refused naming the entry (`Answers.N.QuestionId`, `Answers.N.Answer`). A blank
    /// answer clears the question's answer.
    public mutating func answer(_ answers: [(questionID: String, text: String)], by actor: String, at now: Date) throws(AnalysisRuleError) {
        var next = self
        var seen: Set<String> = []
        for (index, entry) in answers.enumerated() {
            let place = "Answers.\(index + 1)"
            guard seen.insert(entry.questionID).inserted else {
                throw AnalysisRuleError(field: "\(place).QuestionId", "Question \(entry.questionID) is answered twice in one call")
            }
            guard entry.text.count <= Self.answerLimit else {
                throw AnalysisRuleError(field: "\(place).Answer", "An answer is at most \(Self.answerLimit) characters")
            }
            guard let position = next.position(of: entry.questionID) else {
                throw AnalysisRuleError(
                    field: "\(place).QuestionId", "The analysis has no question \(entry.questionID); its questions are \(knownIDs)")
            }
            let blank = entry.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            next.sections[position.section].questions[position.question].answer =
                blank ? nil : AnalysisAnswer(text: entry.text, answeredBy: actor, answeredAt: now)
        }
        next.lastModifiedAt = now
        self = next
    }

    /// Adds an action item (its OpsItem made by the caller). A question id the analysis does not have is refused
    /// (`QuestionId`), and so is an item past ``actionItemLimit`` (no member: the analysis is full).
    public mutating func addActionItem(_ item: AnalysisActionItem) throws(AnalysisRuleError) {
        if let questionID = item.questionID, position(of: questionID) == nil {
            throw AnalysisRuleError(field: "QuestionId", "The analysis has no question \(questionID); its questions are \(knownIDs)")
        }
        guard actionItems.count < Self.actionItemLimit else {
            throw AnalysisRuleError("An analysis holds at most \(Self.actionItemLimit) action items")
        }
        actionItems.append(item)
        lastModifiedAt = max(lastModifiedAt, item.createdAt)
    }

    private func position(of questionID: String) -> (section: Int, question: Int)? {
        for (sectionIndex, section) in sections.enumerated() {
            if let questionIndex = section.questions.firstIndex(where: { $0.id == questionID }) {
                return (sectionIndex, questionIndex)
            }
        }
        return nil
    }

    /// The question ids, for messages (the first twenty).
    private var knownIDs: String {
        let ids = questions.map(\.id)
        return ids.prefix(20).joined(separator: ", ") + (ids.count > 20 ? ", …" : "")
    }
}
