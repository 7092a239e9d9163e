import AWSClient
import Foundation
import Migration
import Synchronization
import Testing

@Suite("Retrying a source")
struct SourceRetryTests {
    /// Waits recorded instead of slept.
    final class Waits: Sendable {
        let recorded = Mutex<[Duration]>([])
        var all: [Duration] { recorded.withLock { $0 } }
        func policy(attempts: Int = 8) -> SourceRetry {
            SourceRetry(attempts: attempts, firstDelay: .milliseconds(500), longestDelay: .seconds(2)) { duration in
                self.recorded.withLock { $0.append(duration) }
            }
        }
    }

    static func throttled() -> AWSClientError {
        .service(
            status: 400, headers: [],
            body: Data(#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#.utf8))
    }

    @Test("Throttling is waited out with a doubling back-off capped at the longest delay")
    func throttlingIsRetried() async throws {
        let waits = Waits()
        let calls = Mutex(0)
        let value = try await waits.policy().run("ListContacts") { () throws(AWSClientError) -> Int in
            let count = calls.withLock {
                $0 += 1; return $0
            }
            if count < 5 { throw Self.throttled() }
            return count
        }
        #expect(value == 5)
        #expect(waits.all == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(2)])
    }

    @Test("Refused credentials stop at once with what to fix")
    func credentialsAreNotRetried() async {
        let waits = Waits()
        do {
            _ = try await waits.policy().run("ListContacts") { () throws(AWSClientError) -> Int in
                throw .service(
                    status: 400, headers: [], body: Data(#"{"__type":"UnrecognizedClientException","message":"bad key"}"#.utf8))
            }
            Issue.record("no error")
        } catch {
            #expect(error.description.contains("refused the credentials"))
            #expect(error.description.contains("--profile"))
        }
        #expect(waits.all.isEmpty)
    }

    @Test("A source that keeps throttling is given up on after the last attempt, saying how many")
    func givesUp() async {
        let waits = Waits()
        do {
            _ = try await waits.policy(attempts: 3).run("GetRotation") { () throws(AWSClientError) -> Int in throw Self.throttled() }
            Issue.record("no error")
        } catch {
            #expect(error.description.contains("after 3 attempts"))
        }
        #expect(waits.all.count == 2)
    }

    @Test("An answer cut short (a partial page) is read again")
    func partialPageIsRetried() async throws {
        let waits = Waits()
        let calls = Mutex(0)
        let value = try await waits.policy().run("ListIncidentRecords") { () throws(AWSClientError) -> String in
            let count = calls.withLock {
                $0 += 1; return $0
            }
            if count == 1 { throw .invalidResponse("the answer to ListIncidentRecords cannot be decoded", statusCode: 200) }
            return "page"
        }
        #expect(value == "page")
        #expect(waits.all == [.milliseconds(500)])
    }
}
