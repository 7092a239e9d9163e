import AWSClient
import App
import ArgumentParser
import AsyncHTTPClient
import Foundation
import HikeshiCore
import HikeshiModel
import SupportAPI

#if canImport(Glibc)
    import Glibc
#endif

/// `hikeshi mailgate`: reads one email from standard input — as Postfix's or Exim's pipe transport gives it — into the
/// support desk, through the server's `hikeshi` API (`--endpoint-url`, signed with the desk's credentials) or straight
/// into the database (`--data-dir` / `--database-url`).
///
/// The exit status tells the mail system what to do (sysexits.h): 0 when the message was read (a case opened or
/// replied to, an unknown sender answered, a machine's message dropped, a message read twice); 65 (`EX_DATAERR`) when
/// it can never be read (not a message, too large, refused by the desk's rules): the mail system returns it to the
/// sender with the reason printed here; 75 (`EX_TEMPFAIL`) when the server or database cannot be reached or refuses
/// the credentials: the mail system keeps the message queued and tries again, so nothing is lost.
struct MailgateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailgate",
        abstract: "Read one email (RFC 5322) from standard input into the support desk; for a mail server's pipe transport.",
        discussion: """
            Exit status: 0 read; 65 never readable (the mail server bounces it with the reason); 75 try again later.
            Postfix master.cf:  hikeshi unix - n n - - pipe flags=R user=hikeshi argv=/usr/local/bin/hikeshi mailgate --endpoint-url http://127.0.0.1:4750
            """
    )

    @Option(name: .customLong("endpoint-url"), help: "The Hikeshi server; without it the message is written to the database directly.")
    var endpointURL: String?

    @Option(help: "The region to sign for (default us-east-1).")
    var region = "us-east-1"

    @Option(help: "The credentials profile (default: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, else AWS_PROFILE or default).")
    var profile: String?

    @OptionGroup var storage: StorageOptions

    /// The `hikeshi` API's JSON target prefix.
    static var targetPrefix: String {
        if case .json(let prefix) = HikeshiModel.Hikeshi.model.wireProtocol { return prefix }
        return "Hikeshi_20261121"
    }

    /// The refusals that are the operator's to fix (wrong credentials, a server without `DeliverMail`), so the
    /// message waits in the queue instead of going back to its sender.
    static let credentialErrors: Set<String> = [
        "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignatureException",
        "MissingAuthenticationTokenException", "InvalidClientTokenId", "ExpiredTokenException", "AccessDeniedException",
        "UnknownOperationException",
    ]

    /// sysexits.h.
    static let dataError: Int32 = 65
    static let temporaryFailure: Int32 = 75

    func run() async throws {
        let message: [UInt8]
        do {
            message = try Self.readStandardInput(limit: MailMessage.maximumSize + 1)
        } catch {
            throw Self.fail("cannot read the message from standard input: \(error)", Self.temporaryFailure)
        }
        guard message.count <= MailMessage.maximumSize else {
            throw Self.fail("the message is larger than \(MailMessage.maximumSize / 1024 / 1024) MiB", Self.dataError)
        }
        let outcome: String
        let caseID: String?
        if let endpointURL {
            (outcome, caseID) = try await post(message, to: endpointURL)
        } else {
            do {
                let receipt = try await AdminCommands.receiveMail(try await storage.configuration(), message: message)
                (outcome, caseID) = (receipt.outcome.rawValue, receipt.caseID)
            } catch let error as SupportError {
                throw Self.fail(String(describing: error), error.isPermanentForMail ? Self.dataError : Self.temporaryFailure)
            } catch {
                throw Self.fail("the database cannot be written: \(error)", Self.temporaryFailure)
            }
        }
        print([outcome, caseID].compactMap { $0 }.joined(separator: " "))
    }

    /// Posts the message to the server's `DeliverMail`.
    private func post(_ message: [UInt8], to endpoint: String) async throws -> (String, String?) {
        guard let url = URL(string: endpoint), url.scheme == "http" || url.scheme == "https" else {
            throw Self.fail("--endpoint-url must be an http or https URL", Self.temporaryFailure)
        }
        let credentials: AWSCredentials
        do {
            credentials = try AWSCredentials.resolve(
                profile: profile, environment: ProcessInfo.processInfo.environment, homeDirectory: NSHomeDirectory())
        } catch {
            throw Self.fail("no credentials: \(error)", Self.temporaryFailure)
        }
        // One connection attempt (a refused connection is reported at once, not retried until the deadline); the
        // mail system retries the whole delivery later.
        var settings = HTTPClient.Configuration(timeout: .init(connect: .seconds(10)))
        settings.connectionPool.retryConnectionEstablishment = false
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
        let client = AWSJSONClient(
            endpoint: url, region: region, signingName: HikeshiModel.Hikeshi.model.signingName, targetPrefix: Self.targetPrefix,
            credentials: credentials, httpClient: http, timeout: .seconds(120))
        let answer: Result<HikeshiModel.Hikeshi.DeliverMailResponse, AWSClientError>
        do {
            answer = .success(
                try await client.call(
                    "DeliverMail", HikeshiModel.Hikeshi.DeliverMailRequest(message: Data(message)),
                    as: HikeshiModel.Hikeshi.DeliverMailResponse.self))
        } catch {
            answer = .failure(error)
        }
        try? await http.shutdown()
        switch answer {
        case .success(let response):
            return (response.outcome.rawValue, response.caseId)
        case .failure(let error):
            // Refused for good (not a message, a plan without technical support, too many open cases): bounce with the
            // reason. Anything else — unreachable, throttled, credentials refused, a server error — waits in the queue.
            let refusedForGood =
                !error.isRetryable && (400..<500).contains(error.statusCode ?? 0) && !Self.credentialErrors.contains(error.code ?? "")
            let permanent = refusedForGood || error.kind == .invalidRequest
            throw Self.fail(error.description, permanent ? Self.dataError : Self.temporaryFailure)
        }
    }

    /// Prints `reason` on standard error (the mail system puts it in its bounce or its log) and exits with `status`.
    private static func fail(_ reason: String, _ status: Int32) -> ExitCode {
        FileHandle.standardError.write(Data("hikeshi mailgate: \(reason)\n".utf8))
        return ExitCode(status)
    }

    /// Standard input, at most `limit` bytes.
    private static func readStandardInput(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < limit {
            guard let chunk = try FileHandle.standardInput.read(upToCount: min(1 << 20, limit - bytes.count)), !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}
