/// What a step does when it fails (`onFailure`) or when the execution is cancelled while it runs (`onCancel`).
public enum StepFailurePolicy: Sendable, Equatable, Codable {
    /// End the execution (`Abort`, the default).
    case abort
    /// Go on to the next step (`Continue`; `onFailure` only).
    case `continue`
    /// Go to a named step (`step:NAME`).
    case step(String)

    /// Reads the document's spelling.
    public init?(text: String) {
        switch text {
        case "Abort": self = .abort
        case "Continue": self = .continue
        default:
            guard text.hasPrefix("step:"), text.count > 5 else { return nil }
            self = .step(String(text.dropFirst(5)))
        }
    }

    /// The document's spelling.
    public var text: String {
        switch self {
        case .abort: "Abort"
        case .continue: "Continue"
        case .step(let name): "step:\(name)"
        }
    }
}

extension StepFailurePolicy {
    /// Reads the stored spelling; an unknown one is unreadable data.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let policy = StepFailurePolicy(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown step policy \(text)")
        }
        self = policy
    }

    /// Stores the document's spelling.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
