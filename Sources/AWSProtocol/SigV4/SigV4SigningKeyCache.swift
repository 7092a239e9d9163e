import Crypto
import Foundation
import Synchronization

/// A small, bounded cache of derived SigV4 signing keys, one per (secret, date, region, service).
///
/// Deriving a key costs four HMACs; a client signs every request of a day with the same one. The
/// secret itself is not kept: entries are keyed by its SHA-256. Neither keys nor digests ever
/// appear in descriptions or mirrors.
final class SigV4SigningKeyCache: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private struct Key: Hashable, Sendable {
        var secretDigest: [UInt8]
        var date: String
        var region: String
        var service: String
    }

    private struct Entry: Sendable {
        var signingKey: SymmetricKey
        /// An HMAC already keyed with `signingKey`: copies of it skip the key's block on every request.
        var authenticator: HMAC<SHA256>
        var lastUse: UInt64
    }

    private struct State: Sendable {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
    }

    /// The most entries kept; the least recently used one goes first.
    let capacity: Int
    private let state = Mutex(State())

    /// Creates an empty cache holding at most `capacity` keys.
    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    /// The signing key for the scope, derived on a miss.
    func signingKey(secret: String, date: String, region: String, service: String) -> SymmetricKey {
        entry(secret: secret, date: date, region: region, service: service).signingKey
    }

    /// An HMAC-SHA256 keyed with the scope's signing key, ready for the string to sign (a copy: update it freely).
    func authenticator(secret: String, date: String, region: String, service: String) -> HMAC<SHA256> {
        entry(secret: secret, date: date, region: region, service: service).authenticator
    }

    private func entry(secret: String, date: String, region: String, service: String) -> Entry {
        var secretBytes = secret
        let digest = secretBytes.withUTF8 { Array(SHA256.hash(data: $0)) }
        let key = Key(secretDigest: digest, date: date, region: region, service: service)
        let cached: Entry? = state.withLock { state in
            state.clock &+= 1
            guard var entry = state.entries[key] else { return nil }
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry
        }
        if let cached { return cached }
        let derived = Self.derive(secret: secret, date: date, region: region, service: service)
        let fresh = Entry(signingKey: derived, authenticator: HMAC<SHA256>(key: derived), lastUse: 0)
        state.withLock { state in
            state.clock &+= 1
            if state.entries[key] == nil, state.entries.count >= capacity,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
            {
                state.entries.removeValue(forKey: oldest)
            }
            var stored = fresh
            stored.lastUse = state.clock
            state.entries[key] = stored
        }
        return fresh
    }

    /// How many keys are cached.
    var count: Int {
        state.withLock { $0.entries.count }
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    static func derive(secret: String, date: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(secret)".utf8))
        for part in [date, region, service, "aws4_request"] {
            let mac = HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)
            key = SymmetricKey(data: Array(mac))
        }
        return key
    }

    /// A summary without any key material.
    var description: String { "SigV4SigningKeyCache(capacity: \(capacity), count: \(count))" }

    /// Same as ``description``.
    var debugDescription: String { description }

    /// A mirror without any key material.
    var customMirror: Mirror {
        Mirror(self, children: ["capacity": capacity, "count": count], displayStyle: .class)
    }
}
