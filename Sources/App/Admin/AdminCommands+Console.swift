import Console
import Foundation
import HikeshiCore
import Storage

extension AdminCommands {
    /// Creates a console user; returns the user and the password to hand over (theirs, or a generated one shown only
    /// now, which they must change at their first sign-in).
    public static func createConsoleUser(
        _ configuration: HikeshiConfiguration, accountID: String, userName: String, role: ConsoleRole, password: String?,
        contactArn: String?, agentID: String?
    ) async throws -> (user: ConsoleUser, password: String) {
        try await withCore(configuration) { core in
            let authenticator = ConsoleAuthenticator(store: SQLFamilyStore.console(core.database), clock: core.clock, hasher: PasswordHasher())
            do {
                return try await authenticator.createUser(
                    accountID: accountID, userName: userName, role: role, password: password, contactArn: contactArn, agentID: agentID, logger: logger
                )
            } catch let problem as ConsoleAuthenticator.UserProblem {
                switch problem {
                case .noSuchAccount: throw AdminError("no account \(accountID)")
                case .invalidName: throw AdminError("a user name is 1 to 64 letters, digits and ._@+=,-")
                case .nameTaken: throw AdminError("account \(accountID) already has a user \(userName)")
                case .roleNotAllowed:
                    throw AdminError(
                        "role \(role.rawValue) is not allowed in account \(accountID) (support-agent only in the provider's, customer only in others)"
                    )
                case .password(.tooShort): throw AdminError("the password must have at least 12 characters")
                case .password(.tooLong): throw AdminError("the password must be at most 72 bytes")
                case .password(.controlCharacter): throw AdminError("the password must not contain control characters")
                case .wrongPassword, .noSuchUser: throw AdminError("the user could not be created")
                }
            }
        }
    }
}
