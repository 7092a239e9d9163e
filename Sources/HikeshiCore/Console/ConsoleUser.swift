import Foundation

/// A person who signs in to the web console: one account, one role, their own settings.
///
/// The password is kept only as a bcrypt hash; the hash never leaves the store and the console.
public struct ConsoleUser: Sendable, Hashable {
    /// The user's id (`cu-` and 20 hex digits), stable across renames.
    public var userID: String
    /// The account the user belongs to; they see nothing of any other.
    public var accountID: String
    /// The name typed at sign-in, unique in the account; shown in timelines, notes and case messages.
    public var userName: String
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// What the user may do.
    public var role: ConsoleRole
    /// The chosen language, or nil to follow the browser.
    public var language: SupportLanguage?
    /// The chosen IANA time zone, or nil to follow the browser (then UTC until it says).
    public var timeZone: String?
    /// The colour scheme.
    public var theme: ConsoleTheme
    /// The user's ssm-contacts contact, for "my shifts" and "my pages".
    public var contactArn: String?
    /// The desk agent the user works as (support agents only).
    public var agentID: String?
    /// A disabled user cannot sign in, and their sessions are gone.
    public var disabled: Bool
    /// Set for a generated password: the user must choose their own at the next sign-in.
    public var mustChangePassword: Bool
    /// When the user was created.
    public var createdAt: Date
    /// When the user last changed.
    public var updatedAt: Date

    /// Creates a user.
    public init(
        userID: String, accountID: String, userName: String, passwordHash: String, role: ConsoleRole, language: SupportLanguage? = nil,
        timeZone: String? = nil, theme: ConsoleTheme = .system, contactArn: String? = nil, agentID: String? = nil, disabled: Bool = false,
        mustChangePassword: Bool = false, createdAt: Date, updatedAt: Date
    ) {
        self.userID = userID
        self.accountID = accountID
        self.userName = userName
        self.passwordHash = passwordHash
        self.role = role
        self.language = language
        self.timeZone = timeZone
        self.theme = theme
        self.contactArn = contactArn
        self.agentID = agentID
        self.disabled = disabled
        self.mustChangePassword = mustChangePassword
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether `name` is a valid user name: 1–64 letters, digits and `._@+-`, as IAM user names.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.count) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._@+=,-".unicodeScalars.contains(scalar)))
        }
    }

    /// Why `password` is not acceptable, or nil: at least 12 characters, at most 72 bytes (bcrypt reads no more), no
    /// control characters.
    public static func passwordProblem(_ password: String) -> PasswordProblem? {
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .controlCharacter }
        if password.count < 12 { return .tooShort }
        if password.utf8.count > 72 { return .tooLong }
        return nil
    }

    /// What is wrong with a chosen password.
    public enum PasswordProblem: Sendable, Hashable {
        /// Fewer than 12 characters.
        case tooShort
        /// More than 72 bytes (bcrypt would ignore the rest).
        case tooLong
        /// A control character (a NUL would end the password early for bcrypt).
        case controlCharacter
    }
}
