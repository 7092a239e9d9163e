import Foundation

/// A resource policy on a response plan, read the way IAM reads one, for the part that matters here:
/// which other accounts may do which ssm-incidents actions on the plan and its incidents.
///
/// A statement grants when its `Effect` is `Allow`, its `Principal` names the caller's account (the
/// account id, `arn:aws:iam::ACCOUNT:root`, any IAM ARN of that account, or `*`), an `Action` matches
/// (`ssm-incidents:GetIncidentRecord`, with `*` wildcards) and a `Resource` matches (with `*`
/// wildcards). A matching `Deny` statement wins over any `Allow`.
struct SharePolicy: Sendable {
    private struct Statement: Sendable {
        var allow: Bool
        var principals: [String]
        var actions: [String]
        var resources: [String]
    }

    private let statements: [Statement]

    /// Parses a policy document; nil when it is not a JSON object with a `Statement`.
    init?(json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        let raw: [[String: Any]]
        if let list = object["Statement"] as? [[String: Any]] {
            raw = list
        } else if let single = object["Statement"] as? [String: Any] {
            raw = [single]
        } else {
            return nil
        }
        var statements: [Statement] = []
        for item in raw {
            guard let effect = item["Effect"] as? String, effect == "Allow" || effect == "Deny" else { return nil }
            statements.append(
                Statement(
                    allow: effect == "Allow",
                    principals: Self.principals(item["Principal"]),
                    actions: Self.strings(item["Action"]),
                    resources: Self.strings(item["Resource"] ?? "*")
                )
            )
        }
        self.statements = statements
    }

    /// The policy's word on `account` doing `action` (without the service prefix) on `resource`:
    /// true (allowed), false (explicitly denied) or nil (not mentioned).
    func decision(account: String, action: String, resource: String) -> Bool? {
        let qualified = "ssm-incidents:" + action
        var decision: Bool?
        for statement in statements {
            guard statement.principals.contains(where: { Self.names(account: account, principal: $0) }),
                statement.actions.contains(where: { Self.matches(pattern: $0, qualified) }),
                statement.resources.contains(where: { Self.matches(pattern: $0, resource) })
            else { continue }
            if !statement.allow { return false }
            decision = true
        }
        return decision
    }

    /// Whether a set of policies lets `account` do `action` on `resource`: some allow, none deny.
    static func allows(_ policies: [SharePolicy], account: String, action: String, resource: String) -> Bool {
        let decisions = policies.compactMap { $0.decision(account: account, action: action, resource: resource) }
        return decisions.contains(true) && !decisions.contains(false)
    }

    private static func names(account: String, principal: String) -> Bool {
        if principal == "*" || principal == account { return true }
        let parts = principal.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 6 && parts[0] == "arn" && parts[4] == account
    }

    private static func principals(_ value: Any?) -> [String] {
        if let text = value as? String { return [text] }
        if let object = value as? [String: Any] { return strings(object["AWS"]) }
        return []
    }

    private static func strings(_ value: Any?) -> [String] {
        if let text = value as? String { return [text] }
        if let list = value as? [Any] { return list.compactMap { $0 as? String } }
        return []
    }

    /// Glob match with `*` (any run) and `?` (one character), case-insensitive for actions as IAM is.
    static func matches(pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased().unicodeScalars)
        let t = Array(text.lowercased().unicodeScalars)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
