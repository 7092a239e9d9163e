/// The on-call pages' words.
struct OnCallStrings: Sendable {
    let title: String
}

extension OnCallStrings {
    static let english = OnCallStrings(title: "On-call")
    static let japanese = OnCallStrings(title: "オンコール")
    static let korean = OnCallStrings(title: "온콜")
    static let chinese = OnCallStrings(title: "值班")
}
