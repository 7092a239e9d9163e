/// An Amazon Resource Name: `arn:partition:service:region:account:resource`.
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    /// The partition, `aws`.
    public var partition: String
    /// The service, e.g. `ssm-contacts`.
    public var service: String
    /// The region.
    public var region: String
    /// The twelve-digit account id.
    public var account: String
    /// The resource part, e.g. `contact/oncall-lead`.
    public var resource: String

    /// Creates an ARN.
    public init(partition: String = "aws", service: String, region: String, account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses an ARN; `nil` if the text is not one.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty else {
            return nil
        }
        self.init(
            partition: String(parts[1]),
            service: String(parts[2]),
            region: String(parts[3]),
            account: String(parts[4]),
            resource: String(parts[5])
        )
    }

    /// The resource type: the resource part up to its first `/`.
    public var resourceType: String {
        resource.split(separator: "/", maxSplits: 1).first.map(String.init) ?? resource
    }

    /// The resource path after the type, split at `/`.
    public var resourcePath: [String] {
        resource.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    /// The ARN as text.
    public var description: String {
        "arn:\(partition):\(service):\(region):\(account):\(resource)"
    }
}
