import Mustache

/// HTML escaping by Unicode scalar. swift-mustache's own escapes by `Character`, and a quote followed by a combining mark
/// (`"` U+0301) is one Character that is not a quote, so it would close an attribute unescaped; every console template
/// selects this one (`{{% CONTENT_TYPE: HTML_SCALAR}}`, added by ``ConsoleTemplates/library()``).
struct ScalarHTMLContentType: MustacheContentType {
    /// The pragma name.
    static let name = "HTML_SCALAR"

    func escapeText(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        escaped.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
