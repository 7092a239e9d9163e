import Foundation

/// What the verifier needs to know of a request, taken from the HTTP layer.
///
/// Everything is as received on the wire: the path still percent-encoded, the query string raw,
/// every header field in the order and case it arrived.
public struct SigV4Request: Sendable {
    /// How the verifier learns the payload's SHA-256.
    public enum Payload: Sendable, Equatable {
        /// The whole body; the verifier hashes it.
        case body(Data)
        /// The body's SHA-256, hex, computed by the caller (e.g. while streaming the body in).
        case sha256Hex(String)
    }

    /// The HTTP method, e.g. `POST`.
    public var method: String
    /// The path exactly as received, still percent-encoded, e.g. `/tags/arn%3Aaws%3A...`; no query.
    public var path: String
    /// The raw query string as received, without the `?`, or `nil` when there is none.
    public var query: String?
    /// All header fields as received, names in any case, repeated names as separate fields.
    ///
    /// A `Host` field may be among them; ``authority`` takes precedence over it.
    public var headers: [(name: String, value: String)]
    /// The Host value (`host[:port]`) as received, e.g. `127.0.0.1:4750`; used for the `host` header.
    public var authority: String?
    /// The payload, or its precomputed hash.
    public var payload: Payload

    /// Creates a request whose body the verifier hashes.
    public init(
        method: String,
        path: String,
        query: String? = nil,
        headers: [(name: String, value: String)],
        authority: String?,
        body: Data
    ) {
        self.init(method: method, path: path, query: query, headers: headers, authority: authority, payload: .body(body))
    }

    /// Creates a request with an explicit payload.
    public init(
        method: String,
        path: String,
        query: String? = nil,
        headers: [(name: String, value: String)],
        authority: String?,
        payload: Payload
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.authority = authority
        self.payload = payload
    }

    /// The values of every field named `name` (compared case-insensitively), in order.
    func headerValues(_ name: String) -> [String] {
        headers.compactMap { field in
            field.name.equalsIgnoringASCIICase(name) ? field.value : nil
        }
    }

    /// The first value of the field named `name`, if any.
    func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }
}
