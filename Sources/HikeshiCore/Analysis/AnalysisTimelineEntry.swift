import Foundation

/// A timeline event as an analysis records it.
public struct AnalysisTimelineEntry: Sendable, Equatable {
    /// The event's id.
    public var eventID: String
    /// When it happened.
    public var time: Date
    /// Its type (`SSM Incident Trigger`, `Note`…).
    public var type: String
    /// Its data, cut at ``dataLimit`` characters.
    public var data: String

    /// Creates an entry.
    public init(eventID: String, time: Date, type: String, data: String) {
        self.eventID = eventID
        self.time = time
        self.type = type
        self.data = data
    }

    /// The entry of a timeline event, its data cut at ``dataLimit`` characters (with `…`).
    public init(_ event: TimelineEvent) {
        let data = event.eventData.count > Self.dataLimit ? String(event.eventData.prefix(Self.dataLimit - 1)) + "…" : event.eventData
        self.init(eventID: event.eventID, time: event.eventTime, type: event.eventType, data: data)
    }

    /// The most characters of an event's data an analysis keeps.
    public static let dataLimit = 2000
}
