import Foundation
import HikeshiCore

/// A chat notice about an OpsItem for one of its `Notifications` topics — a chat channel of this server, named by its
/// SNS-style ARN. OpsCenter queues one per topic when an OpsItem is created or changed; the application posts it.
public struct OpsItemChatNotice: Codable, Sendable, Equatable {
    /// The job kind.
    public static let jobKind = "opsitem.chat"

    /// The chat channel's ARN.
    public var channelArn: String
    /// The OpsItem's account.
    public var accountID: String
    /// The headline.
    public var headline: String
    /// Further lines.
    public var lines: [String]

    /// Creates a notice.
    public init(channelArn: String, accountID: String, headline: String, lines: [String]) {
        self.channelArn = channelArn
        self.accountID = accountID
        self.headline = headline
        self.lines = lines
    }

    /// The notices for an OpsItem that was created (`changes` empty) or changed, one per notification topic.
    static func notices(for item: OpsItem, changes: [OpsItemField]) -> [OpsItemChatNotice] {
        let headline = changes.isEmpty ? "OpsItem created: \(item.title)" : "OpsItem updated: \(item.title)"
        var lines = ["Status: \(item.status.rawValue)"]
        if let priority = item.priority { lines[0] += " · Priority: \(priority)" }
        if let severity = item.severity { lines[0] += " · Severity: \(severity)" }
        if !changes.isEmpty { lines.append("Changed: " + changes.map(\.rawValue).joined(separator: ", ")) }
        lines.append("\(item.id) (source \(item.source))")
        return Set(item.notifications).sorted().map { OpsItemChatNotice(channelArn: $0, accountID: item.accountID, headline: headline, lines: lines) }
    }
}
