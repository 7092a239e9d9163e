import Crypto
import Foundation

/// The console's own stylesheet and script, served from paths that carry their content hash so they can be cached
/// for good.
enum ConsoleAssets {
    /// `/console/assets/console.<hash>.css`.
    static let cssPath = "/console/assets/console.\(shortHash(stylesheet)).css"
    /// `/console/assets/console.<hash>.js`.
    static let jsPath = "/console/assets/console.\(shortHash(script)).js"

    private static func shortHash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
