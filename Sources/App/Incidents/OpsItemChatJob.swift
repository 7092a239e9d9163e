import Alerting
import AsyncHTTPClient
import Foundation
import HikeshiCore
import IncidentsAPI
import Logging
import NIOCore
import OpsCenterAPI
import Scheduler
import Storage

/// Posts OpsItem notices to the chat channels OpsItems name in `Notifications` (by the channel's SNS-style ARN), so an
/// OpsItem reaches people. A topic that is no chat channel of the account is skipped; a refused post is retried.
struct OpsItemChatJob: JobHandler {
    let kind = OpsItemChatNotice.jobKind
    let store: any IncidentsStore
    let registry: IntegrationRegistry
    let httpClient: HTTPClient
    let logger: Logger

    func run(_ job: Job) async throws {
        let notice = try job.payload(as: OpsItemChatNotice.self)
        let channel = try await store.read(logger: logger) { tx in
            try await tx.integrations.record(id: notice.channelArn, accountID: notice.accountID)
        }
        guard let channel, let url = try registry.settings(of: channel).webhookURL else { return }
        let message = ChatNotice(headline: notice.headline, lines: notice.lines)
        let body: [UInt8]
        switch channel.kind {
        case .teams: body = message.teams
        case .chime: body = message.chime
        default: body = message.slack
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await httpClient.execute(request, timeout: .seconds(10))
        _ = try? await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(response.status.code) else {
            logger.warning("opsitem chat post refused", metadata: ["chat.channel": .string(channel.id), "http.status": "\(response.status.code)"])
            throw ChatPostFailure(status: Int(response.status.code))
        }
    }
}
