/// One SMTP reply: a three-digit code and its text lines (`250-first`, `250 last`).
struct SMTPReply: Sendable, Hashable {
    /// The reply code, such as 250.
    let code: Int
    /// The text of each line after the code and separator.
    let lines: [String]

    /// The lines joined with spaces, for messages and receipts.
    var text: String {
        self.lines.joined(separator: " ")
    }

    /// Whether the code is 2xx.
    var isPositiveCompletion: Bool { (200...299).contains(self.code) }
    /// Whether the code is 3xx (more input needed: 334, 354).
    var isPositiveIntermediate: Bool { (300...399).contains(self.code) }
    /// Whether the code is 4xx or 5xx.
    var isError: Bool { (400...599).contains(self.code) }
}
