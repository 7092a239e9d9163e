import AWSClient

/// Why a migration could not read its source or reach its target (an object that fails is reported, not thrown).
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it is.
    public enum Kind: String, Sendable {
        /// The source refused the credentials, or there were none.
        case credentials
        /// The source kept failing (throttled, unreachable, unreadable answers) after every retry.
        case unavailable
        /// The source answered something that cannot be read as Incident Manager data (an export file, a paging loop).
        case invalidSource
        /// The command was given something it cannot use.
        case invalidArgument
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// What went wrong and what to do about it, for the operator.
    public var description: String

    /// An error with its message.
    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    /// The error codes with which a source refuses credentials.
    static let credentialCodes: Set<String> = [
        "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignatureException",
        "MissingAuthenticationTokenException", "InvalidClientTokenId", "ExpiredTokenException", "AccessDeniedException",
        "AccessDenied", "UnauthorizedOperation",
    ]

    /// A source call that failed for good, in the operator's words.
    static func source(_ operation: String, _ error: AWSClientError, attempts: Int) -> MigrationError {
        if let code = error.code, credentialCodes.contains(code) {
            return MigrationError(
                .credentials,
                "the source refused the credentials for \(operation) (\(code): \(error.message)); check --profile or the AWS_* variables "
                    + "and that the key may call ssm-contacts, ssm-incidents and ssm read operations")
        }
        if error.isRetryable || error.kind == .invalidResponse {
            return MigrationError(.unavailable, "\(operation) still failed after \(attempts) attempts: \(error); try again later")
        }
        return MigrationError(.invalidSource, "\(operation) failed: \(error)")
    }
}
