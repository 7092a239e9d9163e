import Foundation

/// The one checked conversion of a time on the wire into an instant.
///
/// Every timestamp member of every operation passes through here (``AWSJSONCoding/decoder`` uses
/// it), so no code behind the protocol ever sees an instant it cannot store or compute with: a
/// value that is not finite, or that lies outside the years 0001–9999 (the range ISO 8601's
/// four-digit years write and milliseconds in `Int64` hold many times over), is refused as a
/// validation error naming the member instead of trapping later in an integer conversion.
public enum AWSTimestamp {
    /// The earliest accepted instant, 0001-01-01T00:00:00Z, in seconds since the epoch.
    public static let earliest: Double = -62_135_596_800
    /// The latest accepted instant, 9999-12-31T23:59:59.999Z, in seconds since the epoch.
    public static let latest: Double = 253_402_300_799.999

    /// The constraint a refused value breaks, as the validation error states it.
    public static let constraint = "Member must be a timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z"

    /// The instant `seconds` after the epoch, or `nil` when it is not finite or out of range.
    public static func date(epochSeconds seconds: Double) -> Date? {
        guard seconds.isFinite, seconds >= earliest, seconds <= latest else {
            return nil
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Whether an instant lies in the accepted range.
    public static func isRepresentable(_ date: Date) -> Bool {
        self.date(epochSeconds: date.timeIntervalSince1970) != nil
    }
}
