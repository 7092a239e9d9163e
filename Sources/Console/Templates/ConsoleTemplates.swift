import Mustache

/// Every template of the console, parsed once at start-up: a template that does not parse stops the server from
/// starting instead of failing on a page later.
enum ConsoleTemplates {
    /// The sources by name: the layout and its partials, then each area's pages.
    static let sources: [String: String] = [layout, incidents, oncall, support, desk, admin].reduce(into: [:]) { all, area in
        all.merge(area) { first, _ in first }
    }

    /// The parsed library.
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, source) in sources {
            try library.register(source, named: name)
        }
        return library
    }
}
