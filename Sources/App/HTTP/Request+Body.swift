import HTTPTypes
import Hummingbird
import NIOCore

/// Why a request's body could not be read. Every route that reads a body reads it through
/// ``Hummingbird/Request/readBody(upTo:)`` and answers these with a 4xx, never a 5xx: they are
/// the client's doing, and they happen before anything is authenticated.
///
/// As an `HTTPResponseError` it answers for itself on any route that lets it escape.
enum RequestBodyError: HTTPResponseError, Equatable {
    /// The body (or its `Content-Length`) is longer than `limit` bytes: 413.
    case tooLarge(limit: Int)
    /// The body's framing is broken (shorter than its `Content-Length`, a bad chunk size, the
    /// connection closed mid-body): 400, and the connection is closed.
    case malformed

    /// The HTTP status to answer with.
    var status: HTTPResponse.Status {
        switch self {
        case .tooLarge: .contentTooLarge
        case .malformed: .badRequest
        }
    }

    /// A sentence for the client.
    var message: String {
        switch self {
        case .tooLarge(let limit): "The request body is larger than \(Self.describe(limit))"
        case .malformed: "The request body could not be read: its framing is broken or it ended early"
        }
    }

    /// Headers every such answer carries: a broken body leaves the connection unusable.
    var headers: HTTPFields {
        var fields = HTTPFields()
        if self == .malformed {
            fields[.connection] = "close"
        }
        return fields
    }

    /// The answer on a route that lets the error escape: the status, and the message as plain text.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }

    private static func describe(_ limit: Int) -> String {
        limit % (1024 * 1024) == 0 ? "\(limit / (1024 * 1024)) MiB" : limit % 1024 == 0 ? "\(limit / 1024) KiB" : "\(limit) bytes"
    }
}

extension Request {
    /// Reads the whole body, at most `limit` bytes, and keeps it on the request.
    ///
    /// The one place a request body is read: a declared `Content-Length` over the limit is refused
    /// before a byte is read, a longer body is refused when it passes the limit, and a framing error
    /// from the HTTP parser becomes ``RequestBodyError/malformed``.
    mutating func readBody(upTo limit: Int) async throws(RequestBodyError) -> ByteBuffer {
        if let declared = headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw .tooLarge(limit: limit)
        }
        do {
            return try await collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw .tooLarge(limit: limit)
        } catch {
            throw .malformed
        }
    }
}
