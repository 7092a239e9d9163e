import Foundation

/// Test payloads from `Fixtures/`, found next to this file.
enum Fixture {
    /// The `Fixtures` directory.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fixture's bytes.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// A fixture's text.
    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// A fixture's JSON object, to change before use.
    static func object(_ name: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(try bytes(name)))
        guard let object = value as? [String: Any] else { throw FixtureError.notAnObject(name) }
        return object
    }

    /// A JSON object as bytes.
    static func encode(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// Parses a JSON document that a test expects to be an object.
    static func decodeObject(_ bytes: [UInt8]) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(bytes))
        guard let object = value as? [String: Any] else { throw FixtureError.notAnObject("output") }
        return object
    }

    /// A UTC date from its parts.
    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Double) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let whole = Int(second)
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: whole)
        return calendar.date(from: components).map { $0.addingTimeInterval(second - Double(whole)) }
    }
}

/// Whether two dates are within a millisecond of each other (parsed fractions are not exact in binary).
func sameInstant(_ date: Date?, _ expected: Date?) -> Bool {
    guard let date, let expected else { return date == nil && expected == nil }
    return abs(date.timeIntervalSince(expected)) < 0.001
}

/// Why a fixture could not be used.
enum FixtureError: Error {
    case notAnObject(String)
}
