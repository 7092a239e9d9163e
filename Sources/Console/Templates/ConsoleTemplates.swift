import Mustache

/// Every template of the console, parsed once, when the console first renders a page (a server that nobody signs in
/// to never spends the time or the memory). The templates are compiled into the binary: the tests parse every one.
enum ConsoleTemplates {
    /// The parsed library, made on first use; a failure to parse is logged by the page that needed it (which answers 500).
    static let parsed: Result<MustacheLibrary, any Error> = Result { try library() }

    /// The sources by name: the layout and its partials, then each area's pages.
    static let sources: [String: String] = [layout, incidents, oncall, support, desk, upstream, admin].reduce(into: [:]) { all, area in
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
