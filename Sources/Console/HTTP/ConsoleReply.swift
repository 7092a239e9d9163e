import Foundation

/// What a console route answers: a page rendered in the layout, a fragment for console.js, or a redirect.
enum ConsoleReply: Sendable {
    /// A full page: its template, the document title, and its typed view model.
    case page(template: String, title: String, model: any Sendable, status: Int = 200)
    /// A partial for a live region or an auto-refresh (no layout).
    case fragment(template: String, model: any Sendable)
    /// 303 See Other to a path under /console.
    case redirect(String)
    /// A file the user downloads (an attachment): never rendered inline, never sniffed.
    case download(fileName: String, data: Data)
}

extension ConsoleReply {
    /// Whether the reply reports success (anything but a page answered with an error status).
    var isSuccess: Bool {
        switch self {
        case .page(_, _, _, let status): status < 400
        case .fragment, .redirect, .download: true
        }
    }
}
