import Foundation
import HikeshiCore
import Yams

/// Reading document content (JSON or YAML) into ``DocumentValue``s, and writing it in the other format.
enum DocumentText {
    /// The parsed content; text that is not the format it claims is `InvalidDocumentContent`.
    static func parse(_ content: String, format: DocumentContentFormat) throws -> DocumentValue {
        switch format {
        case .json:
            guard DocumentValue.nestingDepth(of: content) < depthLimit else {
                throw RunbooksError.invalidContent("The document nests deeper than \(depthLimit) levels")
            }
            do {
                return try JSONDecoder().decode(DocumentValue.self, from: Data(content.utf8))
            } catch {
                throw RunbooksError.invalidContent("The content is not valid JSON")
            }
        case .yaml:
            guard !YAMLAliasScan.usesAliases(content) else {
                throw RunbooksError.invalidContent("YAML anchors and aliases are not allowed in documents")
            }
            let node: Node?
            do {
                node = try Yams.compose(yaml: content)
            } catch {
                throw RunbooksError.invalidContent("The content is not valid YAML")
            }
            guard let node else { throw RunbooksError.invalidContent("The content is empty") }
            return try value(of: node)
        }
    }

    /// The content written in `format` (the same text when it is already in it).
    static func render(_ content: String, from source: DocumentContentFormat, as target: DocumentContentFormat) throws -> String {
        guard source != target else { return content }
        let value = try parse(content, format: source)
        switch target {
        case .json:
            let data = try JSONEncoder.documents.encode(value)
            return String(decoding: data, as: UTF8.self)
        case .yaml:
            return try Yams.serialize(node: node(of: value), sortKeys: true)
        }
    }

    /// The most values one document may hold, and the deepest nesting: YAML aliases can make a 64 KB text stand for
    /// billions of values, and a deep text would exhaust the stack.
    static let valueBudget = 100_000
    static let depthLimit = 64

    private static func value(of node: Node) throws -> DocumentValue {
        var budget = valueBudget
        return try value(of: node, depth: 0, budget: &budget)
    }

    private static func value(of node: Node, depth: Int, budget: inout Int) throws -> DocumentValue {
        budget -= 1
        guard budget >= 0 else { throw RunbooksError.invalidContent("The document holds more than \(valueBudget) values") }
        guard depth < depthLimit else { throw RunbooksError.invalidContent("The document nests deeper than \(depthLimit) levels") }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any {
                if scalar.string == "~" || scalar.string == "null" || scalar.string.isEmpty { return .null }
                // YAML 1.2's core schema: only true and false are booleans. `yes`, `no`, `on` and `off` (YAML 1.1) stay
                // strings, so a default of `no` is not silently turned into false.
                if let bool = Self.yamlBoolean(scalar.string) { return .bool(bool) }
                if let int = Int.construct(from: scalar) { return .number(Double(int)) }
                if let double = Double.construct(from: scalar), scalar.string.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true {
                    return .number(double)
                }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var values: [DocumentValue] = []
            for item in sequence {
                values.append(try value(of: item, depth: depth + 1, budget: &budget))
            }
            return .array(values)
        case .mapping(let mapping):
            var fields: [String: DocumentValue] = [:]
            for (key, item) in mapping {
                guard let name = key.scalar?.string else { throw RunbooksError.invalidContent("A mapping key must be a string") }
                fields[name] = try value(of: item, depth: depth + 1, budget: &budget)
            }
            return .object(fields)
        case .alias:
            // Composing resolves aliases, and YAMLAliasScan refuses them before; kept for completeness.
            throw RunbooksError.invalidContent("YAML anchors and aliases are not allowed in documents")
        }
    }

    /// The boolean a plain YAML scalar spells under YAML 1.2's core schema.
    static func yamlBoolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    private static func node(of value: DocumentValue) -> Node {
        switch value {
        case .string(let string): Node(string, Tag(.str), .doubleQuoted)
        case .number, .bool: Node(value.plainText)
        case .null: Node("null")
        case .array(let values): Node(values.map(node(of:)))
        case .object(let fields): Node(fields.keys.sorted().map { (Node($0), node(of: fields[$0] ?? .null)) })
        }
    }
}

extension JSONEncoder {
    /// The encoder for converted document content: sorted keys, readable.
    fileprivate static let documents: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // YAML can say .nan and .inf; JSON cannot, so they travel as strings.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }()
}
