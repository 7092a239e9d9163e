import Foundation
import HikeshiCore
import Testing

/// The iCalendar feed: structure, escaping, folding, stable UIDs.
@Suite("iCalendar feed")
struct ICalendarFeedTests {
    static let shifts = [
        Shift(start: utc("2026-01-05T00:00"), end: utc("2026-01-12T00:00"), members: ["arn:a", "arn:b"]),
        Shift(
            start: utc("2026-01-12T00:00"),
            end: utc("2026-01-13T00:00"),
            members: ["arn:x"],
            isOverridden: true,
            overriddenMembers: ["arn:c"]
        ),
    ]
    static let names = ["arn:a": "Alice", "arn:b": "Bob; Jr.", "arn:c": "Carol", "arn:x": "山田太郎"]

    func render(_ shifts: [Shift] = shifts, names: [String: String] = names, name: String = "Platform on-call") -> String {
        ICalendarFeed.render(
            name: name,
            shifts: shifts,
            uidNamespace: "rotation.hikeshi.example",
            memberNames: names,
            generatedAt: utc("2026-01-01T12:34:56")
        )
    }

    /// Physical lines (split at CRLF, trailing empty line dropped).
    func physicalLines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Logical lines: physical lines with continuations joined (RFC 5545 unfolding).
    func logicalLines(_ text: String) -> [String] {
        var result: [String] = []
        for line in physicalLines(text) {
            if line.hasPrefix(" "), !result.isEmpty {
                result[result.count - 1] += line.dropFirst()
            } else {
                result.append(line)
            }
        }
        return result
    }

    @Test("calendar structure, UTC times, summaries")
    func structure() {
        let text = render()
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let lines = logicalLines(text)
        #expect(
            Array(lines.prefix(6)) == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hikeshi//On-call//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                "X-WR-CALNAME:Platform on-call",
            ]
        )
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(lines.filter { $0 == "END:VEVENT" }.count == 2)
        #expect(lines.contains("DTSTART:20260105T000000Z"))
        #expect(lines.contains("DTEND:20260112T000000Z"))
        #expect(lines.filter { $0 == "DTSTAMP:20260101T123456Z" }.count == 2)
        #expect(lines.contains("SUMMARY:On call: Alice\\, Bob\\; Jr."))
        #expect(lines.contains("SUMMARY:On call: 山田太郎 (override)"))
        #expect(lines.contains("DESCRIPTION:Replaces: Carol"))
        #expect(lines.last == "END:VCALENDAR")
    }

    @Test("members without a display name appear by id; an empty calendar is valid")
    func fallbacks() {
        let text = render(names: [:])
        #expect(logicalLines(text).contains("SUMMARY:On call: arn:a\\, arn:b"))
        let empty = logicalLines(render([]))
        #expect(
            empty == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hikeshi//On-call//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                "X-WR-CALNAME:Platform on-call", "END:VCALENDAR",
            ])
    }

    @Test(
        "TEXT escaping",
        arguments: [
            ("plain", "plain"),
            ("a,b", "a\\,b"),
            ("a;b", "a\\;b"),
            ("back\\slash", "back\\\\slash"),
            ("two\nlines", "two\\nlines"),
            ("crlf\r\nline", "crlf\\nline"),
            ("cr\rline", "cr\\nline"),
            ("colon: stays", "colon: stays"),
            ("日本語,テキスト", "日本語\\,テキスト"),
        ]
    )
    func escaping(input: String, expected: String) {
        #expect(ICalendarFeed.escapeText(input) == expected)
    }

    @Test("long lines fold at 75 octets without splitting UTF-8 characters", arguments: [1, 7, 40, 200])
    func folding(repeats: Int) throws {
        let longName = String(repeating: "山田太郎🧯é", count: repeats)
        let shift = Shift(start: utc("2026-01-05T00:00"), end: utc("2026-01-06T00:00"), members: ["m"])
        let text = render([shift], names: ["m": longName], name: "当番表 " + longName)
        let bytes = Array(text.utf8)
        var physical: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                physical.append([])
                index += 2
            } else {
                physical[physical.count - 1].append(bytes[index])
                index += 1
            }
        }
        for line in physical {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "a line splits a UTF-8 sequence")
        }
        let logical = logicalLines(text)
        #expect(logical.contains("SUMMARY:On call: \(longName)"))
        #expect(logical.contains("X-WR-CALNAME:当番表 \(longName)"))
    }

    @Test("fold edge cases")
    func foldEdges() {
        let exact = String(repeating: "a", count: 75)
        #expect(ICalendarFeed.fold(exact) == exact)
        let over = String(repeating: "a", count: 76)
        #expect(ICalendarFeed.fold(over) == String(repeating: "a", count: 75) + "\r\n a")
        let long = String(repeating: "b", count: 75 + 74 + 1)
        #expect(ICalendarFeed.fold(long) == String(repeating: "b", count: 75) + "\r\n " + String(repeating: "b", count: 74) + "\r\n b")
        // 24 three-byte characters (72 octets) + one more would be 75; the 26th moves to the next line.
        let kanji = String(repeating: "字", count: 26)
        #expect(ICalendarFeed.fold(kanji) == String(repeating: "字", count: 25) + "\r\n 字")
        let shifted = "X" + String(repeating: "字", count: 25)
        #expect(ICalendarFeed.fold(shifted) == "X" + String(repeating: "字", count: 24) + "\r\n 字")
    }

    @Test("UIDs are stable across renders and distinct per shift")
    func uids() {
        let first = logicalLines(render()).filter { $0.hasPrefix("UID:") }
        let again = logicalLines(
            ICalendarFeed.render(
                name: "renamed",
                shifts: Self.shifts,
                uidNamespace: "rotation.hikeshi.example",
                memberNames: [:],
                generatedAt: utc("2027-01-01T00:00")
            )
        ).filter { $0.hasPrefix("UID:") }
        #expect(first.count == 2)
        #expect(first == again)
        #expect(Set(first).count == 2)
        #expect(first.allSatisfy { $0.hasSuffix("@rotation.hikeshi.example") })
        #expect(first[0].hasPrefix("UID:20260105T000000Z-"))
        let regular = Self.shifts[0]
        var overridden = regular
        overridden.isOverridden = true
        var otherMembers = regular
        otherMembers.members = ["arn:b", "arn:a"]
        let ids = [regular, overridden, otherMembers].map { ICalendarFeed.uid(for: $0, namespace: "n") }
        #expect(Set(ids).count == 3)
        #expect(ICalendarFeed.uid(for: regular, namespace: "n") != ICalendarFeed.uid(for: regular, namespace: "m"))
    }

    @Test(
        "UTC stamps",
        arguments: [
            ("1970-01-01T00:00:00", "19700101T000000Z"),
            ("2026-03-08T07:30:05", "20260308T073005Z"),
            ("1999-12-31T23:59:59", "19991231T235959Z"),
            ("1969-12-31T23:00:00", "19691231T230000Z"),
        ])
    func stamps(input: String, expected: String) {
        #expect(ICalendarFeed.utcStamp(utc(input)) == expected)
        #expect(ICalendarFeed.utcStamp(utc(input).addingTimeInterval(0.75)) == expected)
    }

    @Test("a feed of engine shifts across DST")
    func feedFromEngine() throws {
        let definition = rotation(.daily([at(9)]), start: "2026-03-07T14:00", zone: "America/New_York")
        let shifts = try ShiftEngine.shifts(of: definition, overrides: [], from: utc("2026-03-07T14:00"), to: utc("2026-03-09T00:00"))
        let lines = logicalLines(render(shifts, names: ["a": "Alice", "b": "Bob"]))
        #expect(lines.filter { $0.hasPrefix("DTSTART:") } == ["DTSTART:20260307T140000Z", "DTSTART:20260308T130000Z"])
        #expect(lines.filter { $0.hasPrefix("DTEND:") } == ["DTEND:20260308T130000Z", "DTEND:20260309T130000Z"])
    }
}
