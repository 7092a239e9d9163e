import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's blocking thread pool so a sign-in never holds an event loop or a concurrency thread.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost: 12 in production (a few hundred milliseconds here); tests may lower it.
    public let cost: UInt8
    /// A hash of a random password at the same cost, compared against when the user does not exist, so an unknown
    /// name costs as much time as a wrong password.
    let decoy: String

    /// Creates a hasher (hashing its decoy once, now).
    public init(cost: UInt8 = 12) {
        self.cost = cost
        self.decoy = Bcrypt.hash(RandomSecret.token(), cost: cost)
    }

    /// The bcrypt hash of `password`.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
