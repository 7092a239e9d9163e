import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Storage

extension AnalysisHandler {
    /// Adds an action item: an open OpsItem in the caller's account and region (source `PostIncidentAnalysis`, created
    /// by the caller, with its creation event as CreateOpsItem makes one), related to the incident
    /// (`AWS::SSMIncidents::IncidentRecord`, `RelatesTo`) and to the analysis document (`AWS::SSM::Document`,
    /// `RelatesTo`), listing the incident's parent OpsItem among its related OpsItems and the incident under
    /// `/aws/resources`; and the analysis lists the item in a new document version. One transaction.
    public func addAnalysisActionItem(_ input: Hikeshi.AddAnalysisActionItemRequest, context: AWSRequestContext) async throws
        -> Hikeshi.AddAnalysisActionItemResponse
    {
        guard !input.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AnalysisError.invalid("Title", "The title must not be blank")
        }
        if let description = input.description, description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw AnalysisError.invalid("Description", "The description must not be blank")
        }
        let now = clock.now()
        let (item, version) = try await write(context.logger) { tx in
            let loaded = try await Self.load(input.name, context: context, tx: tx, forUpdate: true)
            var analysis = loaded.analysis
            let question = try input.questionId.map { id in
                guard let question = analysis.question(id: id) else {
                    throw AnalysisError.invalid("QuestionId", "The analysis has no question \(id)")
                }
                return question
            }
            let text = AnalysisText.of(analysis.language)
            let description =
                input.description
                ?? text.actionItemDescription(analysis.name, analysis.incident.title, analysis.incident.arn, question?.text)
            var related: [String] = []
            if let parent = analysis.incident.opsItemID {
                related = Array(try await tx.opsItems.existing([parent], accountID: context.accountID, region: context.region))
            }
            let opsItem: OpsItem
            do throws(OpsItemRuleError) {
                opsItem = try OpsItem.create(
                    id: "oi-" + RandomToken.hex(bytes: 6), accountID: context.accountID, region: context.region, kind: .issue,
                    title: input.title, description: String(description.prefix(2048)), source: Self.actionItemSource, priority: input.priority,
                    severity: input.severity, category: input.category,
                    operationalData: [
                        OpsItem.resourcesKey: OperationalDataValue(value: Self.resources([analysis.incident.arn]), kind: .searchableString),
                        Self.analysisDataKey: OperationalDataValue(value: analysis.arn, kind: .searchableString),
                    ],
                    notifications: [], relatedOpsItems: related, times: OpsItemTimes(), by: context.principalArn, at: now)
            } catch {
                throw AnalysisError.invalid(error.parameterNames.first ?? "Title", error.message)
            }
            let item = AnalysisActionItem(
                opsItemID: opsItem.id, opsItemArn: opsItem.arn, title: opsItem.title, description: opsItem.description ?? description,
                priority: opsItem.priority, questionID: input.questionId, createdBy: context.principalArn, createdAt: now)
            do throws(AnalysisRuleError) {
                try analysis.addActionItem(item)
            } catch {
                throw AnalysisError(error, field: "Name")
            }
            try await tx.opsItems.insert(opsItem)
            try await tx.opsItemEvents.insert(try OpsItemEvent.recording(opsItem, eventID: UUID().uuidString.lowercased()), region: opsItem.region)
            for (type, uri) in [(OpsItemResourceType.incidentRecord, analysis.incident.arn), (.document, analysis.arn)] {
                try await tx.opsItemRelatedItems.insert(
                    OpsItemRelatedItem(
                        associationID: UUID().uuidString.lowercased(), opsItemID: opsItem.id, accountID: context.accountID, resourceType: type,
                        associationType: .relatesTo, resourceUri: uri, createdBy: context.principalArn, createdAt: now))
            }
            return (item, try await Self.save(analysis, document: loaded.document, at: now, field: "Name", tx: tx))
        }
        context.logger.info(
            "analysis action item added",
            metadata: ["analysis.name": .string(input.name), "opsitem.id": .string(item.opsItemID)])
        return Hikeshi.AddAnalysisActionItemResponse(actionItem: item.wire, documentVersion: String(version))
    }

    /// The `/aws/resources` value listing ARNs: `[{"arn":"…"}]`.
    static func resources(_ arns: [String]) -> String {
        "[" + arns.map { #"{"arn":"# + DocumentValue.string($0).jsonText + "}" }.joined(separator: ",") + "]"
    }
}
