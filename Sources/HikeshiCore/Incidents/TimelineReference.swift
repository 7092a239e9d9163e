/// What a timeline event refers to. Stored as `{"resource": arn}` or `{"relatedItemId": id}`, the form written
/// since the incidents schema began, so existing events read unchanged.
public enum TimelineReference: Sendable, Equatable, Codable {
    /// A resource, by ARN.
    case resource(String)
    /// One of the incident's related items, by id.
    case relatedItem(String)

    private enum CodingKeys: String, CodingKey {
        case resource
        case relatedItemId
    }

    /// Reads the one key that is set.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let arn = try container.decodeIfPresent(String.self, forKey: .resource) {
            self = .resource(arn)
        } else {
            self = .relatedItem(try container.decode(String.self, forKey: .relatedItemId))
        }
    }

    /// Writes the one key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .resource(let arn): try container.encode(arn, forKey: .resource)
        case .relatedItem(let id): try container.encode(id, forKey: .relatedItemId)
        }
    }
}
