extension ConsoleTemplates {
    /// The desk pages.
    static let desk: [String: String] = [:]
}
