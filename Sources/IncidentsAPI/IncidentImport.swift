import SSMIncidentsModel

/// An incident as read from the source of a migration, whole: the record, every timeline event, the related items
/// and the tags. ``IncidentsHandler/importIncident(_:fingerprint:context:)`` writes it into an account as history.
public struct IncidentImport: Sendable, Codable, Equatable {
    /// The record as `GetIncidentRecord` answered at the source.
    public var record: SSMIncidents.IncidentRecord
    /// Every timeline event, whole (`GetTimelineEvent`), with its original times.
    public var timeline: [SSMIncidents.TimelineEvent]
    /// The related items, in the order the source lists them.
    public var relatedItems: [SSMIncidents.RelatedItem]
    /// The record's tags at the source.
    public var tags: [String: String]

    /// An incident to import.
    public init(
        record: SSMIncidents.IncidentRecord,
        timeline: [SSMIncidents.TimelineEvent] = [],
        relatedItems: [SSMIncidents.RelatedItem] = [],
        tags: [String: String] = [:]
    ) {
        self.record = record
        self.timeline = timeline
        self.relatedItems = relatedItems
        self.tags = tags
    }
}
