/// The console's cookies: reading the `Cookie` header and writing `Set-Cookie` values.
enum Cookies {
    /// The session cookie (its value is the session id; the database keeps only its hash).
    static let session = "hikeshi_session"
    /// The signed-out CSRF token of the sign-in form (double-submit).
    static let signIn = "hikeshi_signin"
    /// The language chosen from the menu before signing in.
    static let language = "hikeshi_lang"
    /// The browser's time zone, set by console.js.
    static let timeZone = "hikeshi_tz"

    /// The value of cookie `name` in a `Cookie` header.
    static func value(_ name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == name {
                return pair[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// A `Set-Cookie` value: path /console, HttpOnly (unless a script must read it), SameSite=Lax, Secure over https.
    static func set(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil, httpOnly: Bool = true) -> String {
        var parts = ["\(name)=\(value)", "Path=/console", "SameSite=Lax"]
        if httpOnly { parts.append("HttpOnly") }
        if secure { parts.append("Secure") }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        return parts.joined(separator: "; ")
    }

    /// A `Set-Cookie` value that removes the cookie.
    static func clear(_ name: String, secure: Bool) -> String {
        set(name, "", secure: secure, maxAge: 0)
    }
}
