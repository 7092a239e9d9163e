/// The customer support pages' words.
struct SupportStrings: Sendable {
    let title: String
}

extension SupportStrings {
    static let english = SupportStrings(title: "Support")
    static let japanese = SupportStrings(title: "サポート")
    static let korean = SupportStrings(title: "지원")
    static let chinese = SupportStrings(title: "支持")
}
