/// One block of a runbook step's Markdown, kept as text so the template escapes it: headings, paragraphs, list items
/// and code. No HTML from the document ever reaches the page.
struct MarkdownBlock: Sendable, Equatable {
    let text: String
    let isHeading: Bool
    let isItem: Bool
    let isCode: Bool
    let isParagraph: Bool

    /// The blocks of a Markdown text: `#` headings, `-`/`*`/`1.` list items, fenced code, and paragraphs joined
    /// across single line breaks; emphasis markers are dropped.
    static func parse(_ markdown: String) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var paragraph: [String] = []
        var code: [String]?
        func flush() {
            if !paragraph.isEmpty {
                blocks.append(.init(text: paragraph.joined(separator: " "), isHeading: false, isItem: false, isCode: false, isParagraph: true))
                paragraph = []
            }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                if let lines = code {
                    blocks.append(.init(text: lines.joined(separator: "\n"), isHeading: false, isItem: false, isCode: true, isParagraph: false))
                    code = nil
                } else {
                    flush()
                    code = []
                }
                continue
            }
            if code != nil {
                code?.append(raw)
                continue
            }
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("#") {
                flush()
                blocks.append(.init(text: inline(String(line.drop { $0 == "#" })), isHeading: true, isItem: false, isCode: false, isParagraph: false))
            } else if let item = listItem(line) {
                flush()
                blocks.append(.init(text: inline(item), isHeading: false, isItem: true, isCode: false, isParagraph: false))
            } else {
                paragraph.append(inline(line))
            }
        }
        flush()
        if let lines = code {
            blocks.append(.init(text: lines.joined(separator: "\n"), isHeading: false, isItem: false, isCode: true, isParagraph: false))
        }
        return blocks
    }

    private static func listItem(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.dropFirst(2)) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return String(line.dropFirst(digits.count + 2)) }
        return nil
    }

    private static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").replacingOccurrences(of: "`", with: "")
            .trimmingCharacters(in: .whitespaces)
    }
}
