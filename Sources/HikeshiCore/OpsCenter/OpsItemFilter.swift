import Foundation

/// One DescribeOpsItems filter, checked when made: the operator must suit the key and every value must be readable.
/// A filter matches an item when any of its values does; filters combine with AND.
public struct OpsItemFilter: Sendable, Equatable {
    /// The field looked at.
    public var key: OpsItemFilterKey
    /// The comparison.
    public var comparison: OpsItemFilterOperator
    /// The values (any one may match).
    public var values: [String]
    private var instants: [Date]
    private var pairs: [OperationalDataPair]

    /// Equal for Title compares this many leading characters; a longer value is refused.
    public static let titlePrefixLength = 100

    /// A key and value of the `OperationalData` filter.
    private struct OperationalDataPair: Sendable, Equatable, Decodable {
        var key: String
        var value: String
    }

    /// Checks and creates a filter; `position` (1-based) names it in the error.
    public init(key: OpsItemFilterKey, comparison: OpsItemFilterOperator, values: [String], position: Int) throws(OpsItemRuleError) {
        let field = "OpsItemFilters.\(position)"
        guard key.operators.contains(comparison) else {
            throw OpsItemRuleError(
                ["\(field).Operator"],
                "The key \(key.rawValue) takes the operator \(key.operators.map(\.rawValue).joined(separator: " or ")), not \(comparison.rawValue)")
        }
        guard !values.isEmpty else {
            throw OpsItemRuleError(["\(field).Values"], "The filter on \(key.rawValue) needs at least one value")
        }
        self.key = key
        self.comparison = comparison
        self.values = values
        self.instants = []
        self.pairs = []
        switch key {
        case .createdTime, .lastModifiedTime, .actualStartTime, .actualEndTime, .plannedStartTime, .plannedEndTime:
            for value in values {
                guard let instant = Self.instant(value) else {
                    throw OpsItemRuleError(["\(field).Values"], "\(value) is not a time (ISO 8601, or seconds since 1970)")
                }
                instants.append(instant)
            }
        case .priority:
            if let bad = values.first(where: { Int($0).map { !(1...5).contains($0) } ?? true }) {
                throw OpsItemRuleError(["\(field).Values"], "\(bad) is not a priority (1 to 5)")
            }
        case .status:
            if let bad = values.first(where: { OpsItemStatus(rawValue: $0) == nil }) {
                throw OpsItemRuleError(["\(field).Values"], "\(bad) is not an OpsItem status")
            }
        case .title where comparison == .equal:
            if values.contains(where: { $0.count > Self.titlePrefixLength }) {
                throw OpsItemRuleError(["\(field).Values"], "Equal on Title compares the first 100 characters; the value is longer")
            }
        case .operationalData:
            for value in values {
                guard let pair = try? JSONDecoder().decode(OperationalDataPair.self, from: Data(value.utf8)) else {
                    throw OpsItemRuleError(["\(field).Values"], #"An OperationalData value is {"key":"…","value":"…"}"#)
                }
                pairs.append(pair)
            }
        default:
            break
        }
    }

    /// Whether the item passes the filter.
    public func matches(_ item: OpsItem) -> Bool {
        if key.selectsRequests { return false }
        switch key {
        case .createdTime: return compare(item.createdAt)
        case .lastModifiedTime: return compare(item.lastModifiedAt)
        case .actualStartTime: return compare(item.times.actualStart)
        case .actualEndTime: return compare(item.times.actualEnd)
        case .plannedStartTime: return compare(item.times.plannedStart)
        case .plannedEndTime: return compare(item.times.plannedEnd)
        case .status: return values.contains(item.status.rawValue)
        case .createdBy: return values.contains(item.createdBy)
        case .source: return compare([item.source])
        case .priority: return item.priority.map { values.contains(String($0)) } ?? false
        case .title: return compare([String(item.title.prefix(comparison == .equal ? Self.titlePrefixLength : item.title.count))])
        case .opsItemID: return values.contains(item.id)
        case .category: return item.category.map(values.contains) ?? false
        case .severity: return item.severity.map(values.contains) ?? false
        case .opsItemType: return values.contains(item.kind.rawValue)
        case .accountID: return values.contains(item.accountID)
        case .operationalData:
            let data = item.searchableData
            return pairs.contains { data[$0.key]?.value == $0.value }
        case .operationalDataKey: return values.contains { item.searchableData[$0] != nil }
        case .operationalDataValue: return compare(item.searchableData.values.map(\.value))
        case .resourceID: return compare(item.strings(in: OpsItem.resourcesKey, field: "arn"))
        case .automationID: return compare(item.strings(in: OpsItem.automationsKey, field: "automationId"))
        default: return false
        }
    }

    /// Whether any of `fields` equals or contains one of the values, as the operator says.
    private func compare(_ fields: [String]) -> Bool {
        fields.contains { field in
            values.contains { value in
                comparison == .contains ? field.range(of: value, options: .caseInsensitive) != nil : field == value
            }
        }
    }

    /// Whether the time is after (or before) one of the values; an absent time matches nothing.
    private func compare(_ time: Date?) -> Bool {
        guard let time else { return false }
        return instants.contains { comparison == .greaterThan ? time > $0 : time < $0 }
    }

    /// A filter value as a time: ISO 8601 (with or without fractional seconds; UTC when no zone is given) or seconds
    /// since 1970.
    static func instant(_ text: String) -> Date? {
        if let seconds = Double(text), seconds.isFinite { return Date(timeIntervalSince1970: seconds) }
        if let date = ISODuration.timestamp(text) { return date }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withFullDate, .withTime, .withDashSeparatorInDate, .withColonSeparatorInTime],
            [.withFullDate, .withDashSeparatorInDate],
        ] {
            formatter.formatOptions = options
            formatter.timeZone = TimeZone(identifier: "UTC")
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
