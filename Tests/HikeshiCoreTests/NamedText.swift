import Testing

/// A text argument of a parameterized test, shown in the test's name by its label instead of whole (the megabyte
/// bodies of the robustness tests would otherwise be printed in full, once per test case).
struct NamedText: Sendable, CustomTestStringConvertible {
    /// What the text is.
    let name: String
    /// The text.
    let text: String

    /// A text with a label.
    init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }

    /// A text labelled by its beginning (escaped) and its length.
    init(_ text: String) {
        let start = String(text.prefix(24)).debugDescription
        self.init(text.count > 24 ? "\(start)… (\(text.count) characters)" : start, text)
    }

    var testDescription: String { name }
}
