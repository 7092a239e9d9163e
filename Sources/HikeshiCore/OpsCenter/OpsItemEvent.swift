import Foundation

/// Something that happened to an OpsItem, as ListOpsItemEvents reports it: one event per version (its creation, then
/// every edit that changed something).
///
/// AWS does not document the values of `Source`, `DetailType` and `Detail`. Hikeshi writes:
/// - `Source`: `aws.ssm` (the service that changed the item, as EventBridge names it);
/// - `DetailType`: `OpsItem Create` for the creation, `OpsItem Update` for an edit;
/// - `Detail`: a JSON object of strings with sorted keys: `opsItemId`, `version`, `status`, `title`, and for an edit
///   `changedFields` (the request members that changed, comma-separated, e.g. `"Status,Priority"`).
public struct OpsItemEvent: Sendable, Equatable {
    /// The `Source` of every event Hikeshi writes.
    public static let source = "aws.ssm"
    /// The `DetailType` of a creation.
    public static let createType = "OpsItem Create"
    /// The `DetailType` of an edit.
    public static let updateType = "OpsItem Update"

    /// The event's id, a lowercase UUID.
    public var eventID: String
    /// The OpsItem.
    public var opsItemID: String
    /// The owning account.
    public var accountID: String
    /// The item's version after the event; events of one item order by it.
    public var version: Int
    /// Who or what caused it.
    public var source: String
    /// Its kind.
    public var detailType: String
    /// Its details, JSON.
    public var detail: String
    /// Who made the change (an ARN).
    public var createdBy: String
    /// When.
    public var createdAt: Date

    /// Creates an event.
    public init(
        eventID: String, opsItemID: String, accountID: String, version: Int, source: String, detailType: String, detail: String, createdBy: String,
        createdAt: Date
    ) {
        self.eventID = eventID
        self.opsItemID = opsItemID
        self.accountID = accountID
        self.version = version
        self.source = source
        self.detailType = detailType
        self.detail = detail
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The event of an item's creation (or, with `changes`, of the edit that made its current version).
    public static func recording(_ item: OpsItem, changes: [OpsItemField]? = nil, eventID: String) throws -> OpsItemEvent {
        var detail = ["opsItemId": item.id, "version": String(item.version), "status": item.status.rawValue, "title": item.title]
        if let changes {
            detail["changedFields"] = changes.map(\.rawValue).joined(separator: ",")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return OpsItemEvent(
            eventID: eventID, opsItemID: item.id, accountID: item.accountID, version: item.version, source: source,
            detailType: changes == nil ? createType : updateType, detail: String(decoding: try encoder.encode(detail), as: UTF8.self),
            createdBy: changes == nil ? item.createdBy : item.lastModifiedBy, createdAt: changes == nil ? item.createdAt : item.lastModifiedAt)
    }
}
