import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import SSMContactsModel
import Storage

/// What a reply from a phone did.
public enum ReplyOutcome: Sendable, Equatable {
    /// A page was acknowledged.
    case acknowledged(pageArn: String)
    /// Channels at the number were deactivated (STOP).
    case unsubscribed(channels: Int)
    /// New activation codes were sent (START).
    case activationCodesSent(channels: Int)
    /// A channel was activated with its code.
    case activated(channelArn: String)
    /// START from a number whose channels are all active already.
    case alreadySubscribed
    /// Nothing matched.
    case notRecognized

    /// The text sent back to the person.
    public var replyText: String {
        switch self {
        case .acknowledged: "Acknowledged. Escalation for this page has stopped."
        case .unsubscribed: "You will no longer receive Hikeshi pages on this number. Reply START to subscribe again."
        case .activationCodesSent: "A new activation code is on its way. Reply with it to receive pages again."
        case .activated: "This number is activated and will receive Hikeshi pages."
        case .alreadySubscribed: "This number already receives Hikeshi pages."
        case .notRecognized: "Reply with the 6-digit code of the page to acknowledge it, STOP to unsubscribe or START to subscribe."
        }
    }
}

extension ContactsHandler {
    static let stopWords: Set<String> = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]
    static let startWords: Set<String> = ["START", "UNSTOP", "YES", "SUBSCRIBE"]

    /// Handles an SMS from `number` (already authenticated as coming from the SMS provider):
    /// STOP words deactivate the number's SMS channels, START words send new activation codes, a
    /// channel's activation code activates it, and a page's accept code acknowledges the newest
    /// open page sent to the number.
    public func handleSMSReply(from number: String, body: String, logger: Logger) async throws -> ReplyOutcome {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        let word = text.uppercased()
        let now = clock.now()
        let outcome = try await write(logger) { tx -> ReplyOutcome in
            let channels = tx.channels
            let atNumber = try await channels.channels(address: number, type: .sms)
            if Self.stopWords.contains(word) {
                for var channel in atNumber {
                    channel.optOut(at: now)
                    try await channels.update(channel)
                }
                return .unsubscribed(channels: atNumber.count)
            }
            if Self.startWords.contains(word) {
                let inactive = atNumber.filter { !$0.isActivated }
                guard !inactive.isEmpty else {
                    return atNumber.isEmpty ? .notRecognized : .alreadySubscribed
                }
                for var channel in inactive {
                    let code = RandomToken.numericCode(digits: 6)
                    channel.issueActivationCode(code, at: now)
                    try await channels.update(channel)
                    try await enqueue(
                        PagingJob.channelActivation, PagingJob.ChannelActivation(channelArn: channel.arn, code: code), dueAt: now, on: tx)
                }
                return .activationCodesSent(channels: inactive.count)
            }
            let code = String(text.filter(\.isNumber))
            guard (6...10).contains(code.count) else { return .notRecognized }
            for var channel in atNumber where channel.activationCode.map({ ConstantTime.equal($0, code) }) == true {
                channel.activate(at: now)
                try await channels.update(channel)
                return .activated(channelArn: channel.arn)
            }
            guard
                let (page, channelArn) = try await tx.pages.newestOpenPage(
                    sentTo: number, channelType: .sms),
                ConstantTime.equal(page.acceptCode, code)
            else { return .notRecognized }
            try await Self.acknowledge(page, channelArn: channelArn, type: .read, note: "Acknowledged by SMS reply", at: now, tx: tx)
            return .acknowledged(pageArn: page.arn)
        }
        if case .activationCodesSent(let count) = outcome, count > 0 {
            notifier?.wake()
        }
        return outcome
    }

    /// Handles keypad digits entered during a page call; acknowledges the page when they are its code.
    public func handleVoiceDigits(pageArn: String, channelArn: String?, digits: String, logger: Logger) async throws -> ReplyOutcome {
        let now = clock.now()
        return try await write(logger) { tx -> ReplyOutcome in
            guard let page = try await tx.pages.page(arn: pageArn, accountID: nil), page.isOpen,
                ConstantTime.equal(page.acceptCode, digits)
            else { return .notRecognized }
            // The call's channel, when given, must be one of the page's account (it comes from Twilio's callback URL).
            if let channelArn, try await tx.channels.channel(arn: channelArn, accountID: page.accountID) == nil {
                throw ContactsError.notFound(channelArn, type: "CONTACT_CHANNEL")
            }
            try await Self.acknowledge(page, channelArn: channelArn, type: .read, note: "Acknowledged by phone keypad", at: now, tx: tx)
            return .acknowledged(pageArn: page.arn)
        }
    }

    /// Records a provider's delivery report for a page's message: `delivered` (SMS) or `completed`
    /// (call) is a DELIVERED receipt; `failed`, `undelivered`, `busy` and `no-answer` are ERROR receipts.
    public func recordDeliveryStatus(pageArn: String, channelArn: String, status: String, providerID: String, logger: Logger) async throws {
        let now = clock.now()
        let type: PageReceiptType
        switch status.lowercased() {
        case "delivered", "completed": type = .delivered
        case "failed", "undelivered", "busy", "no-answer", "canceled": type = .error
        default: return
        }
        try await write(logger) { tx in
            let pages = tx.pages
            guard let page = try await pages.page(arn: pageArn, accountID: nil) else { return }
            try await pages.addReceipt(
                PageReceipt(
                    id: "status:\(providerID):\(type.rawValue)",
                    pageArn: page.arn,
                    accountID: page.accountID,
                    channelArn: channelArn.isEmpty ? nil : channelArn,
                    type: type,
                    info: "\(status) \(providerID)",
                    at: now
                )
            )
            if type == .delivered {
                try await pages.mark(arn: page.arn, deliveredAt: now)
            }
        }
    }
}
