import Foundation
import Testing

@testable import HikeshiCore

/// Runbooks written as JSON text, and executions of them with predictable step ids and a fixed start.
enum AutomationFixtures {
    static let start = Date(timeIntervalSince1970: 1_900_000_000)
    static let accountID = "111111111111"
    static let alice = "arn:aws:iam::111111111111:user/alice"
    static let bob = "arn:aws:iam::111111111111:user/bob"
    static let carol = "arn:aws:iam::111111111111:user/carol"
    static let mallory = "arn:aws:iam::222222222222:user/mallory"

    /// A parsed document value from JSON text (the tests' own text, so it always parses).
    static func value(_ json: String) -> DocumentValue {
        do {
            return try JSONDecoder().decode(DocumentValue.self, from: Data(json.utf8))
        } catch {
            Issue.record("fixture JSON does not parse: \(error)")
            return .null
        }
    }

    /// A document with `mainSteps` from JSON text of the steps, and optional JSON text of the parameters.
    static func document(steps: String, parameters: String? = nil, outputs: String? = nil) -> DocumentValue {
        var fields: [String: DocumentValue] = ["schemaVersion": .string("0.3"), "mainSteps": value(steps)]
        if let parameters { fields["parameters"] = value(parameters) }
        if let outputs { fields["outputs"] = value(outputs) }
        return .object(fields)
    }

    /// The definition of such a document.
    static func definition(steps: String, parameters: String? = nil, outputs: String? = nil) throws -> RunbookDefinition {
        try RunbookDefinition.read(document(steps: steps, parameters: parameters, outputs: outputs))
    }

    /// The message a document is refused with, or `nil` when it is accepted.
    static func refusal(_ document: DocumentValue) -> String? {
        do {
            _ = try RunbookDefinition.read(document)
            return nil
        } catch {
            #expect(error.kind == .invalidContent)
            return error.message
        }
    }

    /// The message a document of these steps is refused with.
    static func refusal(steps: String, parameters: String? = nil, outputs: String? = nil) -> String? {
        refusal(document(steps: steps, parameters: parameters, outputs: outputs))
    }

    /// A new execution of `definition`, its step records numbered `step-1`, `step-2`… in document order.
    static func execution(
        _ definition: RunbookDefinition, parameters: [String: DocumentValue] = [:], mode: AutomationMode = .auto, id: String = "exec-1"
    ) -> AutomationExecution {
        var counter = 0
        return AutomationExecution(
            id: id, accountID: accountID, region: "eu-central-1", documentName: "Restart", documentVersion: "1", mode: mode, executedBy: alice,
            callerKey: "AKIAALICE", parameters: parameters, definition: definition, startedAt: start,
            stepID: {
                counter += 1
                return "step-\(counter)"
            })
    }

    /// A new execution of a document of these steps.
    static func execution(
        steps: String, parameters: String? = nil, values: [String: DocumentValue] = [:], mode: AutomationMode = .auto
    ) throws -> AutomationExecution {
        execution(try definition(steps: steps, parameters: parameters), parameters: values, mode: mode)
    }

    /// `start` plus seconds.
    static func at(_ seconds: TimeInterval) -> Date {
        start.addingTimeInterval(seconds)
    }

    /// The launch a demand asks for.
    static func launch(_ demand: AutomationDemand) throws -> (index: Int, launchID: String) {
        guard case .launch(let index, let launchID) = demand else {
            Issue.record("expected a launch, got \(demand)")
            throw FixtureError.unexpectedDemand
        }
        return (index, launchID)
    }

    /// Sends a signal as `principal`, whose access key is `key`.
    static func signal(
        _ execution: inout AutomationExecution, _ signal: AutomationSignal, as principal: String = alice, key: String = "AKIAOTHER",
        payload: [String: [String]] = [:], at now: Date = start
    ) throws(AutomationSignalError) {
        try execution.receive(signal, payload: payload, principal: principal, accessKey: key, now: now)
    }

    /// The error a signal is refused with, or `nil`.
    static func signalRefusal(
        _ execution: inout AutomationExecution, _ signal: AutomationSignal, as principal: String = alice, key: String = "AKIAOTHER",
        payload: [String: [String]] = [:]
    ) -> AutomationSignalError? {
        do {
            try Self.signal(&execution, signal, as: principal, key: key, payload: payload)
            return nil
        } catch {
            return error
        }
    }

    /// The statuses of the step records, in order.
    static func statuses(_ execution: AutomationExecution) -> [AutomationStatus] {
        execution.steps.map(\.status)
    }

    /// The step names of the records, in order.
    static func names(_ execution: AutomationExecution) -> [String] {
        execution.steps.map(\.stepName)
    }
}

enum FixtureError: Error {
    case unexpectedDemand
}
