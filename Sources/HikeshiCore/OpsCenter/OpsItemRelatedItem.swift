import Foundation

/// A resource associated with an OpsItem (AssociateOpsItemRelatedItem, or an incident under its parent OpsItem).
public struct OpsItemRelatedItem: Sendable, Equatable {
    /// The association's id, a lowercase UUID.
    public var associationID: String
    /// The OpsItem.
    public var opsItemID: String
    /// The owning account.
    public var accountID: String
    /// The kind of resource.
    public var resourceType: OpsItemResourceType
    /// How the OpsItem relates to it.
    public var associationType: OpsItemAssociationType
    /// The resource's ARN; one association per OpsItem and ARN.
    public var resourceUri: String
    /// Who made the association (an ARN).
    public var createdBy: String
    /// When it was made.
    public var createdAt: Date

    /// Creates an association.
    public init(
        associationID: String, opsItemID: String, accountID: String, resourceType: OpsItemResourceType, associationType: OpsItemAssociationType,
        resourceUri: String, createdBy: String, createdAt: Date
    ) {
        self.associationID = associationID
        self.opsItemID = opsItemID
        self.accountID = accountID
        self.resourceType = resourceType
        self.associationType = associationType
        self.resourceUri = resourceUri
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
