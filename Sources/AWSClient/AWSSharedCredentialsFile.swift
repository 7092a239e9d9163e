/// The sections of an AWS shared credentials file (`~/.aws/credentials`), an INI file read leniently.
///
/// `[name]` starts a section (blanks around the name are dropped, anything after `]` ignored); `key = value` or
/// `key: value` lines set a key, lowercased, in the current one. Blank lines and lines starting with `#` or `;` are
/// comments, and so is the rest of a value from a `#` or `;` that follows a blank. Lines before the first section,
/// and lines that are neither, are skipped (as is a byte-order mark); a key or a section given twice keeps the last value.
struct AWSSharedCredentialsFile: Sendable {
    /// Section name → key (lowercase) → value.
    var sections: [String: [String: String]] = [:]

    /// Parses the text of a credentials file.
    init(parsing text: String) {
        var current: String?
        let text = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = Self.trimmed(rawLine)
            guard let first = line.first, first != "#", first != ";" else { continue }
            if first == "[" {
                guard let close = line.firstIndex(of: "]") else {
                    current = nil
                    continue
                }
                let name = Self.trimmed(line[line.index(after: line.startIndex)..<close])
                current = String(name)
                if sections[String(name)] == nil {
                    sections[String(name)] = [:]
                }
                continue
            }
            guard let section = current, let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = Self.trimmed(line[..<delimiter]).lowercased()
            guard !key.isEmpty else { continue }
            let value = Self.withoutInlineComment(Self.trimmed(line[line.index(after: delimiter)...]))
            sections[section, default: [:]][key] = String(value)
        }
    }

    /// `text` without the `#` or `;` comment that follows a blank, and without the blanks before it.
    private static func withoutInlineComment(_ text: Substring) -> Substring {
        var previous: Character?
        for index in text.indices {
            let character = text[index]
            if character == "#" || character == ";", let previous, previous == " " || previous == "\t" {
                return trimmed(text[..<index])
            }
            previous = character
        }
        return text
    }

    /// `text` without leading and trailing spaces and tabs.
    private static func trimmed(_ text: Substring) -> Substring {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start] == " " || text[start] == "\t" {
            start = text.index(after: start)
        }
        while end > start, text[text.index(before: end)] == " " || text[text.index(before: end)] == "\t" {
            end = text.index(before: end)
        }
        return text[start..<end]
    }
}
