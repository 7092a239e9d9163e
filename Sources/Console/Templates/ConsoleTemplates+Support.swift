extension ConsoleTemplates {
    /// The customer's support pages.
    static let support: [String: String] = [:]
}
