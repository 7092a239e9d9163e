/// The JSONPath subset runbook outputs use: `$`, `.name`, `['name']`, `[n]`, and a deep scan `..name` (whose result is
/// always a list).
public struct JSONSelector: Sendable, Equatable {
    enum Segment: Equatable {
        case member(String)
        case index(Int)
        case deep(String)
    }

    let segments: [Segment]

    /// Reads a selector; `nil` when it is not of the subset.
    public init?(_ text: String) {
        var characters = Substring(text)
        guard characters.first == "$" else { return nil }
        characters = characters.dropFirst()
        var segments: [Segment] = []
        while let first = characters.first {
            if characters.hasPrefix("..") {
                characters = characters.dropFirst(2)
                let name = characters.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                segments.append(.deep(String(name)))
                characters = characters.dropFirst(name.count)
            } else if first == "." {
                characters = characters.dropFirst()
                let name = characters.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                segments.append(.member(String(name)))
                characters = characters.dropFirst(name.count)
            } else if first == "[" {
                guard let close = characters.firstIndex(of: "]") else { return nil }
                let inner = characters[characters.index(after: characters.startIndex)..<close]
                if let number = Int(inner), number >= 0 {
                    segments.append(.index(number))
                } else if inner.count >= 2, let quote = inner.first, quote == "'" || quote == "\"", inner.last == quote {
                    segments.append(.member(String(inner.dropFirst().dropLast())))
                } else {
                    return nil
                }
                characters = characters[characters.index(after: close)...]
            } else {
                return nil
            }
        }
        self.segments = segments
    }

    /// The selected value; `nil` when the path leads nowhere.
    public func select(in value: DocumentValue) -> DocumentValue? {
        var current: [DocumentValue] = [value]
        var isList = false
        for segment in segments {
            var next: [DocumentValue] = []
            switch segment {
            case .member(let name):
                next = current.compactMap { $0.object?[name] }
            case .index(let number):
                next = current.compactMap { item in item.array.flatMap { number < $0.count ? $0[number] : nil } }
            case .deep(let name):
                isList = true
                for item in current { Self.collect(name, in: item, into: &next) }
            }
            current = next
        }
        if isList { return .array(current) }
        return current.first
    }

    private static func collect(_ name: String, in value: DocumentValue, into found: inout [DocumentValue]) {
        switch value {
        case .object(let fields):
            for key in fields.keys.sorted() {
                guard let child = fields[key] else { continue }
                if key == name { found.append(child) }
                collect(name, in: child, into: &found)
            }
        case .array(let items):
            for item in items { collect(name, in: item, into: &found) }
        case .string, .number, .bool, .null:
            break
        }
    }
}
