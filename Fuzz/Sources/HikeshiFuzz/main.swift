// libFuzzer harness: the first byte of an input chooses the parser, the rest is what the network would send.
// Built with `-sanitize=fuzzer,address` (Scripts/fuzz).
// A parser may refuse anything; it must never trap, hang or leak.

import AWSProtocol
import Alerting
import Dispatch
import Foundation
import HikeshiCore
import HikeshiModel
import SSMContactsModel
import SSMIncidentsModel
import SSMModel
import SupportModel

/// The parsers, in the order of the selector byte (modulo their count; add new ones at the end, seeds name them).
enum Parser: CaseIterable {
    case sigV4, awsJSON, alertmanager, eventBridge, sns, grafana, generic, slackCommand, slackInteraction, form, timestamp, multipart

    func run(_ body: [UInt8]) {
        switch self {
        case .sigV4: Fuzz.sigV4(body)
        case .awsJSON: Fuzz.awsJSON(body)
        case .alertmanager: _ = try? AlertmanagerWebhook.parse(body)
        case .eventBridge: _ = try? EventBridgeEvent.parse(body)
        case .sns: _ = try? SNSMessage.parse(body)
        case .grafana: _ = try? GrafanaWebhook.parse(body)
        case .generic: _ = try? GenericWebhook.parse(body)
        case .slackCommand: _ = try? SlackCommand.parse(formBody: String(decoding: body, as: UTF8.self))
        case .slackInteraction: _ = try? SlackInteraction.parse(formBody: String(decoding: body, as: UTF8.self))
        case .form: _ = FormEncoding.fields(String(decoding: body, as: UTF8.self))
        case .timestamp: Fuzz.timestamp(body)
        case .multipart: Fuzz.multipart(body)
        }
    }
}

enum Fuzz {
    static let verifier = SigV4Verifier(
        keys: SigV4StaticKeyStore(["AKIAFUZZ": "fuzz-secret"]), now: { Date(timeIntervalSince1970: 1_800_000_000) })

    /// A request whose lines are: method, path, query, then `name: value` headers; the rest after a blank line is the body.
    static func sigV4(_ body: [UInt8]) {
        let text = String(decoding: body, as: UTF8.self)
        let parts = text.split(separator: "\n\n", maxSplits: 1, omittingEmptySubsequences: false)
        var lines = (parts.first ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.count < 3 { lines.append("") }
        let headers = lines.dropFirst(3).compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
        let request = SigV4Request(
            method: lines[0], path: lines[1], query: lines[2].isEmpty ? nil : lines[2], headers: headers, authority: nil,
            body: Data((parts.count > 1 ? parts[1] : "").utf8))
        blocking { _ = try? await verifier.verify(request, service: "ssm-contacts") }
    }

    /// A JSON body decoded and validated as the inputs of some operations of each service.
    static func awsJSON(_ body: [UInt8]) {
        let input = AWSInput(body: Data(body))
        _ = try? input.decode(SSMContacts.CreateContactRequest.self)
        _ = try? input.decode(SSMContacts.CreateRotationRequest.self)
        _ = try? input.decode(SSMIncidents.StartIncidentInput.self)
        _ = try? input.decode(SSMIncidents.CreateResponsePlanInput.self)
        _ = try? input.decode(SSMIncidents.ListTimelineEventsInput.self)
        _ = try? input.decode(Support.CreateCaseRequest.self)
        _ = try? input.decode(SSM.StartAutomationExecutionRequest.self)
        _ = try? input.decode(SSM.CreateDocumentRequest.self)
        _ = try? input.decode(SSM.CreateOpsItemRequest.self)
    }

    /// A number (or anything) on the wire, as a time member.
    static func timestamp(_ body: [UInt8]) {
        let value = Data(body)
        let event = Data(
            #"{"incidentRecordArn":"arn:aws:ssm-incidents::111122223333:incident-record/p/1","eventType":"Custom Event","eventData":"x","eventTime":"#
                .utf8)
        _ = try? AWSInput(body: event + value + Data("}".utf8)).decode(SSMIncidents.CreateTimelineEventInput.self)
        let preview = Data(
            #"{"Members":["a"],"TimeZoneId":"UTC","RecurrencePattern":{"DailySettings":[{"HourOfDay":9,"MinuteOfHour":0}]},"EndTime":"#.utf8)
        _ = try? AWSInput(body: preview + value + Data("}".utf8)).decode(SSMContacts.ListPreviewRotationShiftsRequest.self)
    }

    /// A `multipart/form-data` body (the console's uploads) with the boundary the first line names, and a query string.
    static func multipart(_ body: [UInt8]) {
        let newline = body.firstIndex(of: 10) ?? body.endIndex
        let contentType = "multipart/form-data; boundary=" + String(decoding: body[..<newline], as: UTF8.self)
        guard let boundary = MultipartForm.boundary(contentType: contentType) else { return }
        let rest = Data(body[min(newline + 1, body.endIndex)...])
        var limits = MultipartForm.Limits()
        limits.maximumFileBytes = 64
        _ = try? MultipartForm(body: rest, boundary: boundary, limits: limits)
        _ = FormData(urlEncoded: String(decoding: rest, as: UTF8.self)).all("a")
    }

    /// Runs async `work` to the end from the fuzzer's synchronous callback.
    static func blocking(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await work()
            done.signal()
        }
        done.wait()
    }
}

/// One input: the selector byte, then the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let parsers = Parser.allCases
    parsers[Int(bytes[0]) % parsers.count].run(Array(bytes.dropFirst()))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

// SwiftPM makes this file's top-level code the program's entry point, so it hands control to libFuzzer's driver.
var arguments = CommandLine.argc
var values = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values) { start, count in fuzzOne(start, count) })
