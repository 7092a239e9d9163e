/// How an OpsItem relates to a resource; the raw value is the stored and the wire form.
public enum OpsItemAssociationType: String, Sendable, Equatable, Codable, CaseIterable {
    /// The OpsItem is the resource's parent (an incident's parent OpsItem).
    case isParentOf = "IsParentOf"
    /// The OpsItem and the resource concern the same problem.
    case relatesTo = "RelatesTo"
}
