import Foundation

extension OpsItem {
    /// The operational-data key that holds the dedup string, as `{"dedupString":"…"}`.
    public static let dedupKey = "/aws/dedup"
    /// The operational-data key that lists affected resources, as `[{"arn":"…"}]`.
    public static let resourcesKey = "/aws/resources"
    /// The operational-data key that lists runbooks to run, as `[{"automationId":"…","automationType":"…"}]`.
    public static let automationsKey = "/aws/automations"
    /// Prefixes no operational-data key may start with (compared without regard to case), except the three keys above.
    public static let reservedKeyPrefixes = ["amazon", "aws", "amzn", "ssm", "/amazon", "/aws", "/amzn", "/ssm"]
    /// Words no source may contain (compared without regard to case).
    public static let reservedSourceWords = ["aws", "amazon", "amzn"]
    /// The largest operational-data value, in UTF-8 bytes (20 KB).
    public static let maximumDataValueBytes = 20 * 1024

    /// Refuses a source that names AWS.
    static func checkSource(_ source: String) throws(OpsItemRuleError) {
        let lowered = source.lowercased()
        if let word = reservedSourceWords.first(where: { lowered.contains($0) }) {
            throw OpsItemRuleError(["Source"], "The source cannot contain \(word)")
        }
    }

    /// Refuses a reserved key (other than `/aws/resources`, `/aws/automations` and `/aws/dedup`), a value over 20 KB,
    /// and a reserved key whose value is not the JSON it must be.
    static func checkOperationalData(key: String, _ entry: OperationalDataValue) throws(OpsItemRuleError) {
        if entry.value.utf8.count > maximumDataValueBytes {
            throw OpsItemRuleError(["OperationalData"], "The value of \(key) is larger than 20 KB")
        }
        switch key {
        case dedupKey:
            guard dedupString(in: entry.value) != nil else {
                throw OpsItemRuleError(["OperationalData"], #"The value of /aws/dedup must be {"dedupString":"…"} with a non-empty string"#)
            }
        case resourcesKey, automationsKey:
            guard jsonObjects(in: entry.value) != nil else {
                throw OpsItemRuleError(["OperationalData"], "The value of \(key) must be a JSON array of objects")
            }
        default:
            let lowered = key.lowercased()
            if let prefix = reservedKeyPrefixes.first(where: { lowered.hasPrefix($0) }) {
                throw OpsItemRuleError(["OperationalData"], "The operational data key \(key) starts with \(prefix), which is reserved")
            }
        }
    }

    /// The dedup string of a `/aws/dedup` value, or nil if the value is not `{"dedupString":"<non-empty>"}`.
    static func dedupString(in value: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any],
            let dedup = object["dedupString"] as? String, !dedup.trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        return dedup
    }

    /// The objects of a JSON array value, or nil if the value is not an array of objects.
    static func jsonObjects(in value: String) -> [[String: Any]]? {
        guard let array = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [Any] else { return nil }
        let objects = array.compactMap { $0 as? [String: Any] }
        return objects.count == array.count ? objects : nil
    }

    /// The string values of `field` in the objects of a JSON array entry (the ARNs of `/aws/resources`, the automation
    /// ids of `/aws/automations`); empty when the key is absent.
    public func strings(in key: String, field: String) -> [String] {
        guard let entry = operationalData[key], let objects = Self.jsonObjects(in: entry.value) else { return [] }
        return objects.compactMap { $0[field] as? String }
    }
}
