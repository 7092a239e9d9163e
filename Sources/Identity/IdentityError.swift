import AWSProtocol

/// Failures of account and key management.
public struct IdentityError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Code: Sendable, Equatable {
        case badMasterKey
        case invalidAccountID
        case accountExists
        case noSuchAccount
        case keyExists
        case noSuchKey
    }

    private let code: Code
    /// What happened (never contains a secret).
    public let description: String

    /// The master key is missing, malformed, or does not open stored secrets.
    public static func badMasterKey(_ description: String) -> IdentityError {
        IdentityError(code: .badMasterKey, description: description)
    }

    /// An account id is not twelve digits.
    public static func invalidAccountID(_ id: String) -> IdentityError {
        IdentityError(code: .invalidAccountID, description: "account id '\(id)' is not twelve digits")
    }

    /// The account exists already.
    public static func accountExists(_ id: String) -> IdentityError {
        IdentityError(code: .accountExists, description: "account \(id) exists already")
    }

    /// The account does not exist.
    public static func noSuchAccount(_ id: String) -> IdentityError {
        IdentityError(code: .noSuchAccount, description: "account \(id) does not exist")
    }

    /// The access key id is taken (by another account or another secret).
    public static func keyExists(_ id: String) -> IdentityError {
        IdentityError(code: .keyExists, description: "access key \(id) exists already with another account or secret")
    }

    /// The account has no such access key.
    public static func noSuchKey(_ id: String) -> IdentityError {
        IdentityError(code: .noSuchKey, description: "no access key \(id) in the account")
    }
}
