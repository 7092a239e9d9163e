/// A set of Unicode scalars as a regular expression names them: `[a-z_]`, `\w`, `\p{L}`, `.`, or their complements.
///
/// The classes follow ICU's definitions (the engine the models' patterns were written for, and the one
/// `NSRegularExpression` runs): `\w` is `[\p{Alphabetic}\p{Mark}\p{Decimal_Number}\p{Connector_Punctuation}\u200c\u200d]`,
/// `\d` is `\p{Nd}`, `\s` is `\p{White_Space}`, and `.` is any scalar but a line terminator. The standard library's
/// Unicode tables may be older than ICU's: ``AWSRegex`` leaves a value with a scalar they do not know to ICU.
/// `AWSRegexTests` compares each class with ICU over every Unicode scalar.
struct AWSRegexSet: Sendable {
    /// A named class.
    enum Class: Sendable, Equatable {
        /// `\w`.
        case word
        /// `\d`.
        case digit
        /// `\s`.
        case space
        /// `\p{L}`: letters.
        case letter
        /// `\p{N}`: numbers.
        case number
        /// `\p{Z}`: separators.
        case separator
        /// `.`: anything but a line terminator.
        case notLineTerminator

        /// Whether `scalar` belongs to the class.
        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            // ASCII first: nearly every character a request carries.
            if value < 0x80 {
                switch self {
                case .word:
                    return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
                        || value == 0x5F
                case .digit, .number:
                    return value >= 0x30 && value <= 0x39
                case .space:
                    return value == 0x20 || (value >= 0x09 && value <= 0x0D)
                case .letter:
                    return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                case .separator:
                    return value == 0x20
                case .notLineTerminator:
                    return value < 0x0A || value > 0x0D
                }
            }
            let properties = scalar.properties
            switch self {
            case .word:
                if properties.isAlphabetic || value == 0x200C || value == 0x200D { return true }
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
                default: return false
                }
            case .digit:
                return properties.generalCategory == .decimalNumber
            case .number:
                switch properties.generalCategory {
                case .decimalNumber, .letterNumber, .otherNumber: return true
                default: return false
                }
            case .space:
                return properties.isWhitespace
            case .separator:
                switch properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
                default: return false
                }
            case .letter:
                switch properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
                default: return false
                }
            case .notLineTerminator:
                return value != 0x85 && value != 0x2028 && value != 0x2029
            }
        }
    }

    /// Whether the set's answer for a scalar outside ASCII depends on the standard library's Unicode tables.
    var readsProperties: Bool {
        classes.contains { $0.class != .notLineTerminator }
    }

    /// Scalar ranges in the set.
    var ranges: [ClosedRange<UInt32>] = []
    /// Classes in the set, each possibly complemented (`\W`, `\P{L}`).
    var classes: [(class: Class, negated: Bool)] = []
    /// Whether the set is complemented as a whole (`[^…]`).
    var negated = false

    /// A set of one class.
    init(_ named: Class, negated: Bool = false) {
        classes = [(named, negated)]
    }

    /// An empty set, to be filled.
    init() {}

    /// Whether `scalar` is in the set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let found = ranges.contains { $0.contains(scalar.value) } || classes.contains { $0.class.contains(scalar) != $0.negated }
        return found != negated
    }
}
