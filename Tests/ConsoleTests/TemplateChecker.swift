import Foundation

@testable import Console

/// Walks a template as the renderer would, against a fixture, and reports every tag whose name the fixture's types do
/// not have — the check that a typo or a missing view-model field cannot silently render empty.
///
/// Fixtures must be full: every optional set and every list non-empty, so that each section is entered.
struct TemplateChecker {
    let sources: [String: String]
    private(set) var problems: [String] = []

    init(sources: [String: String]) {
        self.sources = sources
    }

    private static let tag: NSRegularExpression? = try? NSRegularExpression(pattern: #"\{\{([#^/<>$&]?)\s*([^}]+?)\s*\}\}"#)

    mutating func check(_ template: String, root: Any) {
        guard let source = sources[template] else {
            problems.append("\(template): no such template")
            return
        }
        walk(source, name: template, stack: [root])
    }

    private mutating func walk(_ source: String, name: String, stack initial: [Any]) {
        var stack = initial
        var pushed: [Bool] = []
        let range = NSRange(source.startIndex..., in: source)
        guard let tag = Self.tag else {
            problems.append("the tag pattern does not compile")
            return
        }
        for match in tag.matches(in: source, range: range) {
            guard let kindRange = Range(match.range(at: 1), in: source), let nameRange = Range(match.range(at: 2), in: source) else { continue }
            let kind = String(source[kindRange])
            let key = String(source[nameRange])
            switch kind {
            case "<", "$":
                pushed.append(false)
            case ">":
                if let partial = sources[key] { walk(partial, name: key, stack: stack) } else { problems.append("\(name): partial \(key) missing") }
            case "#", "^":
                let (transform, path) = Self.split(key)
                guard let value = resolve(path, in: stack) else {
                    problems.append("\(name): section {{\(kind)\(key)}} does not resolve")
                    pushed.append(false)
                    continue
                }
                if transform != nil || kind == "^" {
                    pushed.append(false)
                    continue
                }
                let unwrapped = Self.unwrap(value)
                if let array = unwrapped as? [Any] {
                    if let first = array.first {
                        stack.append(first)
                        pushed.append(true)
                    } else {
                        problems.append("\(name): fixture list \(key) is empty")
                        pushed.append(false)
                    }
                } else if unwrapped is Bool {
                    pushed.append(false)
                } else if let unwrapped {
                    stack.append(unwrapped)
                    pushed.append(true)
                } else {
                    problems.append("\(name): fixture leaves \(key) nil")
                    pushed.append(false)
                }
            case "/":
                if pushed.popLast() == true { stack.removeLast() }
            default:
                if key == "." { continue }
                let (_, path) = Self.split(key)
                guard let value = resolve(path, in: stack) else {
                    problems.append("\(name): {{\(key)}} does not resolve")
                    continue
                }
                if Self.unwrap(value) == nil { problems.append("\(name): fixture leaves {{\(key)}} nil") }
            }
        }
    }

    /// `empty(m.errors)` → ("empty", "m.errors").
    private static func split(_ key: String) -> (String?, String) {
        guard let open = key.firstIndex(of: "("), key.hasSuffix(")") else { return (nil, key) }
        return (String(key[..<open]), String(key[key.index(after: open)..<key.index(before: key.endIndex)]))
    }

    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }

    private func resolve(_ path: String, in stack: [Any]) -> Any? {
        if path == "." { return stack.last }
        let parts = path.split(separator: ".").map(String.init)
        for context in stack.reversed() {
            guard let first = Self.child(parts[0], of: context) else { continue }
            var value: Any? = first
            for part in parts.dropFirst() {
                value = value.flatMap { Self.unwrap($0) }.flatMap { Self.child(part, of: $0) }
            }
            return value
        }
        return nil
    }

    private static func child(_ name: String, of value: Any) -> Any? {
        guard let value = unwrap(value) else { return nil }
        return Mirror(reflecting: value).children.first { $0.label == name }?.value
    }
}
