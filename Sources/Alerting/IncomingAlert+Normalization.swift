import HikeshiCore

extension IncomingAlert {
    /// The impact (1…5) that a severity word suggests, case-insensitively: `critical`, `crit`, `fatal`, `emergency`,
    /// `page`, `p1`, `sev1` → 1; `high`, `error`, `major`, `p2`, `sev2` → 2; `warning`, `warn`, `medium`,
    /// `moderate`, `p3`, `sev3` → 3; `low`, `minor`, `p4`, `sev4` → 4; `info`, `informational`, `notice`, `none`,
    /// `ok`, `p5`, `sev5` → 5; the digits `1`…`5` as they are. Anything else suggests nothing.
    ///
    /// - Parameter severity: The severity word, e.g. a Prometheus `severity` label.
    /// - Returns: The impact, or `nil`.
    public static func impactHint(severity: String) -> Int? {
        switch severity.trimmingWhitespace().lowercased() {
        case "1", "critical", "crit", "fatal", "emergency", "emerg", "alert", "page", "p1", "sev1", "sev-1": 1
        case "2", "high", "error", "err", "major", "p2", "sev2", "sev-2": 2
        case "3", "warning", "warn", "medium", "moderate", "p3", "sev3", "sev-3": 3
        case "4", "low", "minor", "p4", "sev4", "sev-4": 4
        case "5", "info", "informational", "notice", "none", "ok", "p5", "sev5", "sev-5": 5
        default: nil
        }
    }

    /// Whether text can be an ssm-incidents `triggerArn`: at most 1000 scalars matching
    /// `arn:aws(-cn|-us-gov)?:[a-z0-9-]*:[a-z0-9-]*:([0-9]{12})?:.+`.
    ///
    /// - Parameter text: The candidate ARN.
    /// - Returns: Whether it matches the pattern.
    public static func isTriggerArn(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 1000, let arn = ARN(text), arn.description == text else { return false }
        guard ["aws", "aws-cn", "aws-us-gov"].contains(arn.partition) else { return false }
        let lowerDigitsHyphen: (Character) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard arn.service.allSatisfy(lowerDigitsHyphen), arn.region.allSatisfy(lowerDigitsHyphen) else { return false }
        guard arn.account.isEmpty || (arn.account.count == 12 && arn.account.allSatisfy({ ("0"..."9").contains($0) })) else {
            return false
        }
        return true
    }

    /// Whether text looks like any ARN (`arn:partition:service:region:account:resource`), e.g. in a label value.
    static func looksLikeArn(_ text: String) -> Bool {
        guard text.hasPrefix("arn:"), !text.contains(where: { $0.isWhitespace }) else { return false }
        return ARN(text) != nil
    }

    /// The alert with every field cut to what ssm-incidents accepts: source, title, summary, dedupe key, raw data.
    func bounded(dedupePrefix: String) -> IncomingAlert {
        var alert = self
        alert.source = Alerting.truncate(source, toScalars: Alerting.maximumSourceLength)
        let title = Alerting.nonEmpty(title) ?? "Untitled alert"
        alert.title = Alerting.truncate(Self.singleLine(title), toScalars: Alerting.maximumTitleLength)
        alert.summary = Alerting.nonEmpty(summary).map { Alerting.truncate($0, toScalars: Alerting.maximumSummaryLength) }
        alert.detailsSummary = Alerting.nonEmpty(detailsSummary).map { Alerting.truncate($0, toScalars: Alerting.maximumSummaryLength) }
        alert.dedupeKey = Alerting.boundedDedupeKey(dedupeKey, prefix: dedupePrefix)
        alert.rawData = Alerting.truncate(rawData, toUTF8Bytes: Alerting.maximumRawDataBytes)
        alert.triggerArn = triggerArn.flatMap { Self.isTriggerArn($0) ? $0 : nil }
        var seen: Set<String> = []
        alert.resources = resources.compactMap(Alerting.nonEmpty).filter { seen.insert($0).inserted }
        if let impact = impactHint, !(1...5).contains(impact) { alert.impactHint = nil }
        return alert
    }

    /// Text with its line breaks and tabs turned into single spaces.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
