import Crypto
import Foundation

/// Finds the master key: `HIKESHI_MASTER_KEY` (base64 of 32 bytes) if set, otherwise the file
/// `master.key` in the data directory, created with mode 0600 on first use (only when no such file
/// exists: one that cannot be read is an error, never replaced).
public enum MasterKey {
    /// Loads or creates the master key.
    public static func load(base64 configured: String?, dataDirectory: URL) throws -> Data {
        if let text = configured, !text.isEmpty {
            guard let data = Data(base64Encoded: text), data.count == 32 else {
                throw IdentityError.badMasterKey("HIKESHI_MASTER_KEY must be the base64 of 32 random bytes")
            }
            return data
        }
        let file = dataDirectory.appendingPathComponent("master.key")
        if FileManager.default.fileExists(atPath: file.path) {
            // A key file that exists but cannot be read is an error: making a new key would orphan every sealed secret.
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw IdentityError.badMasterKey("cannot read \(file.path): check its owner and mode (0600, owned by the server's user)")
            }
            guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
                throw IdentityError.badMasterKey("\(file.path) does not hold a base64 32-byte key")
            }
            return data
        }
        let data = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data((data.base64EncodedString() + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw IdentityError.badMasterKey("cannot write \(file.path)")
        }
        return data
    }
}
