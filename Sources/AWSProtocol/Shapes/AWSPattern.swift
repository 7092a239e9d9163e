import Foundation
import Synchronization

/// Compiled model patterns, cached for the life of the process.
///
/// Every pattern the generated validators use is compiled by a unit test (`AWSPatternTests`), so a
/// pattern that does not compile is caught before release; should one slip through, it matches
/// nothing (the value is refused), never everything.
public enum AWSPattern {
    private final class Compiled: @unchecked Sendable {
        // NSRegularExpression is immutable once made and safe to share between threads.
        let expression: NSRegularExpression?
        init(_ pattern: String) {
            do {
                expression = try NSRegularExpression(pattern: pattern, options: [])
            } catch {
                expression = nil
            }
        }
    }

    private static let cache = Mutex<[String: Compiled]>([:])

    /// Whether `pattern` compiles (as the validators compile it).
    public static func compiles(_ pattern: String) -> Bool {
        compiled(pattern).expression != nil
    }

    /// Whether `value` contains a match for `pattern`; a pattern that does not compile matches nothing.
    static func matches(_ value: String, pattern: String) -> Bool {
        guard let expression = compiled(pattern).expression else { return false }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, options: [], range: range) != nil
    }

    private static func compiled(_ pattern: String) -> Compiled {
        cache.withLock { cache in
            if let found = cache[pattern] {
                return found
            }
            let made = Compiled(pattern)
            cache[pattern] = made
            return made
        }
    }
}
