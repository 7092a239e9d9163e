/// The source's replication set: its ARN and regions.
public struct SourceReplicationSet: Sendable, Codable, Equatable {
    /// The replication set's ARN at the source.
    public var arn: String
    /// Its regions.
    public var regions: [String]

    /// A replication set.
    public init(arn: String, regions: [String]) {
        self.arn = arn
        self.regions = regions
    }
}
