import Foundation
import Synchronization

/// Compiled model patterns, cached for the life of the process.
///
/// A pattern within ``AWSRegex``'s subset (all but a few of the models') runs on it; the others on ICU
/// (`NSRegularExpression`), which the models' patterns are written for. Every pattern the generated validators use is
/// compiled by a unit test (`AWSPatternTests`), so a pattern that does not compile is caught before release; should
/// one slip through, it matches nothing (the value is refused), never everything.
public enum AWSPattern {
    private final class Compiled: @unchecked Sendable {
        /// ICU's expression; `nil` if the pattern does not compile. NSRegularExpression is immutable once made and safe
        /// to share between threads.
        let expression: NSRegularExpression?
        /// The native automaton, for a pattern within its subset that ICU compiles (a pattern ICU refuses matches
        /// nothing, whichever engine runs it).
        let native: AWSRegex?

        init(_ pattern: String) {
            expression = try? NSRegularExpression(pattern: pattern, options: [])
            native = expression == nil ? nil : AWSRegex(pattern)
        }
    }

    private static let cache = Mutex<[String: Compiled]>([:])

    /// Whether `pattern` compiles (as the validators compile it).
    public static func compiles(_ pattern: String) -> Bool {
        compiled(pattern).expression != nil
    }

    /// Whether `pattern` runs on ``AWSRegex`` rather than ICU.
    static func isNative(_ pattern: String) -> Bool {
        compiled(pattern).native != nil
    }

    /// Whether `value` contains a match for `pattern`; a pattern that does not compile matches nothing.
    static func matches(_ value: String, pattern: String) -> Bool {
        let compiled = compiled(pattern)
        if let native = compiled.native, let answer = native.matches(value) {
            return answer
        }
        return matchesWithICU(value, compiled: compiled)
    }

    /// What ICU answers for `value` and `pattern` (the reference ``AWSRegex`` is tested against).
    static func matchesWithICU(_ value: String, pattern: String) -> Bool {
        matchesWithICU(value, compiled: compiled(pattern))
    }

    private static func matchesWithICU(_ value: String, compiled: Compiled) -> Bool {
        guard let expression = compiled.expression else { return false }
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
