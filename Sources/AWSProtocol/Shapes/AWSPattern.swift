import Foundation
import Synchronization

/// Compiled model patterns, cached for the life of the process.
enum AWSPattern {
    private final class Compiled: @unchecked Sendable {
        // NSRegularExpression is immutable once made and safe to share between threads.
        let expression: NSRegularExpression?
        init(_ pattern: String) {
            expression = try? NSRegularExpression(pattern: pattern, options: [])
        }
    }

    private static let cache = Mutex<[String: Compiled]>([:])

    /// Whether `value` contains a match for `pattern`; a pattern that does not compile accepts everything.
    static func matches(_ value: String, pattern: String) -> Bool {
        let compiled = cache.withLock { cache in
            if let found = cache[pattern] {
                return found
            }
            let made = Compiled(pattern)
            cache[pattern] = made
            return made
        }
        guard let expression = compiled.expression else { return true }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, options: [], range: range) != nil
    }
}
