import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// An HTTP/1.1 server on 127.0.0.1 for tests: records each request and answers with what its responder returns
/// (nil: never answer).
final class FakeHTTPServer: Sendable {
    /// One request as received.
    struct Request: Sendable {
        /// The method, such as `POST`.
        let method: String
        /// The request target, path and query.
        let uri: String
        /// The header fields.
        let headers: [(name: String, value: String)]
        /// The body, read as UTF-8.
        let body: String

        /// The first value of a header, case-insensitively.
        func header(_ name: String) -> String? {
            self.headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// A canned answer.
    struct Response: Sendable {
        /// The status code.
        var status: Int
        /// The body.
        var body: String
        /// The content type.
        var contentType = "application/json"
    }

    private let channel: any Channel
    private let recorded: Recorded

    /// The port the server listens on.
    let port: Int

    /// `http://127.0.0.1:port`.
    var baseURL: String { "http://127.0.0.1:\(self.port)" }

    private init(channel: any Channel, recorded: Recorded, port: Int) {
        self.channel = channel
        self.recorded = recorded
        self.port = port
    }

    /// Starts a server on a free port of 127.0.0.1.
    static func start(_ responder: @escaping @Sendable (Request) -> Response?) async throws -> FakeHTTPServer {
        let recorded = Recorded()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(recorded: recorded, responder: responder))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else {
            throw DeliveryTestError("fake HTTP server has no port")
        }
        return FakeHTTPServer(channel: channel, recorded: recorded, port: port)
    }

    /// Every request so far.
    var requests: [Request] {
        self.recorded.requests.withLock { $0 }
    }

    /// The only request; fails when there was not exactly one.
    func onlyRequest() throws -> Request {
        let requests = self.requests
        guard requests.count == 1, let request = requests.first else {
            throw DeliveryTestError("expected one HTTP request, saw \(requests.count)")
        }
        return request
    }

    /// Stops listening.
    func stop() async throws {
        try await self.channel.close()
    }

    private final class Recorded: Sendable {
        let requests = Mutex<[Request]>([])
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let recorded: Recorded
        private let responder: @Sendable (Request) -> Response?
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(recorded: Recorded, responder: @escaping @Sendable (Request) -> Response?) {
            self.recorded = recorded
            self.responder = responder
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch Self.unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                self.body = []
            case .body(var buffer):
                self.body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let head = self.head else {
                    return
                }
                let request = Request(
                    method: head.method.rawValue,
                    uri: head.uri,
                    headers: head.headers.map { ($0.name, $0.value) },
                    body: String(decoding: self.body, as: UTF8.self)
                )
                self.recorded.requests.withLock { $0.append(request) }
                guard let response = self.responder(request) else {
                    return
                }
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: response.contentType)
                headers.add(name: "Content-Length", value: "\(response.body.utf8.count)")
                let status = HTTPResponseStatus(statusCode: response.status)
                context.write(Self.wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
                context.write(Self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: response.body)))), promise: nil)
                context.writeAndFlush(Self.wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
