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
        MustacheContentTypes.register(ScalarHTMLContentType(), named: ScalarHTMLContentType.name)
        var library = MustacheLibrary()
        for (name, source) in sources {
            // Every template, partials and the layout included, escapes by scalar: swift-mustache starts each partial
            // with its own default again.
            try library.register("{{% CONTENT_TYPE: \(ScalarHTMLContentType.name)}}" + source, named: name)
        }
        return library
    }
}
