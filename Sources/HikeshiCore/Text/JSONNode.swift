/// A JSON value as ``JSONReader`` reads it: numbers keep their text (each reader of them picks its own type and
/// range), objects keep their members in document order.
public enum JSONNode: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number's text, as it matched the JSON grammar (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`).
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONNode])
    /// An object.
    case object(JSONObject)
}

/// The members of a JSON object, in document order, keys unique.
public struct JSONObject: Sendable {
    /// Objects with more members than this get a key index; smaller ones are searched in order.
    static let indexedSize = 16

    /// The members, in document order.
    public let members: [(key: String, value: JSONNode)]
    /// Key to position, for objects of more than ``indexedSize`` members, so that reading a large one stays linear.
    @usableFromInline let index: [String: Int]?

    /// The object without members.
    static let empty = JSONObject(members: [], index: nil)

    private init(members: [(key: String, value: JSONNode)], index: [String: Int]?) {
        self.members = members
        self.index = index
    }

    /// Collects `members`, or `nil` when a key repeats and `keepingFirst` is false; when it is true, the first
    /// member of each key is kept. Members without repeats (the usual case) are kept as they are, not copied.
    static func collecting(_ members: [(key: String, value: JSONNode)], keepingFirst: Bool) -> JSONObject? {
        guard members.count > indexedSize else {
            for position in members.indices.dropFirst() where members[..<position].contains(where: { $0.key == members[position].key }) {
                return keepingFirst ? JSONObject(members: firstOfEachKey(members), index: nil) : nil
            }
            return JSONObject(members: members, index: nil)
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (position, member) in members.enumerated() where index.updateValue(position, forKey: member.key) != nil {
            guard keepingFirst else { return nil }
            let unique = firstOfEachKey(members)
            return JSONObject(members: unique, index: Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1.key, $0) }))
        }
        return JSONObject(members: members, index: index)
    }

    private static func firstOfEachKey(_ members: [(key: String, value: JSONNode)]) -> [(key: String, value: JSONNode)] {
        var seen = Set<String>()
        return members.filter { seen.insert($0.key).inserted }
    }

    /// The member named `key`.
    @inlinable
    public subscript(key: String) -> JSONNode? {
        if let index {
            return index[key].map { members[$0].value }
        }
        return members.first { $0.key == key }?.value
    }
}
