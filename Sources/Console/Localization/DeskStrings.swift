/// The desk's words.
struct DeskStrings: Sendable {
    let title: String
}

extension DeskStrings {
    static let english = DeskStrings(title: "Desk")
    static let japanese = DeskStrings(title: "デスク")
    static let korean = DeskStrings(title: "데스크")
    static let chinese = DeskStrings(title: "服务台")
}
