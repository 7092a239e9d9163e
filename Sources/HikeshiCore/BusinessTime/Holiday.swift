/// A day off: a public holiday or a company holiday.
///
/// Encodes as `{"date":"2026-01-01","name":"New Year's Day","localName":"元日"}`. When several
/// holidays fall on one day, `name` and `localName` list them in alphabetical order joined by `"; "`.
public struct Holiday: Sendable, Hashable, Codable {
    /// The day.
    public var date: CivilDate
    /// The name in English.
    public var name: String
    /// The name in the country's language (the English name for the United States and for company holidays
    /// created without one).
    public var localName: String

    /// A holiday with an English and a local name.
    public init(date: CivilDate, name: String, localName: String) {
        self.date = date
        self.name = name
        self.localName = localName
    }

    /// A holiday with one name (a company holiday, say), used as both `name` and `localName`.
    public init(date: CivilDate, name: String) {
        self.init(date: date, name: name, localName: name)
    }
}
