import Foundation

/// What a change to an incident asks for; nil leaves a field as it is.
public struct IncidentEdit: Sendable, Equatable {
    /// A new title.
    public var title: String?
    /// A new summary.
    public var summary: String?
    /// A new impact.
    public var impact: Int?
    /// A new status: resolving or reopening.
    public var status: IncidentStatus?
    /// A new chat channel.
    public var chatChannel: IncidentChatChannel?
    /// New notification topics.
    public var notificationTopics: [String]?

    /// An edit; every field defaults to unchanged.
    public init(
        title: String? = nil,
        summary: String? = nil,
        impact: Int? = nil,
        status: IncidentStatus? = nil,
        chatChannel: IncidentChatChannel? = nil,
        notificationTopics: [String]? = nil
    ) {
        self.title = title
        self.summary = summary
        self.impact = impact
        self.status = status
        self.chatChannel = chatChannel
        self.notificationTopics = notificationTopics
    }
}

/// What an edit changed, for the timeline and for notifications.
public struct IncidentChanges: Sendable, Equatable {
    /// The new title, when it changed.
    public var title: String?
    /// The new summary, when it changed.
    public var summary: String?
    /// The impact before, when it changed.
    public var previousImpact: Int?
    /// The new status, when it changed: resolved or reopened.
    public var status: IncidentStatus?
    /// Whether the chat channel was set.
    public var chatChannel = false
    /// Whether the notification topics were set.
    public var notificationTopics = false

    /// Whether anything changed.
    public var isEmpty: Bool {
        title == nil && summary == nil && previousImpact == nil && status == nil && !chatChannel && !notificationTopics
    }
}

extension Incident {
    /// Applies an edit by `actor` at `now`: fields that differ change, resolving sets the resolution time and reopening
    /// clears it, and the record is marked modified when anything changed.
    public mutating func apply(_ edit: IncidentEdit, by actor: String, at now: Date) -> IncidentChanges {
        var changes = IncidentChanges()
        if let title = edit.title, title != self.title {
            self.title = title
            changes.title = title
        }
        if let summary = edit.summary, summary != self.summary {
            self.summary = summary
            changes.summary = summary
        }
        if let impact = edit.impact, impact != self.impact {
            changes.previousImpact = self.impact
            self.impact = impact
        }
        if let chatChannel = edit.chatChannel {
            self.chatChannel = chatChannel
            changes.chatChannel = true
        }
        if let topics = edit.notificationTopics {
            notificationTopics = topics
            changes.notificationTopics = true
        }
        if let status = edit.status, status != self.status {
            self.status = status
            resolvedAt = status == .resolved ? now : nil
            changes.status = status
        }
        if !changes.isEmpty {
            lastModifiedBy = actor
            lastModifiedAt = now
        }
        return changes
    }

    /// Records the first acknowledgement; returns false when it was acknowledged already.
    public mutating func acknowledge(at now: Date) -> Bool {
        guard acknowledgedAt == nil else { return false }
        acknowledgedAt = now
        return true
    }
}
