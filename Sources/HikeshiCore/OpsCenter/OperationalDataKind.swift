/// Who may see an operational-data entry; the raw value is the stored and the wire form.
public enum OperationalDataKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// Listed by DescribeOpsItems and usable in its filters.
    case searchableString = "SearchableString"
    /// Shown only to whoever reads the OpsItem itself (GetOpsItem).
    case string = "String"
}
