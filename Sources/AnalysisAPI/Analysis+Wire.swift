import HikeshiCore
import HikeshiModel

// The `hikeshi` wire shapes of analyses, built from domain values. Nothing here is stored: the document's content is
// the domain's own format (`PostIncidentAnalysis.content()`).

extension DocumentLanguage {
    /// The wire form.
    var wire: Hikeshi.LanguageCode {
        switch self {
        case .english: .en
        case .japanese: .ja
        case .korean: .ko
        case .chinese: .zh
        }
    }
}

extension RelatedItemKind {
    /// The wire form.
    var wire: Hikeshi.RelatedItemType {
        switch self {
        case .analysis: .analysis
        case .incident: .incident
        case .metric: .metric
        case .parent: .parent
        case .attachment: .attachment
        case .other: .other
        case .automation: .automation
        case .involvedResource: .involvedResource
        case .task: .task
        }
    }
}

extension AutomationStatus {
    /// The wire form.
    var wire: Hikeshi.AutomationStatus {
        switch self {
        case .pending: .pending
        case .inProgress: .inProgress
        case .waiting: .waiting
        case .success: .success
        case .timedOut: .timedOut
        case .cancelling: .cancelling
        case .cancelled: .cancelled
        case .failed: .failed
        }
    }
}

extension AnalysisRunbook {
    /// The wire form.
    var wire: Hikeshi.AnalysisRunbook {
        Hikeshi.AnalysisRunbook(
            documentName: documentName, documentVersion: documentVersion, executionArn: executionArn, status: status?.wire, startedAt: startedAt,
            endedAt: endedAt, failureMessage: failureMessage,
            steps: executionArn == nil
                ? nil
                : steps.map {
                    Hikeshi.AnalysisRunbookStep(
                        stepName: $0.name, action: $0.action.rawValue, status: $0.status.wire, startedAt: $0.startedAt, endedAt: $0.endedAt,
                        failureMessage: $0.failureMessage)
                })
    }
}

extension AnalysisActionItem {
    /// The wire form.
    var wire: Hikeshi.AnalysisActionItem {
        Hikeshi.AnalysisActionItem(
            opsItemId: opsItemID, opsItemArn: opsItemArn, title: title, description: description, priority: priority, questionId: questionID,
            createdBy: createdBy, createdAt: createdAt)
    }
}

extension PostIncidentAnalysis {
    /// The analysis as `GetAnalysis` answers it, read from (or written as) `documentVersion`.
    func wire(documentVersion: Int) -> Hikeshi.Analysis {
        let facts = incident
        return Hikeshi.Analysis(
            name: name,
            arn: arn,
            documentVersion: String(documentVersion),
            language: language.wire,
            template: Hikeshi.AnalysisTemplateReference(name: template.name, owner: template.owner.wire, version: String(template.version)),
            incident: Hikeshi.AnalyzedIncident(
                arn: facts.arn, title: facts.title, summary: facts.summary, impact: facts.impact, responsePlanArn: facts.responsePlanArn,
                createdAt: facts.createdAt, acknowledgedAt: facts.acknowledgedAt, resolvedAt: facts.resolvedAt,
                durationSeconds: Int(facts.durationSeconds)),
            timeline: timeline.map { Hikeshi.AnalysisTimelineEvent(eventId: $0.eventID, eventTime: $0.time, eventType: $0.type, eventData: $0.data) },
            engagements: engagements.map {
                Hikeshi.AnalysisEngagement(
                    engagementArn: $0.arn, contactArn: $0.contactArn, sender: $0.sender, startedAt: $0.startedAt, stoppedAt: $0.stoppedAt)
            },
            runbooks: runbooks.map(\.wire),
            relatedItems: relatedItems.map { Hikeshi.AnalysisRelatedItem(type: $0.kind.wire, title: $0.title, value: $0.value) },
            sections: sections.map { section in
                Hikeshi.AnalysisSection(
                    id: section.id, title: section.title,
                    questions: section.questions.map { question in
                        Hikeshi.AnalysisQuestion(
                            id: question.id, text: question.text, answer: question.answer?.text, answeredBy: question.answer?.answeredBy,
                            answeredAt: question.answer?.answeredAt)
                    })
            },
            actionItems: actionItems.map(\.wire),
            createdAt: createdAt,
            createdBy: createdBy,
            lastModifiedAt: lastModifiedAt
        )
    }

    /// The analysis as `ListAnalyses` shows it.
    var summary: Hikeshi.AnalysisSummary {
        Hikeshi.AnalysisSummary(
            name: name, arn: arn, incidentRecordArn: incident.arn, incidentTitle: incident.title, language: language.wire,
            templateName: template.name, questionCount: questions.count, answeredCount: answeredCount, actionItemCount: actionItems.count,
            createdAt: createdAt, lastModifiedAt: lastModifiedAt)
    }
}
