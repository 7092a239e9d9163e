import Foundation
import Testing

@testable import HikeshiCore

@Suite("AutomationParameters: the start's strings as typed, checked values")
struct AutomationParametersTests {
    typealias F = AutomationFixtures

    static func resolve(_ declared: [String: RunbookParameter], _ given: [String: [String]]) throws(AutomationParameterError) -> [String:
        DocumentValue]
    {
        try AutomationParameters.resolve(declared, given: given)
    }

    /// The message resolving is refused with, or `nil`.
    static func refusal(_ declared: [String: RunbookParameter], _ given: [String: [String]]) -> String? {
        do {
            _ = try resolve(declared, given)
            return nil
        } catch {
            return error.message
        }
    }

    @Test(
        "each type reads the strings the documentation says it does",
        arguments: [
            (DocumentParameterKind.string, ["web-1"], DocumentValue.string("web-1")),
            (.string, [], .string("")),
            (.stringList, ["a", "b"], .array([.string("a"), .string("b")])),
            (.stringList, [], .array([])),
            (.integer, ["42"], .number(42)),
            (.integer, [" -7 "], .number(-7)),
            (.boolean, ["true"], .bool(true)),
            (.boolean, ["FALSE"], .bool(false)),
            (.boolean, ["True"], .bool(true)),
            (.stringMap, [#"{"team": "sre", "n": 2}"#], .object(["team": .string("sre"), "n": .number(2)])),
            (.mapList, [#"{"a": 1}"#, #"{"b": 2}"#], .array([.object(["a": .number(1)]), .object(["b": .number(2)])])),
            (.mapList, [#"[{"a": 1}, {"b": 2}]"#], .array([.object(["a": .number(1)]), .object(["b": .number(2)])])),
            (.mapList, [#"{"a": 1}"#], .array([.object(["a": .number(1)])])),
            (.mapList, [], .array([])),
        ])
    func types(type: DocumentParameterKind, strings: [String], value: DocumentValue) throws {
        #expect(try Self.resolve(["P": RunbookParameter(type: type)], ["P": strings]) == ["P": value])
    }

    @Test(
        "strings a type cannot read are refused, naming the parameter and the value",
        arguments: [
            (DocumentParameterKind.integer, ["4.2"], #"Parameter "P" is a Integer; "4.2" is not one."#),
            (.integer, ["ten"], #"Parameter "P" is a Integer; "ten" is not one."#),
            (.integer, [], #"Parameter "P" is a Integer; "" is not one."#),
            (.boolean, ["yes"], #"Parameter "P" is a Boolean; "yes" is not one."#),
            (.boolean, ["1"], #"Parameter "P" is a Boolean; "1" is not one."#),
            (.stringMap, [#"["a"]"#], #"Parameter "P" is a StringMap; "["a"]" is not one."#),
            (.stringMap, ["team=sre"], #"Parameter "P" is a StringMap; "team=sre" is not one."#),
            (.mapList, [#"[1, 2]"#], #"Parameter "P" is a MapList; "[1, 2]" is not one."#),
            (.mapList, [#"{"a": 1}"#, "x"], #"Parameter "P" is a MapList; "x" is not one."#),
            (.string, ["a", "b"], #"Parameter "P" is a String and takes one value, not 2."#),
            (.integer, ["1", "2"], #"Parameter "P" is a Integer and takes one value, not 2."#),
            (.boolean, ["true", "true"], #"Parameter "P" is a Boolean and takes one value, not 2."#),
            (.stringMap, ["{}", "{}"], #"Parameter "P" is a StringMap and takes one value, not 2."#),
        ])
    func unreadable(type: DocumentParameterKind, strings: [String], message: String) {
        #expect(Self.refusal(["P": RunbookParameter(type: type)], ["P": strings]) == message)
    }

    @Test("names the runbook does not declare are refused together, sorted")
    func unknownNames() {
        let declared = ["Host": RunbookParameter(type: .string)]
        #expect(Self.refusal(declared, ["zone": ["a"], "Host": ["web"], "apple": ["b"]]) == "Undefined execution inputs: [apple, zone].")
        #expect(Self.refusal(declared, ["host": ["web"]]) == "Undefined execution inputs: [host].", "names are compared exactly")
    }

    @Test("a parameter not given takes its default, converted to its type")
    func defaults() throws {
        let declared: [String: RunbookParameter] = [
            "Name": RunbookParameter(type: .string, defaultValue: .number(3)),
            "Count": RunbookParameter(type: .integer, defaultValue: .string("5")),
            "Dry": RunbookParameter(type: .boolean, defaultValue: .string("TRUE")),
            "Hosts": RunbookParameter(type: .stringList, defaultValue: .array([.string("a"), .number(2)])),
            "Tags": RunbookParameter(type: .stringMap, defaultValue: .object(["team": .string("sre")])),
            "Empty": RunbookParameter(type: .string, defaultValue: .null),
        ]
        #expect(
            try Self.resolve(declared, ["Count": ["9"]]) == [
                "Name": .string("3"), "Count": .number(9), "Dry": .bool(true), "Hosts": .array([.string("a"), .string("2")]),
                "Tags": .object(["team": .string("sre")]), "Empty": .string(""),
            ])
    }

    @Test("a default that is not of the parameter's type is refused at start")
    func badDefaults() {
        #expect(
            Self.refusal(["L": RunbookParameter(type: .stringList, defaultValue: .string("a"))], [:])
                == #"Parameter "L": its default is not a StringList."#)
        #expect(
            Self.refusal(["N": RunbookParameter(type: .integer, defaultValue: .number(1.5))], [:]) == #"Parameter "N": its default is not a Integer."#
        )
        #expect(
            Self.refusal(["M": RunbookParameter(type: .stringMap, defaultValue: .string("{}"))], [:])
                == #"Parameter "M": its default is not a StringMap."#)
    }

    @Test("a parameter without a default must be given")
    func required() throws {
        let declared = ["Host": RunbookParameter(type: .string), "Zone": RunbookParameter(type: .string, defaultValue: .string("a"))]
        #expect(Self.refusal(declared, ["Zone": ["b"]]) == #"Parameter "Host" is required: it has no default, so the start must give it."#)
        #expect(try Self.resolve(declared, ["Host": []]) == ["Host": .string(""), "Zone": .string("a")], "an empty list gives the empty string")
    }

    @Test("allowedValues are compared exactly, and the message lists them as written")
    func allowedValues() throws {
        let declared = ["Env": RunbookParameter(type: .string, allowedValues: ["Dev", "Prod"])]
        #expect(try Self.resolve(declared, ["Env": ["Prod"]]) == ["Env": .string("Prod")])
        #expect(Self.refusal(declared, ["Env": ["prod"]]) == #"Parameter "Env" has value "prod" not found in [Dev, Prod]."#)
        #expect(Self.refusal(declared, ["Env": ["Prod "]]) == #"Parameter "Env" has value "Prod " not found in [Dev, Prod]."#)
    }

    @Test("allowedValues apply to each item of a list, to integers and booleans as text, and to defaults")
    func allowedValuesEverywhere() throws {
        let hosts = ["Hosts": RunbookParameter(type: .stringList, allowedValues: ["web-1", "web-2"])]
        #expect(try Self.resolve(hosts, ["Hosts": ["web-2", "web-1"]])["Hosts"] == .array([.string("web-2"), .string("web-1")]))
        #expect(Self.refusal(hosts, ["Hosts": ["web-1", "db-1"]]) == #"Parameter "Hosts" has value "db-1" not found in [web-1, web-2]."#)
        let count = ["Count": RunbookParameter(type: .integer, allowedValues: ["1", "2"])]
        #expect(try Self.resolve(count, ["Count": ["2"]])["Count"] == .number(2))
        #expect(Self.refusal(count, ["Count": ["3"]]) == #"Parameter "Count" has value "3" not found in [1, 2]."#)
        let dry = ["Dry": RunbookParameter(type: .boolean, allowedValues: ["true"])]
        #expect(Self.refusal(dry, ["Dry": ["False"]]) == #"Parameter "Dry" has value "false" not found in [true]."#)
        let fallback = ["Env": RunbookParameter(type: .string, defaultValue: .string("Staging"), allowedValues: ["Dev", "Prod"])]
        #expect(Self.refusal(fallback, [:]) == #"Parameter "Env" has value "Staging" not found in [Dev, Prod]."#)
    }

    @Test("allowedPattern must match the whole value")
    func allowedPattern() throws {
        let declared = ["Host": RunbookParameter(type: .string, allowedPattern: "[a-z]+-[0-9]+")]
        #expect(try Self.resolve(declared, ["Host": ["web-12"]]) == ["Host": .string("web-12")])
        #expect(Self.refusal(declared, ["Host": ["web-12x"]]) == #"Parameter "Host" has value "web-12x" not matching pattern [a-z]+-[0-9]+."#)
        #expect(Self.refusal(declared, ["Host": ["-web-12"]]) != nil)
        let either = ["Mode": RunbookParameter(type: .string, allowedPattern: "on|off")]
        #expect(try Self.resolve(either, ["Mode": ["off"]]) == ["Mode": .string("off")])
        #expect(Self.refusal(either, ["Mode": ["onoff"]]) != nil, "an alternation is anchored as a whole")
        #expect(Self.refusal(either, ["Mode": ["on "]]) != nil)
        let list = ["Ids": RunbookParameter(type: .stringList, allowedPattern: "i-[0-9a-f]+")]
        #expect(Self.refusal(list, ["Ids": ["i-0a", "i-zz"]]) == #"Parameter "Ids" has value "i-zz" not matching pattern i-[0-9a-f]+."#)
    }

    @Test("maps and lists of maps are not held to allowedValues or allowedPattern")
    func mapsUnchecked() throws {
        let declared = ["Tags": RunbookParameter(type: .stringMap, allowedValues: ["x"], allowedPattern: "x")]
        #expect(try Self.resolve(declared, ["Tags": [#"{"a": "b"}"#]]) == ["Tags": .object(["a": .string("b")])])
    }

    @Test("a pattern that backtracks without end is given up, naming the parameter, instead of holding the thread")
    func runawayPattern() throws {
        let declared = ["Name": RunbookParameter(type: .string, allowedPattern: "(a+)+")]
        let value = String(repeating: "a", count: 40) + "b"
        let started = ContinuousClock.now
        #expect(throws: AutomationParameterError.self) { try AutomationParameters.resolve(declared, given: ["Name": [value]]) }
        #expect(ContinuousClock.now - started < .seconds(10), "an unbounded match would take far longer than this")
        #expect(try AutomationParameters.resolve(declared, given: ["Name": ["aaaa"]]) == ["Name": .string("aaaa")])
    }

    @Test("fullMatch anchors the pattern at both ends")
    func fullMatch() {
        #expect(AutomationParameters.fullMatch("abc", "b") == false)
        #expect(AutomationParameters.fullMatch("abc", "a.c"))
        #expect(AutomationParameters.fullMatch("", ".*"))
        #expect(AutomationParameters.fullMatch("abc", "(") == false, "a pattern that does not compile matches nothing")
    }

    @Test(
        "convert turns output and default values into a type, or says they cannot be one",
        arguments: [
            (DocumentValue.number(3), DocumentParameterKind.string, DocumentValue?.some(.string("3"))),
            (.bool(false), .string, .string("false")),
            (.null, .string, .string("")),
            (.object(["a": .number(1)]), .string, .string(#"{"a": 1}"#)),
            (.array([.string("x")]), .string, .string(#"["x"]"#)),
            (.array([.number(1), .string("b"), .bool(true)]), .stringList, .array([.string("1"), .string("b"), .string("true")])),
            (.string("a"), .stringList, nil),
            (.number(7), .integer, .number(7)),
            (.string("7"), .integer, .number(7)),
            (.number(7.5), .integer, nil),
            (.string("seven"), .integer, nil),
            (.bool(true), .boolean, .bool(true)),
            (.string("False"), .boolean, .bool(false)),
            (.number(1), .boolean, nil),
            (.object([:]), .stringMap, .object([:])),
            (.array([]), .stringMap, nil),
            (.array([.object([:])]), .mapList, .array([.object([:])])),
            (.array([.object([:]), .number(1)]), .mapList, nil),
        ])
    func convert(value: DocumentValue, type: DocumentParameterKind, result: DocumentValue?) {
        #expect(AutomationParameters.convert(value, to: type) == result)
    }

    @Test("the wire shows every parameter as a list of strings")
    func wire() {
        let wire = AutomationParameters.wire([
            "Host": .string("web-1"), "Count": .number(2), "Hosts": .array([.string("a"), .string("b")]), "Dry": .bool(true),
            "Tags": .object(["team": .string("sre")]),
        ])
        #expect(wire == ["Host": ["web-1"], "Count": ["2"], "Hosts": ["a", "b"], "Dry": ["true"], "Tags": [#"{"team": "sre"}"#]])
    }
}
