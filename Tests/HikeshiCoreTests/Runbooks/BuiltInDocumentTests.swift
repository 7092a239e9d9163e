import Foundation
import HikeshiCore
import Testing

@Suite("Built-in documents and parameter defaults")
struct BuiltInDocumentTests {
    /// JSON text as a ``DocumentValue``, through Foundation's decoder (independent of the document's own writer).
    static func value(_ json: String) throws -> DocumentValue {
        try JSONDecoder().decode(Decoded.self, from: Data(json.utf8)).value
    }

    private struct Decoded: Decodable {
        var value: DocumentValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let bool = try? container.decode(Bool.self) {
                value = .bool(bool)
            } else if let number = try? container.decode(Double.self) {
                value = .number(number)
            } else if let string = try? container.decode(String.self) {
                value = .string(string)
            } else if let array = try? container.decode([Decoded].self) {
                value = .array(array.map(\.value))
            } else {
                value = .object(try container.decode([String: Decoded].self).mapValues(\.value))
            }
        }
    }

    @Test("every built-in document passes the content rules of its kind", arguments: BuiltInDocument.all)
    func builtInsAreValid(_ document: BuiltInDocument) throws {
        let outline = try DocumentOutline.read(try Self.value(document.content), kind: document.kind)
        #expect(outline.description?.isEmpty == false)
        if document.name.hasPrefix(BuiltInDocument.criticalIncidentRunbookName) {
            #expect(outline.steps.map(\.name) == ["Triage", "Diagnosis", "Mitigation", "Recovery"])
            #expect(Set(outline.steps.map(\.action)) == ["aws:pause"])
        }
    }

    @Test("the templates come in four languages, the helper once")
    func names() {
        let names = Set(BuiltInDocument.all.map(\.name))
        for base in [BuiltInDocument.criticalIncidentRunbookName, BuiltInDocument.postIncidentAnalysisTemplateName] {
            #expect(names.isSuperset(of: [base, base + "-ja", base + "-ko", base + "-zh"]))
        }
        #expect(names.contains(BuiltInDocument.extractInstanceIdFromArnName))
        #expect(names.count == BuiltInDocument.all.count)
    }

    @Test(
        "defaults are written as text: lists and maps as JSON, booleans true/false",
        arguments: [
            (DocumentValue.array([.string("a"), .string("b")]), #"["a", "b"]"#),
            (.object(["k": .string("v"), "n": .number(1)]), #"{"k": "v", "n": 1}"#),
            (.array([.object(["q": .string("say \"hi\"\n")])]), #"[{"q": "say \"hi\"\n"}]"#),
            (.bool(false), "false"),
            (.number(3), "3"),
            (.string("plain"), "plain"),
        ])
    func defaults(_ value: DocumentValue, _ text: String) {
        #expect(value.defaultText == text)
    }

    @Test("a Boolean default must be a boolean and an Integer default a whole number")
    func typedDefaults() {
        for (type, fallback) in [("Boolean", DocumentValue.string("yes")), ("Integer", .number(2.5)), ("Integer", .string("3"))] {
            let content = DocumentValue.object([
                "schemaVersion": .string("0.3"),
                "parameters": .object(["P": .object(["type": .string(type), "default": fallback])]),
                "mainSteps": .array([.object(["name": .string("A"), "action": .string("aws:pause")])]),
            ])
            #expect(throws: DocumentContentError.self) { try DocumentOutline.read(content, kind: .automation) }
        }
    }
}

/// A built-in document shown by its name in the parameterized tests' names (not its content).
extension BuiltInDocument: CustomTestStringConvertible {
    /// The document name.
    public var testDescription: String { name }
}
