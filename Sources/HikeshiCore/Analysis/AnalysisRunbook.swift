/// A runbook of an incident, as an analysis records it: one its response plan named, or an automation execution
/// linked to the incident (an `AUTOMATION` related item).
public struct AnalysisRunbook: Sendable, Equatable {
    /// The Automation document the plan named.
    public var documentName: String?
    /// The version the plan named (nil: the default).
    public var documentVersion: String?
    /// The execution's ARN.
    public var executionArn: String?

    /// Creates an entry.
    public init(documentName: String?, documentVersion: String?, executionArn: String?) {
        self.documentName = documentName
        self.documentVersion = documentVersion
        self.executionArn = executionArn
    }

    /// The runbooks of an incident: those its plan named (`pending`), then the executions among its related items.
    public static func of(pending: [RunbookAction], relatedItems: [RelatedItem]) -> [AnalysisRunbook] {
        let named = pending.map { AnalysisRunbook(documentName: $0.documentName, documentVersion: $0.documentVersion, executionArn: nil) }
        let executions = relatedItems.compactMap { item -> AnalysisRunbook? in
            guard item.kind == .automation, case .arn(let arn) = item.value else { return nil }
            return AnalysisRunbook(documentName: nil, documentVersion: nil, executionArn: arn)
        }
        return named + executions
    }
}
