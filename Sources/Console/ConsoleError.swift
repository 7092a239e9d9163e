/// What the console decides to refuse, apart from the API's own errors (which keep their AWS code and message).
public struct ConsoleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Kind: Sendable, Equatable {
        /// No session, or one that ended: the browser goes to the sign-in page.
        case unauthenticated
        /// The user's role does not admit the page or action.
        case forbidden
        /// No such page or object in the user's account.
        case notFound
        /// A form without the session's CSRF token, or sent from another origin.
        case csrf
        /// A form the console cannot read (too large, wrong encoding, a field missing).
        case badForm
        /// A template or view model failed to render (a programming error, logged).
        case render
    }

    /// The kind of refusal.
    public var kind: Kind
    /// What went wrong, for the log (never shown raw to the user).
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    /// The kind and detail.
    public var description: String { "\(kind): \(detail)" }
}
