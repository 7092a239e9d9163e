import Foundation
import HikeshiCore
import Logging
import Storage

/// Console users and their sessions: creating users, signing in (bcrypt, throttled), finding the session of a request,
/// changing passwords and signing out.
public struct ConsoleAuthenticator: Sendable {
    private let store: any ConsoleStore
    private let clock: any HikeshiClock
    private let hasher: PasswordHasher

    /// Creates the authenticator.
    public init(store: any ConsoleStore, clock: any HikeshiClock, hasher: PasswordHasher) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
    }

    /// Why a user could not be created or changed.
    public enum UserProblem: Error, Sendable, Equatable {
        /// The account does not exist.
        case noSuchAccount
        /// The name is not 1–64 letters, digits and `._@+=,-`.
        case invalidName
        /// The account already has a user of that name.
        case nameTaken
        /// The role cannot exist in this account (agents only in the provider's, customers only elsewhere).
        case roleNotAllowed
        /// The password is unacceptable.
        case password(ConsoleUser.PasswordProblem)
        /// The current password given was wrong.
        case wrongPassword
        /// No such user in the account.
        case noSuchUser
    }

    /// A new user and the password to hand them: theirs if given, else a generated one they must change at sign-in.
    ///
    /// `mustChange` makes even a chosen password one the user must replace at the first sign-in (an admin chose it).
    public func createUser(
        accountID: String, userName: String, role: ConsoleRole, password: String?, mustChange: Bool = false, contactArn: String? = nil,
        agentID: String? = nil, logger: Logger
    ) async throws -> (user: ConsoleUser, password: String) {
        guard ConsoleUser.isValidName(userName) else { throw UserProblem.invalidName }
        let chosen = password ?? RandomSecret.password()
        if let problem = ConsoleUser.passwordProblem(chosen) { throw UserProblem.password(problem) }
        let hash = try await hasher.hash(chosen)
        let now = clock.now()
        let user = ConsoleUser(
            userID: "cu-" + String(RandomSecret.hash(RandomSecret.token()).prefix(20)), accountID: accountID, userName: userName,
            passwordHash: hash, role: role, contactArn: contactArn, agentID: agentID, mustChangePassword: mustChange || password == nil,
            createdAt: now,
            updatedAt: now)
        try await store.write(logger: logger) { tx in
            guard try await tx.accounts.account(accountID) != nil else { throw UserProblem.noSuchAccount }
            guard role.allowed(inProviderAccount: try await tx.accounts.isProvider(accountID: accountID)) else {
                throw UserProblem.roleNotAllowed
            }
            guard try await tx.consoleUsers.user(accountID: accountID, userName: userName) == nil else { throw UserProblem.nameTaken }
            try await tx.consoleUsers.insert(user)
        }
        logger.info("console user created", metadata: ["account.id": .string(accountID), "console.user": .string(userName)])
        return (user, chosen)
    }

    /// The outcome of a sign-in.
    public enum SignIn: Sendable, Equatable {
        /// Signed in: the new session's id (for the cookie only) and the user.
        case signedIn(sessionID: String, user: ConsoleUser)
        /// Wrong account, name or password (which one is not said).
        case refused
        /// Too many failures: locked until the date.
        case locked(until: Date)
        /// Too many sign-ins being checked at once (bcrypt is bounded): try again in a moment.
        case busy
    }

    /// The throttle keys of a sign-in and how many failures each allows in a window: the user name from this client
    /// (strict), the client address (so one client cannot sweep many names), and the user name from anywhere (loose, so
    /// that a stranger cannot lock a responder out during an incident with five guesses, but a spread-out guesser still
    /// meets a wall).
    static func throttleKeys(accountID: String, userName: String, client: String) -> [(key: String, maximum: Int)] {
        let user = "user:\(accountID)/\(userName.lowercased())"
        return [
            ("\(user)|client:\(client)", SignInThrottle.maximumFailures), ("client:\(client)", SignInThrottle.maximumClientFailures),
            (user, SignInThrottle.maximumUserFailures),
        ]
    }

    /// Checks the password and opens a new session (a new id at every sign-in).
    ///
    /// The attempt is counted as a failure before the password is checked, in the same transaction that checks the
    /// locks, so concurrent guesses cannot all pass one check; a right password then takes its count back.
    public func signIn(accountID: String, userName: String, password: String, clientAddress: String, logger: Logger) async throws -> SignIn {
        let now = clock.now()
        let keys = Self.throttleKeys(accountID: accountID, userName: userName, client: clientAddress)
        let (user, lockedUntil) = try await store.write(logger: logger) { tx -> (ConsoleUser?, Date?) in
            // Concurrent attempts on one key take turns (PostgreSQL advisory locks, in one order; SQLite has one writer).
            for (key, _) in keys.sorted(by: { $0.key < $1.key }) { try await tx.lock(key: "console-signin:" + key) }
            var until: Date?
            var states: [(String, SignInThrottle, Int)] = []
            for (key, maximum) in keys {
                let throttle = try await tx.signInThrottle.throttle(key: key) ?? SignInThrottle(windowStart: now)
                if throttle.isLocked(at: now) { until = max(until ?? .distantPast, throttle.lockedUntil ?? now) }
                states.append((key, throttle, maximum))
            }
            if until == nil {
                for (key, throttle, maximum) in states { try await tx.signInThrottle.save(throttle.failing(at: now, maximum: maximum), key: key) }
            }
            return (try await tx.consoleUsers.user(accountID: accountID, userName: userName), until)
        }
        if let lockedUntil {
            logger.notice("console sign-in locked", metadata: ["account.id": .string(accountID), "console.user": .string(userName)])
            return .locked(until: lockedUntil)
        }
        guard let matches = try await hasher.verifyIfFree(password, hash: user?.passwordHash ?? hasher.decoy) else {
            logger.notice("console sign-in busy", metadata: ["account.id": .string(accountID)])
            return .busy
        }
        guard let user, matches, !user.disabled else {
            logger.notice("console sign-in refused", metadata: ["account.id": .string(accountID), "console.user": .string(userName)])
            return .refused
        }
        let sessionID = RandomSecret.token()
        let session = ConsoleSession(
            idHash: RandomSecret.hash(sessionID), userID: user.userID, csrfToken: RandomSecret.token(), createdAt: now, lastSeenAt: now)
        try await store.write(logger: logger) { tx in
            // The right password: this user from this client starts afresh; the other counts take this attempt back.
            try await tx.signInThrottle.clear(key: keys[0].key)
            for (key, _) in keys.dropFirst() {
                if let throttle = try await tx.signInThrottle.throttle(key: key) { try await tx.signInThrottle.save(throttle.forgiving(), key: key) }
            }
            try await tx.consoleSessions.purge(expiredBefore: now)
            try await tx.consoleSessions.insert(session)
        }
        logger.info("console sign-in", metadata: ["account.id": .string(accountID), "console.user": .string(userName)])
        return .signedIn(sessionID: sessionID, user: user)
    }

    /// The session and user behind a session cookie, if the session is still good; refreshes its idle end now and then.
    public func session(id sessionID: String, logger: Logger) async throws -> (ConsoleSession, ConsoleUser)? {
        let now = clock.now()
        let idHash = RandomSecret.hash(sessionID)
        guard
            let (session, user) = try await store.read(
                logger: logger,
                { tx -> (ConsoleSession, ConsoleUser)? in
                    guard let session = try await tx.consoleSessions.session(idHash: idHash),
                        let user = try await tx.consoleUsers.user(id: session.userID)
                    else { return nil }
                    return (session, user)
                }),
            session.isValid(at: now), !user.disabled
        else { return nil }
        if session.needsTouch(at: now) {
            let touched = ConsoleSession(
                idHash: session.idHash, userID: session.userID, csrfToken: session.csrfToken, createdAt: session.createdAt, lastSeenAt: now)
            try await store.write(logger: logger) { tx in try await tx.consoleSessions.touch(touched) }
            return (touched, user)
        }
        return (session, user)
    }

    /// Ends a session.
    public func signOut(sessionID: String, logger: Logger) async throws {
        let idHash = RandomSecret.hash(sessionID)
        try await store.write(logger: logger) { tx in try await tx.consoleSessions.delete(idHash: idHash) }
    }

    /// Changes a user's password after checking the current one; ends their other sessions.
    public func changePassword(user: ConsoleUser, current: String, new: String, keepingSession idHash: String, logger: Logger) async throws {
        guard try await hasher.verify(current, hash: user.passwordHash) else { throw UserProblem.wrongPassword }
        if let problem = ConsoleUser.passwordProblem(new) { throw UserProblem.password(problem) }
        let hash = try await hasher.hash(new)
        let now = clock.now()
        try await store.write(logger: logger) { tx in
            guard var stored = try await tx.consoleUsers.user(id: user.userID) else { throw UserProblem.noSuchUser }
            stored.passwordHash = hash
            stored.mustChangePassword = false
            stored.updatedAt = now
            try await tx.consoleUsers.update(stored)
            try await tx.consoleSessions.deleteAll(userID: user.userID, keeping: idHash)
        }
        logger.info("console password changed", metadata: ["account.id": .string(user.accountID), "console.user": .string(user.userName)])
    }

    /// Saves a user's own settings.
    public func updateSettings(user: ConsoleUser, language: SupportLanguage?, timeZone: String?, theme: ConsoleTheme, logger: Logger) async throws {
        let now = clock.now()
        try await store.write(logger: logger) { tx in
            guard var stored = try await tx.consoleUsers.user(id: user.userID) else { throw UserProblem.noSuchUser }
            stored.language = language
            stored.timeZone = timeZone
            stored.theme = theme
            stored.updatedAt = now
            try await tx.consoleUsers.update(stored)
        }
    }

    /// The users of an account, by name.
    public func users(accountID: String, logger: Logger) async throws -> [ConsoleUser] {
        try await store.read(logger: logger) { tx in try await tx.consoleUsers.users(accountID: accountID) }
    }

    /// Changes another user's role or disables them (admins); disabling ends their sessions.
    public func administer(accountID: String, userID: String, role: ConsoleRole?, disabled: Bool?, logger: Logger) async throws {
        let now = clock.now()
        try await store.write(logger: logger) { tx in
            guard var stored = try await tx.consoleUsers.user(id: userID), stored.accountID == accountID else { throw UserProblem.noSuchUser }
            if let role {
                guard role.allowed(inProviderAccount: try await tx.accounts.isProvider(accountID: accountID)) else {
                    throw UserProblem.roleNotAllowed
                }
                stored.role = role
            }
            if let disabled { stored.disabled = disabled }
            stored.updatedAt = now
            try await tx.consoleUsers.update(stored)
            if stored.disabled { try await tx.consoleSessions.deleteAll(userID: userID) }
        }
    }
}
