import AWSProtocol
import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import Logging
import NIOCore
import Storage

/// The AWS API front door: finds the operation, checks the signature, decodes and validates the
/// input, runs the handler and writes the AWS response or error shape.
struct AWSEndpoint: Sendable {
    /// A service with its model read once (the handler's `model` is a struct returned by value: reading a field through
    /// it copied every field, a few dozen reference counts a call; a stored one is read in place).
    final class Service: Sendable {
        let handler: any AWSServiceHandler
        let model: AWSServiceModel

        init(_ handler: any AWSServiceHandler) {
            self.handler = handler
            self.model = handler.model
        }
    }

    /// A matched operation.
    struct Match: Sendable {
        var service: Service
        /// The operation's name; `nil` when the service is known but the operation is not.
        var operation: AWSOperationModel?
        var requestedName: String
        var uriLabels: [String: String]
    }

    private final class RESTRoute: Sendable {
        /// A segment of the URI template: text to compare, or a label (`{name}` or greedy `{name+}`) to capture.
        enum Segment: Sendable {
            case literal(Substring)
            case label(String)
        }

        let segments: [Segment]
        let service: Service
        let operation: AWSOperationModel

        init(template: [Substring], service: Service, operation: AWSOperationModel) {
            self.segments = template.map { part in
                guard part.hasPrefix("{") && part.hasSuffix("}") else { return .literal(part) }
                return .label(String(part.dropFirst().dropLast().filter { $0 != "+" }))
            }
            self.service = service
            self.operation = operation
        }
    }

    /// The largest request body: a 25 MiB email (DeliverMail) as base64 in its JSON.
    static let maxBodySize = 36 * 1024 * 1024

    private let jsonServices: [String: Service]
    /// REST-JSON routes by method and number of path segments: a request is compared with the few that can match.
    private let restRoutes: [String: [Int: [RESTRoute]]]
    private let verifier: SigV4Verifier
    private let metrics: RequestMetrics
    private let throttle: TokenBuckets
    private let audit: (any AuditLog)?
    private let clock: any HikeshiClock
    private let logger: Logger

    /// A request refused because its access key is over its rate.
    private struct ThrottledRequest: Error {
        var retryAfter: Double
    }

    /// The endpoint for `services`; `throttle` limits each access key's requests (after the signature is checked,
    /// so nobody can spend another key's budget).
    init(
        services: [any AWSServiceHandler], directory: any SigV4KeyStore, metrics: RequestMetrics,
        throttle: TokenBuckets = TokenBuckets(limit: .init(rate: 0, burst: 1)), audit: (any AuditLog)? = nil,
        clock: any HikeshiClock = SystemClock(), logger: Logger
    ) {
        var json: [String: Service] = [:]
        var routes: [String: [Int: [RESTRoute]]] = [:]
        for handler in services {
            let service = Service(handler)
            switch service.model.wireProtocol {
            case .json(let prefix):
                json[prefix] = service
            case .restJSON:
                for operation in service.model.operations.values.sorted(by: { $0.name < $1.name }) {
                    let path = operation.requestURI.split(separator: "?", maxSplits: 1).first ?? ""
                    let segments = path.split(separator: "/")
                    routes[operation.method, default: [:]][segments.count, default: []].append(
                        RESTRoute(template: segments, service: service, operation: operation))
                }
            }
        }
        self.jsonServices = json
        self.restRoutes = routes
        self.verifier = SigV4Verifier(keys: directory)
        self.metrics = metrics
        self.throttle = throttle
        self.audit = audit
        self.clock = clock
        self.logger = logger
    }

    /// The operation a request is for, or `nil` if it is not an AWS API request.
    func match(_ request: Request) -> Match? {
        if let target = request.headers[.amzTarget] {
            let parts = target.split(separator: ".", maxSplits: 1)
            guard parts.count == 2, let service = jsonServices[String(parts[0])] else {
                return nil
            }
            let name = String(parts[1])
            return Match(service: service, operation: service.model.operations[name], requestedName: name, uriLabels: [:])
        }
        let segments = request.uri.path.split(separator: "/")
        guard let candidates = restRoutes[request.method.rawValue]?[segments.count] else { return nil }
        for route in candidates {
            var labels: [String: String] = [:]
            var matched = true
            for (template, actual) in zip(route.segments, segments) {
                switch template {
                case .label(let name):
                    labels[name] = String(actual).removingPercentEncoding ?? String(actual)
                case .literal(let text):
                    matched = text == actual
                }
                if !matched { break }
            }
            if matched {
                return Match(service: route.service, operation: route.operation, requestedName: route.operation.name, uriLabels: labels)
            }
        }
        return nil
    }

    /// Whether a request looks like an AWS call (signed or targeted) that matched no operation.
    func isUnmatchedAWSCall(_ request: Request) -> Bool {
        request.headers[.amzTarget] != nil || request.headers[.authorization]?.hasPrefix("AWS4-") == true
    }

    /// Answers an AWS call; never throws: every failure becomes an AWS error response.
    func respond(to request: Request, match: Match?) async -> Response {
        let started = ContinuousClock.now
        let requestID = RequestID.next()
        let wire = match?.service.model.wireProtocol ?? .json(targetPrefix: "")
        let serviceName = match?.service.model.endpointPrefix ?? "unknown"
        let operationName = match?.operation?.name ?? "unknown"
        var logger = self.logger
        // One write of the handler's metadata (a handler may re-render its metadata on every write).
        logger.handler.metadata.merge(
            ["request.id": .string(requestID), "aws.service": .string(serviceName), "aws.operation": .string(operationName)]
        ) { _, new in new }
        var response: Response
        var accountID = "-"
        do {
            var request = request
            let body = try await request.readBody(upTo: Self.maxBodySize)
            let data = Data(buffer: body, byteTransferStrategy: .noCopy)
            guard let match else {
                throw AWSError(code: "UnknownOperationException", message: "The request matches no operation", status: 400)
            }
            let identity = try await verifier.verify(Self.sigV4Request(request, body: data), service: match.service.model.signingName)
            // The key store answers the owner with the secret: one look-up per request.
            guard let account = identity.owner else {
                throw AWSError(code: "UnrecognizedClientException", message: "The security token included in the request is invalid.", status: 403)
            }
            accountID = account
            logger[metadataKey: "aws.account"] = .string(account)
            if case .throttled(let wait) = throttle.take(identity.accessKeyID) {
                throw ThrottledRequest(retryAfter: wait)
            }
            guard let operation = match.operation else {
                throw AWSError.unknownOperation(match.requestedName)
            }
            let input = try Self.input(for: operation, request: request, body: data, labels: match.uriLabels)
            try Self.refuseNUL(in: input.body)
            let context = AWSRequestContext(
                accountID: account,
                region: identity.region,
                accessKeyID: identity.accessKeyID,
                requestID: requestID,
                logger: logger
            )
            let output = try await match.service.handler.handle(operation: operation.name, input: input, context: context)
            // Written once: the response body, and the audit entry's resources when the call changed something.
            let outputJSON = AWSJSONWriter.write(output)
            response = Self.success(outputJSON, operation: operation, wire: wire, requestID: requestID)
            if let audit, AuditEntry.isChange(operation: operation.name) {
                await Self.record(
                    AuditEntry(
                        at: clock.now(), accountID: account, principal: identity.accessKeyID, source: .api, service: serviceName,
                        operation: operation.name, resources: Self.resources(input: input.body, output: outputJSON), requestID: requestID),
                    in: audit, logger: logger)
            }
        } catch {
            let awsError = Self.awsError(error, match: match, requestID: requestID, logger: logger)
            response = Self.failure(awsError, wire: wire, requestID: requestID)
            if let bodyError = error as? RequestBodyError {
                response.headers.append(contentsOf: bodyError.headers)
            }
            if let throttled = error as? ThrottledRequest {
                response.headers[.retryAfter] = String(max(1, Int(throttled.retryAfter.rounded(.up))))
            }
        }
        let elapsed = ContinuousClock.now - started
        let status = response.status.code
        metrics.record(service: serviceName, operation: operationName, status: status, duration: elapsed)
        logger.info(
            "request",
            metadata: [
                "aws.account": .string(accountID),
                "http.status": .stringConvertible(status),
                "latency.ms": .string(String(format: "%.2f", Double(elapsed.nanoseconds) / 1_000_000)),
            ]
        )
        return response
    }

    /// Refuses a request with a NUL character (U+0000) in any string, as a member, URI label, query value or header
    /// reached it: PostgreSQL cannot store one, and SQLite would, so both engines answer alike, with the member named.
    /// Only a body that spells `\u0000` is parsed again to find the member.
    static func refuseNUL(in body: Data) throws(AWSValidationError) {
        guard mayHoldNUL(body) else { return }
        guard let object = try? JSONSerialization.jsonObject(with: body) else { return }
        if let path = nulPath(in: object, path: "") {
            throw AWSValidationError(field: path.isEmpty ? "input" : path, constraint: "Member must not contain the NUL character")
        }
    }

    /// Whether `body` has a NUL byte or the JSON escape `\u0000` (one pass; a false alarm only costs the exact check).
    static func mayHoldNUL(_ body: Data) -> Bool {
        body.withUnsafeBytes { bytes in
            guard let last = bytes.indices.last else { return false }
            var index = 0
            while index <= last {
                switch bytes[index] {
                case 0:
                    return true
                case UInt8(ascii: "\\") where index + 5 <= last:
                    if bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "0"), bytes[index + 3] == UInt8(ascii: "0"),
                        bytes[index + 4] == UInt8(ascii: "0"), bytes[index + 5] == UInt8(ascii: "0")
                    {
                        return true
                    }
                default:
                    break
                }
                index += 1
            }
            return false
        }
    }

    private static func nulPath(in value: Any, path: String) -> String? {
        switch value {
        case let text as String:
            return text.unicodeScalars.contains("\u{0}") ? path : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : path + "." + key
                if key.unicodeScalars.contains("\u{0}") { return child }
                if let found = nulPath(in: object[key] as Any, path: child) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = nulPath(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The identifiers a change names: from the request (what it acted on) and the response (what it made).
    private static func resources(input: Data, output: [UInt8]) -> [String] {
        let request = (try? JSONSerialization.jsonObject(with: input)) as? [String: Any] ?? [:]
        let response = (try? JSONSerialization.jsonObject(with: Data(output))) as? [String: Any] ?? [:]
        var found = AuditEntry.resources(in: request)
        for value in AuditEntry.resources(in: response) where !found.contains(value) && found.count < 6 {
            found.append(value)
        }
        return found
    }

    /// Writes an audit entry; a failure is logged (the change itself is done and answered).
    private static func record(_ entry: AuditEntry, in audit: any AuditLog, logger: Logger) async {
        do {
            try await audit.record(entry, logger: logger)
        } catch {
            logger.error(
                "audit entry not recorded", metadata: ["audit.operation": .string(entry.operation), "error": .string(String(describing: error))])
        }
    }

    /// The request as the SigV4 verifier reads it (the body already read).
    static func sigV4Request(_ request: Request, body: Data) -> SigV4Request {
        SigV4Request(
            method: request.method.rawValue,
            path: request.uri.path,
            query: request.uri.query,
            headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) },
            authority: request.head.authority,
            body: body
        )
    }

    private static func input(for operation: AWSOperationModel, request: Request, body: Data, labels: [String: String]) throws -> AWSInput {
        guard !operation.bindings.isEmpty else {
            return AWSInput(body: body)
        }
        var object: [String: Any] = [:]
        if !body.isEmpty {
            guard let parsed = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw AWSError.serialization("The request body is not a JSON object")
            }
            object = parsed
        }
        let query = QueryString.parse(request.uri.query)
        for binding in operation.bindings {
            let texts: [String]
            switch binding.location {
            case .uri(let name):
                texts = labels[name].map { [$0] } ?? []
            case .query(let name):
                texts = query.filter { $0.0 == name }.map(\.1)
            case .header(let name):
                texts = HTTPField.Name(name).flatMap { request.headers[values: $0] } ?? []
            }
            guard let first = texts.first else { continue }
            object[binding.member] = try Self.scalar(first, all: texts, kind: binding.kind, member: binding.member)
        }
        return AWSInput(body: try JSONSerialization.data(withJSONObject: object))
    }

    private static func scalar(_ text: String, all: [String], kind: AWSScalarKind, member: String) throws -> Any {
        switch kind {
        case .string, .timestamp:
            return text
        case .stringList:
            return all
        case .integer:
            guard let value = Int(text) else {
                throw AWSValidationError(field: member, value: text, constraint: "Member must be an integer")
            }
            return value
        case .double:
            guard let value = Double(text) else {
                throw AWSValidationError(field: member, value: text, constraint: "Member must be a number")
            }
            return value
        case .boolean:
            guard let value = Bool(text.lowercased()) else {
                throw AWSValidationError(field: member, value: text, constraint: "Member must be true or false")
            }
            return value
        }
    }

    /// The success response carrying `body`, the output shape's JSON (REST-JSON operations answering 204 send none).
    private static func success(_ body: [UInt8], operation: AWSOperationModel, wire: AWSWireProtocol, requestID: String) -> Response {
        var headers = HTTPFields()
        headers[.amznRequestID] = requestID
        switch wire {
        case .json:
            headers[.contentType] = "application/x-amz-json-1.1"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        case .restJSON:
            let status = HTTPResponse.Status(code: operation.successStatus)
            if operation.successStatus == 204 {
                return Response(status: status, headers: headers)
            }
            headers[.contentType] = "application/json"
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    private static func awsError(_ error: any Error, match: Match?, requestID: String, logger: Logger) -> AWSError {
        switch error {
        case let error as StorageError:
            // A store logs what fails inside its unit of work; anything else (a document decoded outside one) is logged here.
            if !error.isLogged { error.log(on: logger) }
            return AWSError.storage(error, operation: match?.operation, service: match?.service.model)
        case let error as any AWSErrorConvertible:
            let converted = error.awsError
            if converted.status >= 500 {
                logger.error("request failed", metadata: ["error.code": .string(converted.code)])
            }
            return converted
        case let error as ThrottledRequest:
            return AWSError.throttled(retryAfter: error.retryAfter, service: match?.service.model)
        case let error as RequestBodyError:
            switch error {
            case .tooLarge:
                return AWSError(code: "RequestEntityTooLargeException", message: error.message, status: 413)
            case .malformed:
                return AWSError.serialization(error.message)
            }
        default:
            logger.error("unexpected failure", metadata: ["error": .string(String(describing: error))])
            return AWSError.internalFailure(requestID: requestID)
        }
    }

    private static func failure(_ error: AWSError, wire: AWSWireProtocol, requestID: String) -> Response {
        var headers = HTTPFields()
        headers[.amznRequestID] = requestID
        headers[.amznErrorType] = error.code
        var body = error.fields
        body["message"] = .string(error.message)
        body["Message"] = .string(error.message)
        switch wire {
        case .json:
            headers[.contentType] = "application/x-amz-json-1.1"
            body["__type"] = .string(error.code)
        case .restJSON:
            headers[.contentType] = "application/json"
            body["code"] = .string(error.code)
        }
        let data = (try? AWSJSONCoding.encoder.encode(body)) ?? Data("{}".utf8)
        return Response(status: HTTPResponse.Status(code: error.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension HTTPField.Name {
    static let amzTarget = known("X-Amz-Target")
    static let amznRequestID = known("x-amzn-RequestId")
    static let amznErrorType = known("x-amzn-ErrorType")

    /// A field name that is valid by construction.
    static func known(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else {
            preconditionFailure("invalid HTTP field name \(name)")
        }
        return field
    }
}
