import HTTPTypes

extension HTTPField.Name {
    /// Sent by console.js on its fetches.
    static let requestedWith = HTTPField.Name("X-Requested-With")
    /// The CSRF token of a fetch (forms send `_csrf`).
    static let csrfToken = HTTPField.Name("X-CSRF-Token")
    /// The browser's opinion of where a request comes from.
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")
    /// Framing refused.
    static let frameOptions = HTTPField.Name("X-Frame-Options")
    /// How long the server took (the benchmark reads it).
    static let serverTiming = HTTPField.Name("Server-Timing")
    /// The referrer policy.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")
}

extension HTTPFields {
    /// The value of an optional field name (nil when the name is nil or the field absent).
    subscript(optional name: HTTPField.Name?) -> String? {
        get { name.flatMap { self[$0] } }
        set {
            if let name { self[name] = newValue }
        }
    }
}
