import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// bcrypt, run on NIO's blocking thread pool so a sign-in never holds an event loop or a concurrency thread.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost: 12 in production (a few hundred milliseconds here); tests may lower it.
    public let cost: UInt8
    /// A hash of a random password at the same cost, compared against when the user does not exist, so an unknown
    /// name costs as much time as a wrong password: ``productionDecoy`` at cost 12; at other costs (tests) one made here.
    let decoy: String

    /// A bcrypt hash at cost 12 of a random password that nobody kept (made once with Python's bcrypt). Checking a
    /// password against it costs what checking one against a user's cost-12 hash costs; hashing a decoy at start-up
    /// cost about a billion instructions, whether anyone signed in or not.
    static let productionDecoy = "$2b$12$2WXn.Q0GV6SZtx3W./QCt.EFQWEPDL5sagVBV7kS5c56H9B7Uhzpi"

    /// Creates a hasher.
    public init(cost: UInt8 = 12) {
        self.cost = cost
        self.decoy = cost == 12 ? Self.productionDecoy : Bcrypt.hash(RandomSecret.token(), cost: cost)
    }

    /// The bcrypt hash of `password`.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// How many sign-in checks may run at once; more wait for nobody and are told to come back.
    public static let concurrentChecks = 4
    private let inFlight = Gate()

    /// Whether `password` matches `hash`, or nil when ``concurrentChecks`` checks are already running (a flood of
    /// sign-ins must not queue unbounded bcrypt work on two cores).
    public func verifyIfFree(_ password: String, hash: String) async throws -> Bool? {
        guard inFlight.enter(limit: Self.concurrentChecks) else { return nil }
        defer { inFlight.leave() }
        return try await verify(password, hash: hash)
    }

    /// Whether `password` matches `hash`.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}

/// A counter of work in flight with a limit.
final class Gate: Sendable {
    private let count = Mutex(0)

    /// Takes a place if fewer than `limit` are taken.
    func enter(limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Gives a place back.
    func leave() {
        count.withLock { $0 -= 1 }
    }
}
