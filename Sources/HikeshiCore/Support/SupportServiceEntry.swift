import Foundation

/// A service in the support catalogue, as AWS Support's `DescribeServices` lists it.
public struct SupportServiceEntry: Sendable, Hashable {
    /// The service code, such as `amazon-elastic-compute-cloud-linux`.
    public let code: String
    /// The specialty whose engineers handle the service's cases.
    public let specialty: SupportSpecialty
    /// Whether cases about the service are technical; `false` only for account and billing, which every plan may open.
    public let isTechnical: Bool
    /// The categories a case about the service can be filed under, in display order.
    public let categories: [SupportCategory]
    /// The service's name in every language.
    let names: SupportLocalizedText

    /// Creates a service entry from its code, specialty, categories and its name in each support language.
    public init(
        code: String,
        specialty: SupportSpecialty,
        isTechnical: Bool,
        categories: [SupportCategory],
        english: String,
        japanese: String,
        korean: String,
        chinese: String
    ) {
        self.code = code
        self.specialty = specialty
        self.isTechnical = isTechnical
        self.categories = categories
        self.names = SupportLocalizedText(english: english, japanese: japanese, korean: korean, chinese: chinese)
    }

    /// The service's name in `language`, such as `Elastic Compute Cloud (EC2 - Linux)`.
    public func name(in language: SupportLanguage) -> String {
        names.text(in: language)
    }

    /// The service's category with `code`, or `nil` when the service has no such category.
    public func category(code: String) -> SupportCategory? {
        categories.first { $0.code == code }
    }
}
