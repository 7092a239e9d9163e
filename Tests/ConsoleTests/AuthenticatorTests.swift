import Foundation
import HikeshiCore
import HikeshiTestSupport
import Storage
import Testing

@testable import Console

@Suite("Console sign-in and sessions")
struct AuthenticatorTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func authenticator(_ database: any DatabaseClient, clock: ManualClock) async throws -> ConsoleAuthenticator {
        let store = SQLFamilyStore.console(database)
        try await store.write(logger: testLogger) { tx in
            try await tx.accounts.insert(AccountRecord(accountID: "111111111111", name: "provider", createdAt: start))
            try await tx.accounts.markProvider(accountID: "111111111111")
            try await tx.accounts.insert(AccountRecord(accountID: "222222222222", name: "customer", createdAt: start))
        }
        return ConsoleAuthenticator(store: store, clock: clock, hasher: PasswordHasher(cost: 4))
    }

    @Test("a user signs in with a new session each time; a wrong password or a disabled user does not", arguments: TestEngine.available)
    func signIn(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let clock = ManualClock(start: Self.start)
            let auth = try await Self.authenticator(database, clock: clock)
            let (user, password) = try await auth.createUser(
                accountID: "111111111111", userName: "alice", role: .responder, password: "correct horse battery", logger: testLogger)
            #expect(password == "correct horse battery")
            #expect(!user.mustChangePassword)
            guard
                case .signedIn(let first, _) = try await auth.signIn(
                    accountID: "111111111111", userName: "alice", password: password, clientAddress: "a", logger: testLogger),
                case .signedIn(let second, _) = try await auth.signIn(
                    accountID: "111111111111", userName: "alice", password: password, clientAddress: "a", logger: testLogger)
            else {
                Issue.record("sign-in refused")
                return
            }
            #expect(first != second)
            #expect(try await auth.session(id: first, logger: testLogger)?.1.userName == "alice")
            #expect(
                try await auth.signIn(
                    accountID: "111111111111", userName: "alice", password: "wrong password!", clientAddress: "a", logger: testLogger) == .refused)
            #expect(
                try await auth.signIn(accountID: "222222222222", userName: "alice", password: password, clientAddress: "a", logger: testLogger)
                    == .refused)
            try await auth.administer(accountID: "111111111111", userID: user.userID, role: nil, disabled: true, logger: testLogger)
            #expect(try await auth.session(id: first, logger: testLogger) == nil)
            #expect(
                try await auth.signIn(accountID: "111111111111", userName: "alice", password: password, clientAddress: "a", logger: testLogger)
                    == .refused)
        }
    }

    @Test(
        "five failures from one client lock that user there for 15 minutes, even against the right password; elsewhere the user still signs in",
        arguments: TestEngine.available)
    func throttle(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let clock = ManualClock(start: Self.start)
            let auth = try await Self.authenticator(database, clock: clock)
            _ = try await auth.createUser(
                accountID: "111111111111", userName: "bob", role: .admin, password: "correct horse battery", logger: testLogger)
            for _ in 0..<5 {
                #expect(
                    try await auth.signIn(
                        accountID: "111111111111", userName: "BOB", password: "guess guess guess", clientAddress: "c", logger: testLogger) == .refused
                )
            }
            let locked = try await auth.signIn(
                accountID: "111111111111", userName: "bob", password: "correct horse battery", clientAddress: "c", logger: testLogger)
            #expect(locked == .locked(until: Self.start.addingTimeInterval(900)))
            guard
                case .signedIn = try await auth.signIn(
                    accountID: "111111111111", userName: "bob", password: "correct horse battery", clientAddress: "d", logger: testLogger)
            else {
                Issue.record("a stranger's guesses locked the user out everywhere")
                return
            }
            clock.advance(by: 901)
            guard
                case .signedIn = try await auth.signIn(
                    accountID: "111111111111", userName: "bob", password: "correct horse battery", clientAddress: "c", logger: testLogger)
            else {
                Issue.record("still locked after the window")
                return
            }
        }
    }

    @Test("concurrent guesses cannot all pass one lock check: at most five are checked", arguments: TestEngine.available)
    func concurrentGuesses(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let auth = try await Self.authenticator(database, clock: ManualClock(start: Self.start))
            _ = try await auth.createUser(
                accountID: "111111111111", userName: "eve", role: .admin, password: "correct horse battery", logger: testLogger)
            let outcomes = try await withThrowingTaskGroup(of: ConsoleAuthenticator.SignIn.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        try await auth.signIn(
                            accountID: "111111111111", userName: "eve", password: "guess \(index) guess", clientAddress: "c", logger: testLogger)
                    }
                }
                return try await group.reduce(into: [ConsoleAuthenticator.SignIn]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .refused }.count <= 5)
            #expect(!outcomes.contains { if case .signedIn = $0 { true } else { false } })
        }
    }

    @Test("sessions end after 12 idle hours, and a password change ends the user's other sessions", arguments: TestEngine.available)
    func sessionsEnd(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let clock = ManualClock(start: Self.start)
            let auth = try await Self.authenticator(database, clock: clock)
            let (user, password) = try await auth.createUser(
                accountID: "111111111111", userName: "carol", role: .admin, password: nil, logger: testLogger)
            #expect(user.mustChangePassword)
            guard
                case .signedIn(let a, _) = try await auth.signIn(
                    accountID: "111111111111", userName: "carol", password: password, clientAddress: "x", logger: testLogger),
                case .signedIn(let b, _) = try await auth.signIn(
                    accountID: "111111111111", userName: "carol", password: password, clientAddress: "x", logger: testLogger),
                let (sessionA, current) = try await auth.session(id: a, logger: testLogger)
            else {
                Issue.record("sign-in refused")
                return
            }
            await #expect(throws: ConsoleAuthenticator.UserProblem.wrongPassword) {
                try await auth.changePassword(
                    user: current, current: "nope", new: "a much better password", keepingSession: sessionA.idHash, logger: testLogger)
            }
            await #expect(throws: ConsoleAuthenticator.UserProblem.password(.tooShort)) {
                try await auth.changePassword(user: current, current: password, new: "short", keepingSession: sessionA.idHash, logger: testLogger)
            }
            try await auth.changePassword(
                user: current, current: password, new: "a much better password", keepingSession: sessionA.idHash, logger: testLogger)
            #expect(try await auth.session(id: b, logger: testLogger) == nil)
            #expect(try await auth.session(id: a, logger: testLogger)?.1.mustChangePassword == false)
            clock.advance(by: 11 * 3600)
            #expect(try await auth.session(id: a, logger: testLogger) != nil)
            clock.advance(by: 12 * 3600 + 1)
            #expect(try await auth.session(id: a, logger: testLogger) == nil)
        }
    }

    @Test("support agents only in the provider's account, customers only in others; names are unique per account", arguments: TestEngine.available)
    func roles(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let auth = try await Self.authenticator(database, clock: ManualClock(start: Self.start))
            let pw = "correct horse battery"
            await #expect(throws: ConsoleAuthenticator.UserProblem.roleNotAllowed) {
                _ = try await auth.createUser(accountID: "222222222222", userName: "agent", role: .supportAgent, password: pw, logger: testLogger)
            }
            await #expect(throws: ConsoleAuthenticator.UserProblem.roleNotAllowed) {
                _ = try await auth.createUser(accountID: "111111111111", userName: "cust", role: .customer, password: pw, logger: testLogger)
            }
            _ = try await auth.createUser(accountID: "222222222222", userName: "cust", role: .customer, password: pw, logger: testLogger)
            _ = try await auth.createUser(accountID: "111111111111", userName: "cust", role: .supportAgent, password: pw, logger: testLogger)
            await #expect(throws: ConsoleAuthenticator.UserProblem.nameTaken) {
                _ = try await auth.createUser(accountID: "222222222222", userName: "cust", role: .customer, password: pw, logger: testLogger)
            }
            await #expect(throws: ConsoleAuthenticator.UserProblem.invalidName) {
                _ = try await auth.createUser(accountID: "222222222222", userName: "<script>", role: .customer, password: pw, logger: testLogger)
            }
            await #expect(throws: ConsoleAuthenticator.UserProblem.noSuchAccount) {
                _ = try await auth.createUser(accountID: "333333333333", userName: "x", role: .admin, password: pw, logger: testLogger)
            }
            #expect(try await auth.users(accountID: "222222222222", logger: testLogger).map(\.userName) == ["cust"])
        }
    }
}

@Suite("Sign-in throttle")
struct SignInThrottleTests {
    @Test("a password with a control character (a NUL would end it early for bcrypt) is refused, as are short and long ones")
    func passwords() {
        #expect(ConsoleUser.passwordProblem("\u{0}abcdefghijkl") == .controlCharacter)
        #expect(ConsoleUser.passwordProblem("short") == .tooShort)
        #expect(ConsoleUser.passwordProblem(String(repeating: "あ", count: 25)) == .tooLong)
        #expect(ConsoleUser.passwordProblem("correct horse battery") == nil)
    }

    @Test("a key locks at its maximum within the window, and a failure after the window starts a new count")
    func window() {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        var throttle = SignInThrottle(windowStart: start)
        for second in 0..<4 { throttle = throttle.failing(at: start.addingTimeInterval(Double(second))) }
        #expect(!throttle.isLocked(at: start.addingTimeInterval(5)))
        throttle = throttle.failing(at: start.addingTimeInterval(5))
        #expect(throttle.isLocked(at: start.addingTimeInterval(6)))
        #expect(!throttle.isLocked(at: start.addingTimeInterval(5 + 900)))
        let later = throttle.failing(at: start.addingTimeInterval(5 + 901))
        #expect(later.failures == 1 && !later.isLocked(at: start.addingTimeInterval(5 + 902)))
        var client = SignInThrottle(windowStart: start)
        for second in 0..<49 { client = client.failing(at: start.addingTimeInterval(Double(second)), maximum: 50) }
        #expect(!client.isLocked(at: start.addingTimeInterval(50)))
        #expect(client.failing(at: start.addingTimeInterval(50), maximum: 50).isLocked(at: start.addingTimeInterval(51)))
    }
}
