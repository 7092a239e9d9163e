import Foundation

/// Resource policies of migrated objects.
public enum MigrationPolicy {
    /// A policy document with the `service` ARNs of the source account (its `Resource`s: the object and what belongs
    /// to it) moved to `account`; the principals it shares with are kept.
    public static func rehomed(_ document: String, service: String, from sourceAccount: String?, to account: String) -> String {
        guard let sourceAccount, sourceAccount != account,
            let regex = try? NSRegularExpression(
                pattern: "(arn:[^:\"\\s]*:" + NSRegularExpression.escapedPattern(for: service) + ":[^:\"\\s]*:)"
                    + NSRegularExpression.escapedPattern(for: sourceAccount) + ":")
        else { return document }
        return regex.stringByReplacingMatches(
            in: document, range: NSRange(document.startIndex..., in: document),
            withTemplate: "$1" + NSRegularExpression.escapedTemplate(for: account) + ":")
    }
}
