import Foundation

/// A category of a support service, such as `connectivity`, that a case is filed under.
public struct SupportCategory: Sendable, Hashable {
    /// The category code as AWS Support's `DescribeServices` returns it, such as `general-guidance`.
    public let code: String
    /// The category's name in every language.
    let names: SupportLocalizedText

    /// Creates a category from its code and its name in each support language.
    public init(code: String, english: String, japanese: String, korean: String, chinese: String) {
        self.code = code
        self.names = SupportLocalizedText(english: english, japanese: japanese, korean: korean, chinese: chinese)
    }

    /// The category's name in `language`, such as `Connectivity` or `接続`.
    public func name(in language: SupportLanguage) -> String {
        names.text(in: language)
    }
}
