import Foundation

/// Opaque pagination tokens: a versioned cursor in base64, valid only for the listing that made it.
public enum PaginationToken {
    /// The token for a cursor, scoped to a listing (e.g. `ListContacts`) so tokens cannot be mixed up.
    public static func encode(_ cursor: String, scope: String) -> String {
        Data("v1\n\(scope)\n\(cursor)".utf8).base64EncodedString()
    }

    /// The cursor in a token; `nil` for no token. A token that was not made by ``encode(_:scope:)``
    /// for this listing is a `ValidationException` naming `field`.
    public static func decode(_ token: String?, scope: String, field: String = "NextToken") throws -> String? {
        guard let token, !token.isEmpty else { return nil }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else {
            throw AWSValidationError(field: field, constraint: "The pagination token is invalid")
        }
        let parts = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", parts[1] == scope, !parts[2].isEmpty else {
            throw AWSValidationError(field: field, constraint: "The pagination token is invalid")
        }
        return String(parts[2])
    }

    /// The page size for a request's `MaxResults`: `fallback` when absent (or not positive), otherwise at most `maximum`.
    public static func pageSize(_ maxResults: Int?, default fallback: Int, maximum: Int) -> Int {
        guard let maxResults, maxResults > 0 else { return fallback }
        return min(maxResults, maximum)
    }
}
