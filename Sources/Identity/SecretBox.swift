import Crypto
import Foundation
import HikeshiCore

/// Seals secrets for storage with AES-256-GCM under a master key held outside the database.
public struct SecretBox: Sendable {
    private let key: SymmetricKey

    /// A box with the given 32-byte master key.
    public init(masterKey: Data) throws {
        guard masterKey.count == 32 else {
            throw IdentityError.badMasterKey("the master key must be 32 bytes")
        }
        key = SymmetricKey(data: masterKey)
    }

    /// Seals `secret`; the result (base64 of nonce, ciphertext and tag) differs on every call.
    public func seal(_ secret: String) throws -> String {
        let box = try AES.GCM.seal(Data(secret.utf8), using: key)
        guard let combined = box.combined else {
            throw IdentityError.badMasterKey("sealing failed")
        }
        return "v1:" + combined.base64EncodedString()
    }

    /// Opens a sealed secret; fails if it was sealed under another key or altered.
    public func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw IdentityError.badMasterKey("the sealed secret has an unknown format")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            let plain = try AES.GCM.open(box, using: key)
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw IdentityError.badMasterKey("a stored secret cannot be opened with this master key")
        }
    }
}

extension SecretBox: SecretSealer {}
