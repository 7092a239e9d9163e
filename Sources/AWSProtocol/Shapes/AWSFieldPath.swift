/// The wire path of a member inside a request, such as `Plan.Stages[0].DurationInMinutes`.
public struct AWSFieldPath: Sendable, Hashable, CustomStringConvertible {
    /// The rendered path; empty for the request itself.
    public private(set) var description: String

    /// The path of the request itself.
    public init() {
        description = ""
    }

    /// A path made from a decoder's coding path.
    public init(codingPath: [any CodingKey]) {
        var path = AWSFieldPath()
        for key in codingPath {
            if let index = key.intValue {
                path = path.appending(index: index)
            } else {
                path = path.appending(key.stringValue)
            }
        }
        self = path
    }

    /// The path of a member of the value at this path.
    public func appending(_ member: String) -> AWSFieldPath {
        var copy = self
        copy.description = description.isEmpty ? member : description + "." + member
        return copy
    }

    /// The path of an element of the list at this path.
    public func appending(index: Int) -> AWSFieldPath {
        var copy = self
        copy.description = description + "[\(index)]"
        return copy
    }

    /// The path of a value of the map at this path.
    public func appending(key: String) -> AWSFieldPath {
        var copy = self
        copy.description = description + "[\"\(key)\"]"
        return copy
    }
}
