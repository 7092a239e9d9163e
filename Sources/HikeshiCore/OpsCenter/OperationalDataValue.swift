/// One entry of an OpsItem's operational data: a text value and whether it is searchable.
public struct OperationalDataValue: Sendable, Equatable, Codable {
    /// The value (free text; JSON for the reserved `/aws/…` keys).
    public var value: String
    /// Whether DescribeOpsItems shows and searches it.
    public var kind: OperationalDataKind

    /// Creates an entry.
    public init(value: String, kind: OperationalDataKind) {
        self.value = value
        self.kind = kind
    }

    /// Whether DescribeOpsItems may show the entry.
    public var isSearchable: Bool { kind == .searchableString }
}
