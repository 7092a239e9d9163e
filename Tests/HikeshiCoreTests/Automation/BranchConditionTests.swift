import Foundation
import Testing

@testable import HikeshiCore

@Suite("BranchCondition: aws:branch's choices and operators")
struct BranchConditionTests {
    typealias F = AutomationFixtures

    /// Whether `op` holds for a variable whose value is `actual` against `expected`.
    static func holds(_ op: BranchOperator, _ actual: DocumentValue, _ expected: DocumentValue) -> Bool {
        BranchCondition.compare(variable: "{{ X }}", op, expected).holds { $0 == "{{ X }}" ? actual : nil }
    }

    @Test(
        "each operator compares as it says",
        arguments: [
            (BranchOperator.stringEquals, DocumentValue.string("web"), DocumentValue.string("web"), true),
            (.stringEquals, .string("web"), .string("Web"), false),
            (.stringEquals, .number(5), .string("5"), true),
            (.stringEquals, .bool(true), .string("true"), true),
            (.stringEquals, .array([.string("a"), .string("b")]), .string(#"["a", "b"]"#), true),
            (.equalsIgnoreCase, .string("Running"), .string("RUNNING"), true),
            (.equalsIgnoreCase, .string("Running"), .string("runnin"), false),
            (.startsWith, .string("prod-eu-1"), .string("prod"), true),
            (.startsWith, .string("eu-prod"), .string("prod"), false),
            (.startsWith, .string("prod"), .string("Prod"), false),
            (.endsWith, .string("app.log"), .string(".log"), true),
            (.endsWith, .string("app.log.gz"), .string(".log"), false),
            (.contains, .string("web-01-eu"), .string("01"), true),
            (.contains, .string("web-02-eu"), .string("01"), false),
            (.numericEquals, .number(5), .number(5), true),
            (.numericEquals, .string("5"), .number(5), true),
            (.numericEquals, .string(" 5.0 "), .string("5"), true),
            (.numericEquals, .number(5), .number(6), false),
            (.numericEquals, .string("five"), .number(5), false),
            (.numericEquals, .bool(true), .number(1), false),
            (.numericEquals, .array([.number(5)]), .number(5), false),
            (.numericGreater, .number(6), .number(5), true),
            (.numericGreater, .number(5), .number(5), false),
            (.numericGreater, .string("10"), .string("9"), true),
            (.numericLesser, .number(4), .number(5), true),
            (.numericLesser, .number(5), .number(5), false),
            (.numericLesser, .string("10"), .number(9), false),
            (.numericGreaterOrEquals, .number(5), .number(5), true),
            (.numericGreaterOrEquals, .number(4.9), .number(5), false),
            (.numericLesserOrEquals, .number(5), .number(5), true),
            (.numericLesserOrEquals, .number(5.1), .number(5), false),
            (.booleanEquals, .bool(true), .bool(true), true),
            (.booleanEquals, .bool(false), .bool(true), false),
            (.booleanEquals, .string("TRUE"), .bool(true), true),
            (.booleanEquals, .string("false"), .bool(false), true),
            (.booleanEquals, .string("yes"), .bool(true), false),
            (.booleanEquals, .number(1), .bool(true), false),
        ])
    func operators(op: BranchOperator, actual: DocumentValue, expected: DocumentValue, result: Bool) {
        #expect(Self.holds(op, actual, expected) == result)
    }

    @Test("a variable with no value never matches, whatever the operator")
    func unresolved() {
        for op in BranchOperator.allCases {
            let condition = BranchCondition.compare(variable: "{{ Missing }}", op, op == .booleanEquals ? .bool(false) : .string(""))
            #expect(!condition.holds { _ in nil }, "\(op)")
        }
    }

    @Test("And needs all, Or any, Not the opposite")
    func combinations() {
        let yes = BranchCondition.compare(variable: "{{ A }}", .stringEquals, .string("a"))
        let no = BranchCondition.compare(variable: "{{ A }}", .stringEquals, .string("b"))
        let resolve: (String) -> DocumentValue? = { $0 == "{{ A }}" ? .string("a") : nil }
        #expect(BranchCondition.and([yes, yes]).holds(resolve))
        #expect(!BranchCondition.and([yes, no]).holds(resolve))
        #expect(BranchCondition.or([no, yes]).holds(resolve))
        #expect(!BranchCondition.or([no, no]).holds(resolve))
        #expect(BranchCondition.not(no).holds(resolve))
        #expect(!BranchCondition.not(yes).holds(resolve))
        #expect(BranchCondition.not(.and([yes, no])).holds(resolve))
        #expect(BranchCondition.not(.compare(variable: "{{ Missing }}", .stringEquals, .string("x"))).holds(resolve))
    }

    @Test("Choices are read in order with their NextStep, conditions nested as written")
    func readsChoices() throws {
        let inputs = try #require(
            F.value(
                #"""
                {"Choices": [
                  {"NextStep": "Big", "Variable": "{{ Size }}", "NumericGreater": 100},
                  {"NextStep": "Mixed", "And": [
                    {"Variable": "{{ Env }}", "StringEquals": "prod"},
                    {"Not": {"Variable": "{{ Quiet }}", "BooleanEquals": true}},
                    {"Or": [{"Variable": "{{ Host }}", "StartsWith": "web"}, {"Variable": "{{ Host }}", "EndsWith": "-db"}]}
                  ]}
                 ],
                 "Default": "Small"}
                """#
            ).object)
        let (choices, fallback) = try BranchChoice.read(inputs, step: "Route")
        #expect(fallback == "Small")
        #expect(
            choices == [
                BranchChoice(nextStep: "Big", condition: .compare(variable: "{{ Size }}", .numericGreater, .number(100))),
                BranchChoice(
                    nextStep: "Mixed",
                    condition: .and([
                        .compare(variable: "{{ Env }}", .stringEquals, .string("prod")),
                        .not(.compare(variable: "{{ Quiet }}", .booleanEquals, .bool(true))),
                        .or([
                            .compare(variable: "{{ Host }}", .startsWith, .string("web")),
                            .compare(variable: "{{ Host }}", .endsWith, .string("-db")),
                        ]),
                    ])),
            ])
    }

    @Test(
        "a choice that is not a readable condition is refused, naming where",
        arguments: [
            (
                #"{"NextStep": "B", "StringEquals": "x"}"#,
                #"Step R: inputs.Choices[0] needs a Variable ("{{ … }}") and an operator, or And, Or or Not"#
            ),
            (
                #"{"NextStep": "B", "Variable": 5, "StringEquals": "x"}"#,
                #"Step R: inputs.Choices[0] needs a Variable ("{{ … }}") and an operator, or And, Or or Not"#
            ),
            (
                #"{"NextStep": "B", "Variable": "{{ X }}"}"#,
                "Step R: inputs.Choices[0] must have exactly one operator, one of StringEquals, EqualsIgnoreCase, StartsWith, EndsWith, Contains, NumericEquals, NumericGreater, NumericLesser, NumericGreaterOrEquals, NumericLesserOrEquals, BooleanEquals; it has "
            ),
            (
                #"{"NextStep": "B", "Variable": "{{ X }}", "StringEquals": "x", "Contains": "y"}"#,
                "Step R: inputs.Choices[0] must have exactly one operator, one of StringEquals, EqualsIgnoreCase, StartsWith, EndsWith, Contains, NumericEquals, NumericGreater, NumericLesser, NumericGreaterOrEquals, NumericLesserOrEquals, BooleanEquals; it has Contains, StringEquals"
            ),
            (
                #"{"NextStep": "B", "Variable": "{{ X }}", "Equals": "x"}"#,
                "Step R: inputs.Choices[0] must have exactly one operator, one of StringEquals, EqualsIgnoreCase, StartsWith, EndsWith, Contains, NumericEquals, NumericGreater, NumericLesser, NumericGreaterOrEquals, NumericLesserOrEquals, BooleanEquals; it has Equals"
            ),
            (#"{"NextStep": "B", "Variable": "{{ X }}", "NumericEquals": "ten"}"#, "Step R: inputs.Choices[0].NumericEquals compares with a number"),
            (#"{"NextStep": "B", "Variable": "{{ X }}", "NumericLesser": true}"#, "Step R: inputs.Choices[0].NumericLesser compares with a number"),
            (
                #"{"NextStep": "B", "Variable": "{{ X }}", "BooleanEquals": "true"}"#,
                "Step R: inputs.Choices[0].BooleanEquals compares with true or false"
            ),
            (#"{"NextStep": "B", "Variable": "{{ X }}", "StringEquals": 5}"#, "Step R: inputs.Choices[0].StringEquals compares with a string"),
            (#"{"NextStep": "B", "Variable": "{{ X }}", "Contains": ["a"]}"#, "Step R: inputs.Choices[0].Contains compares with a string"),
            (#"{"NextStep": "B", "And": []}"#, "Step R: inputs.Choices[0]: And/Or takes a list of conditions"),
            (
                #"{"NextStep": "B", "Or": {"Variable": "{{ X }}", "StringEquals": "x"}}"#,
                "Step R: inputs.Choices[0]: And/Or takes a list of conditions"
            ),
            (#"{"NextStep": "B", "And": ["x"]}"#, "Step R: inputs.Choices[0][0] must be a mapping"),
            (#"{"NextStep": "B", "Not": "x"}"#, "Step R: inputs.Choices[0].Not must be a mapping"),
            (
                #"{"NextStep": "B", "And": [{"Variable": "{{ X }}", "StringEquals": "x"}, {"Not": {"Variable": "{{ X }}"}}]}"#,
                "Step R: inputs.Choices[0][1].Not must have exactly one operator, one of StringEquals, EqualsIgnoreCase, StartsWith, EndsWith, Contains, NumericEquals, NumericGreater, NumericLesser, NumericGreaterOrEquals, NumericLesserOrEquals, BooleanEquals; it has "
            ),
        ])
    func refusals(choice: String, message: String) throws {
        let inputs = try #require(F.value(#"{"Choices": [\#(choice)]}"#).object)
        #expect(throws: DocumentContentError(.invalidContent, message)) { try BranchChoice.read(inputs, step: "R") }
    }

    @Test("numeric comparisons take numbers, numeric text or a reference")
    func numericValues() throws {
        for value in ["5", #""5""#, #""-2.5""#, #""{{ Limit }}""#] {
            let inputs = try #require(F.value(#"{"Choices": [{"NextStep": "B", "Variable": "{{ X }}", "NumericEquals": \#(value)}]}"#).object)
            #expect(throws: Never.self) { try BranchChoice.read(inputs, step: "R") }
        }
    }

    @Test("a numeric comparison with a reference compares with the reference's value")
    func referenceValue() {
        let condition = BranchCondition.compare(variable: "{{ Load }}", .numericGreater, .string("{{ Limit }}"))
        let values: [String: DocumentValue] = ["{{ Load }}": .number(80), "{{ Limit }}": .number(75)]
        #expect(condition.holds { values[$0] })
        let lower: [String: DocumentValue] = ["{{ Load }}": .number(70), "{{ Limit }}": .number(75)]
        #expect(!condition.holds { lower[$0] })
        #expect(!condition.holds { $0 == "{{ Load }}" ? .number(80) : nil }, "a reference with no value never matches")
        let text = BranchCondition.compare(variable: "{{ Host }}", .startsWith, .string("{{ Env }}-"))
        let names: [String: DocumentValue] = ["{{ Host }}": .string("prod-web-1"), "{{ Env }}-": .string("prod-")]
        #expect(text.holds { names[$0] }, "a text value with a reference is compared as resolved")
        #expect(
            !BranchCondition.compare(variable: "{{ Host }}", .stringEquals, .string("{{ Env }}")).holds {
                $0 == "{{ Host }}" ? .string("{{ Env }}") : nil
            })
    }
}
