import Foundation

/// How badly an issue affects the customer, from general guidance to a business-critical outage.
///
/// Severities are ordered from least to most severe: `low < normal < high < urgent < critical`.
public enum SupportSeverity: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable, Hashable, Comparable {
    /// General guidance.
    case low
    /// System impaired.
    case normal
    /// Production system impaired.
    case high
    /// Production system down.
    case urgent
    /// Business-critical system down.
    case critical

    /// The position of the severity in ascending order, `0` for `low` through `4` for `critical`.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        case .critical: 4
        }
    }

    /// Whether `lhs` is less severe than `rhs`.
    public static func < (lhs: SupportSeverity, rhs: SupportSeverity) -> Bool {
        lhs.rank < rhs.rank
    }
}
