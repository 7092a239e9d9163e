/// How a service puts operations on the wire.
public enum AWSWireProtocol: Sendable, Equatable {
    /// JSON 1.1: `POST /` with `X-Amz-Target: <prefix>.<Operation>`.
    case json(targetPrefix: String)
    /// REST-JSON: each operation has its own method and URI; some input members travel in the URI or query.
    case restJSON
}

/// Where a REST-JSON input member travels.
public enum AWSMemberLocation: Sendable, Equatable {
    /// A `{label}` in the request URI.
    case uri(String)
    /// A query-string parameter.
    case query(String)
    /// An HTTP header.
    case header(String)
}

/// The wire type of a bound member, for converting text from the URI, query or headers.
public enum AWSScalarKind: Sendable, Equatable {
    /// A string or string enum.
    case string
    /// An integer or long.
    case integer
    /// A double or float.
    case double
    /// A boolean.
    case boolean
    /// A timestamp.
    case timestamp
    /// A list of strings (repeated query parameters).
    case stringList
}

/// A REST-JSON input member bound to the URI, query or headers.
public struct AWSMemberBinding: Sendable, Equatable {
    /// The member's name in the input shape (its JSON key).
    public var member: String
    /// Where it travels.
    public var location: AWSMemberLocation
    /// Its wire type.
    public var kind: AWSScalarKind

    /// Creates a binding.
    public init(member: String, location: AWSMemberLocation, kind: AWSScalarKind) {
        self.member = member
        self.location = location
        self.kind = kind
    }
}

/// One operation of a service model.
public struct AWSOperationModel: Sendable, Equatable {
    /// The operation's name, e.g. `CreateContact`.
    public var name: String
    /// The HTTP method.
    public var method: String
    /// The request URI template, e.g. `/tags/{resourceArn}`.
    public var requestURI: String
    /// The HTTP status of a successful response.
    public var successStatus: Int
    /// The names of the error shapes the operation may return.
    public var errors: [String]
    /// Input members carried outside the body (REST-JSON only).
    public var bindings: [AWSMemberBinding]

    /// Creates an operation model.
    public init(
        name: String,
        method: String,
        requestURI: String,
        successStatus: Int,
        errors: [String],
        bindings: [AWSMemberBinding] = []
    ) {
        self.name = name
        self.method = method
        self.requestURI = requestURI
        self.successStatus = successStatus
        self.errors = errors
        self.bindings = bindings
    }
}

/// An error shape of a service model.
public struct AWSErrorModel: Sendable, Equatable {
    /// The error code (the shape's name, or the model's `error.code` when given).
    public var code: String
    /// The HTTP status.
    public var status: Int
    /// Whether the caller is at fault (4xx) rather than the service (5xx).
    public var senderFault: Bool
    /// The error shape's members besides its message, as they are spelled on the wire (`ResourceId`, `resourceType`…).
    public var members: [String]

    /// Creates an error model.
    public init(code: String, status: Int, senderFault: Bool, members: [String] = []) {
        self.code = code
        self.status = status
        self.senderFault = senderFault
        self.members = members
    }

    /// The member whose name, ignoring case, is one of `names`.
    public func member(named names: String...) -> String? {
        members.first { names.contains($0.lowercased()) }
    }
}

/// The wire description of one AWS service: its protocol, operations and errors.
public struct AWSServiceModel: Sendable {
    /// The endpoint prefix, e.g. `ssm-contacts`; also the service name in ARNs.
    public var endpointPrefix: String
    /// The SigV4 signing name.
    public var signingName: String
    /// The model's API version.
    public var apiVersion: String
    /// How operations travel.
    public var wireProtocol: AWSWireProtocol
    /// Operations by name.
    public var operations: [String: AWSOperationModel]
    /// Error shapes by name.
    public var errors: [String: AWSErrorModel]

    /// Creates a service model.
    public init(
        endpointPrefix: String,
        signingName: String,
        apiVersion: String,
        wireProtocol: AWSWireProtocol,
        operations: [AWSOperationModel],
        errors: [AWSErrorModel]
    ) {
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName
        self.apiVersion = apiVersion
        self.wireProtocol = wireProtocol
        self.operations = Dictionary(operations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.errors = Dictionary(errors.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
