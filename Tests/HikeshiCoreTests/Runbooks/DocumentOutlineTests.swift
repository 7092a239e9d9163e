import Foundation
import HikeshiCore
import Testing

@Suite("Document content rules")
struct DocumentOutlineTests {
    static func step(_ name: String, _ action: String = "aws:pause", _ extra: [String: DocumentValue] = [:]) -> DocumentValue {
        .object(["name": .string(name), "action": .string(action)].merging(extra) { $1 })
    }

    static func runbook(steps: [DocumentValue], parameters: [String: DocumentValue] = [:], schema: String = "0.3") -> DocumentValue {
        .object(["schemaVersion": .string(schema), "parameters": .object(parameters), "mainSteps": .array(steps)])
    }

    static func refusal(_ value: DocumentValue, kind: DocumentKind = .automation) -> DocumentContentError? {
        do {
            _ = try DocumentOutline.read(value, kind: kind)
            return nil
        } catch {
            return error
        }
    }

    @Test("a runbook's parameters and steps are read, defaults as text")
    func reads() throws {
        let outline = try DocumentOutline.read(
            Self.runbook(
                steps: [
                    Self.step("A", "aws:pause", ["nextStep": .string("B")]),
                    Self.step("B", "aws:sleep", ["inputs": .object(["Duration": .string("PT1M")])]),
                ],
                parameters: [
                    "Count": .object(["type": .string("Integer"), "default": .number(3)]),
                    "Hosts": .object(["type": .string("StringList"), "default": .array([.string("a"), .string("b")])]),
                ]),
            kind: .automation)
        #expect(outline.schemaVersion == "0.3" && outline.steps.map(\.name) == ["A", "B"])
        #expect(outline.parameters.map(\.name) == ["Count", "Hosts"])
        #expect(outline.parameters.map(\.defaultValue) == ["3", #"["a", "b"]"#])
        #expect(outline.parameters.map(\.type) == [.integer, .stringList])
    }

    @Test("refusals name the step or field at fault")
    func refusals() {
        #expect(Self.refusal(Self.runbook(steps: [Self.step("A")], schema: "2.2"))?.kind == .invalidSchemaVersion)
        #expect(Self.refusal(Self.runbook(steps: []))?.message.contains("mainSteps") == true)
        #expect(Self.refusal(Self.runbook(steps: [Self.step("A"), Self.step("A")]))?.message.contains("A is used twice") == true)
        #expect(Self.refusal(Self.runbook(steps: [Self.step("A", "aws:runCommand")]))?.message.contains("aws:runCommand") == true)
        #expect(Self.refusal(Self.runbook(steps: [Self.step("A", "aws:pause", ["nextStep": .string("Z")])]))?.message.contains("Z") == true)
        #expect(
            Self.refusal(Self.runbook(steps: [Self.step("A", "aws:pause", ["onCancel": .string("step:Q")])]))?.message.contains("step:Q") == true)
        let branch = Self.step(
            "A", "aws:branch",
            [
                "inputs": .object([
                    "Choices": .array([
                        .object(["NextStep": .string("Lost"), "Variable": .string("{{ global:REGION }}"), "StringEquals": .string("x")])
                    ])
                ])
            ])
        #expect(Self.refusal(Self.runbook(steps: [branch]))?.message.contains("Lost") == true)
        let badType = Self.runbook(steps: [Self.step("A")], parameters: ["P": .object(["type": .string("Float")])])
        #expect(Self.refusal(badType)?.message.contains("Parameter P") == true)
        #expect(Self.refusal(.array([]))?.kind == .invalidContent)
    }

    @Test("an analysis template needs a schema version but no steps")
    func analysisTemplate() throws {
        let outline = try DocumentOutline.read(.object(["schemaVersion": .string("1.0")]), kind: .problemAnalysisTemplate)
        #expect(outline.steps.isEmpty && outline.schemaVersion == "1.0")
        #expect(Self.refusal(.object([:]), kind: .problemAnalysis)?.kind == .invalidSchemaVersion)
    }
}

@Suite("Document versions")
struct RunbookDocumentTests {
    @Test("versions are numbered on, up to the limit; the default moves only when asked")
    func versions() {
        var document = RunbookDocument(
            accountID: "111111111111", region: "us-east-1", name: "Triage", kind: .automation, displayName: nil, targetType: nil, defaultVersion: 1,
            latestVersion: 1, createdAt: Date(timeIntervalSince1970: 0))
        #expect(document.nextVersion() == 2 && document.latestVersion == 2 && document.defaultVersion == 1)
        document.makeDefault(2)
        #expect(document.defaultVersion == 2)
        var full = document
        while full.nextVersion() != nil {}
        #expect(full.latestVersion == RunbookDocument.versionLimit && full.nextVersion() == nil)
    }
}
