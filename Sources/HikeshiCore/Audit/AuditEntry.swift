import Foundation

/// One change made through the API or the console: who, when, which operation, which resources. It never holds
/// request bodies, so no secret reaches it.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// Where a change came in.
    public enum Source: String, Sendable, Codable, CaseIterable {
        /// A signed AWS API call (the aws CLI, boto3, Terraform…).
        case api
        /// A form of the web console.
        case console
    }

    /// A unique id.
    public var id: String
    /// When the change was acknowledged (UTC).
    public var at: Date
    /// The account the change was made in.
    public var accountID: String
    /// Who made it: the access key id for the API, `user/<name>` for the console.
    public var principal: String
    /// Where it came in.
    public var source: Source
    /// The service (`ssm-contacts`, `ssm-incidents`, `support`, `ssm`, `hikeshi`, or `console`).
    public var service: String
    /// The operation (`CreateContact`) or the console route (`/console/incidents/:id/resolve`).
    public var operation: String
    /// The resources named by the request and the response (ARNs, ids, names), at most a few.
    public var resources: [String]
    /// The request id the client was given.
    public var requestID: String

    /// An entry of the given facts.
    public init(
        id: String = UUID().uuidString.lowercased(), at: Date, accountID: String, principal: String, source: Source, service: String,
        operation: String, resources: [String], requestID: String
    ) {
        self.id = id
        self.at = at
        self.accountID = accountID
        self.principal = principal
        self.source = source
        self.service = service
        self.operation = operation
        self.resources = resources
        self.requestID = requestID
    }

    /// Whether an AWS operation changes something (everything but reads: Get, List, Describe, Search, BatchGet, Check,
    /// Export).
    public static func isChange(operation: String) -> Bool {
        !["Get", "List", "Describe", "Search", "BatchGet", "Check", "Export"].contains { operation.hasPrefix($0) }
    }

    /// The identifiers of a JSON request or response object worth recording: strings whose member name ends in Arn,
    /// Id, Name, Alias or Identifier, or that are ARNs, at the top level and then one level down (a created
    /// resource's description), never under a member named like a token, secret, password, code, content or body; at
    /// most `limit`, each at most 512 characters.
    public static func resources(in object: [String: Any], limit: Int = 4) -> [String] {
        var found: [String] = []
        collect(from: object, into: &found, limit: limit)
        for key in object.keys.sorted() where found.count < limit && !isSecretish(key) {
            if let nested = object[key] as? [String: Any] {
                collect(from: nested, into: &found, limit: limit)
            }
        }
        return found
    }

    private static func collect(from object: [String: Any], into found: inout [String], limit: Int) {
        let suffixes = ["arn", "id", "name", "alias", "identifier"]
        for key in object.keys.sorted() where found.count < limit {
            let lower = key.lowercased()
            guard !isSecretish(key), let value = object[key] as? String, !value.isEmpty, value.count <= 512, !found.contains(value),
                suffixes.contains(where: { lower.hasSuffix($0) }) || value.hasPrefix("arn:")
            else { continue }
            found.append(value)
        }
    }

    private static func isSecretish(_ key: String) -> Bool {
        // Byte-wise: Foundation's String.contains goes through NSString, and the standard library's search for a
        // collection in a collection builds a generic searcher per call (a sixth of a CreateCase for its few keys).
        let lower = Array(key.lowercased().utf8)
        return secretWords.contains { word in
            guard word.count <= lower.count else { return false }
            return (0...(lower.count - word.count)).contains { start in
                lower[start] == word[0] && lower[start..<start + word.count].elementsEqual(word)
            }
        }
    }

    private static let secretWords = ["token", "secret", "password", "code", "content", "body", "url"].map { Array($0.utf8) }
}
