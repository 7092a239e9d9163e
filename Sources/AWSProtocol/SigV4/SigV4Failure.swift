import Foundation

/// The errors SigV4 verification answers with, worded as AWS words them. All are HTTP 403.
enum SigV4Failure {
    /// No `Authorization` header and no presigned query.
    static var missingToken: AWSError {
        AWSError(code: "MissingAuthenticationTokenException", message: "Missing Authentication Token", status: 403)
    }

    /// The signature information is malformed or incomplete.
    static func incomplete(_ message: String) -> AWSError {
        AWSError(code: "IncompleteSignatureException", message: message, status: 403)
    }

    /// The access key is not known.
    static var unrecognizedClient: AWSError {
        AWSError(
            code: "UnrecognizedClientException",
            message: "The security token included in the request is invalid.",
            status: 403
        )
    }

    /// The signature does not match.
    static var signatureMismatch: AWSError {
        invalid(
            "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
        )
    }

    /// The signature is well formed but not acceptable (expired, wrong scope, ...).
    static func invalid(_ message: String) -> AWSError {
        AWSError(code: "InvalidSignatureException", message: message, status: 403)
    }
}
