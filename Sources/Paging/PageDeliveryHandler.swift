import Foundation
import HikeshiCore
import Scheduler
import Storage

/// Sends a page on one channel and records the receipt; a failed send is retried after the
/// target's retry interval (default one minute), five attempts at most.
struct PageDeliveryHandler: JobHandler {
    let kind = PagingJob.pageDelivery
    let engine: PagingEngine
    static let maxAttempts = 5

    func run(_ job: Job) async throws {
        let payload = try job.payload(as: PagingJob.PageDelivery.self)
        let receiptID = "sent:\(payload.pageArn):\(payload.channelArn):\(payload.attempt)"
        let loaded = try await engine.store.read(logger: engine.logger) { tx -> (Page, Engagement, ContactChannel)? in
            let pages = tx.pages
            guard try await !pages.hasReceipt(id: receiptID),
                let page = try await pages.page(arn: payload.pageArn, accountID: nil), page.isOpen,
                let engagement = try await tx.engagements.engagement(arn: page.engagementArn, accountID: nil),
                engagement.isActive,
                let channel = try await tx.channels.channel(arn: payload.channelArn, accountID: page.accountID),
                channel.isActivated
            else { return nil }
            return (page, engagement, channel)
        }
        guard let (page, engagement, channel) = loaded else { return }
        let message = PageMessage(page: page, engagement: engagement)
        let reference = PageReference(pageArn: page.arn, channelArn: channel.arn, acceptCode: page.acceptCode)
        do {
            let providerID: String
            switch channel.type {
            case .email:
                providerID = try await engine.sender.sendEmail(to: channel.address, subject: message.emailSubject, body: message.emailBody)
            case .sms:
                providerID = try await engine.sender.sendSMS(to: channel.address, body: message.smsBody, page: reference)
            case .voice:
                providerID = try await engine.sender.placeCall(to: channel.address, message: message.voiceText, page: reference)
            }
            let now = engine.clock.now()
            try await engine.store.write(logger: engine.logger) { tx in
                let pages = tx.pages
                try await pages.addReceipt(
                    PageReceipt(
                        id: receiptID, pageArn: page.arn, accountID: page.accountID, channelArn: channel.arn, type: .sent, info: providerID, at: now)
                )
                try await pages.mark(arn: page.arn, sentAt: now)
            }
            engine.logger.info(
                "page sent",
                metadata: ["page.arn": .string(page.arn), "channel.type": .string(channel.type.rawValue), "delivery.message_id": .string(providerID)]
            )
        } catch {
            try await recordFailure(error, payload: payload, page: page, channel: channel)
        }
    }

    private func recordFailure(_ error: any Error, payload: PagingJob.PageDelivery, page: Page, channel: ContactChannel) async throws {
        let now = engine.clock.now()
        let failure = error as? PageSendFailure ?? PageSendFailure(isPermanent: false, String(describing: error))
        let retry = !failure.isPermanent && payload.attempt + 1 < Self.maxAttempts
        let engine = self.engine
        try await engine.store.write(logger: engine.logger) { tx in
            try await tx.pages.addReceipt(
                PageReceipt(
                    id: "error:\(payload.pageArn):\(payload.channelArn):\(payload.attempt)",
                    pageArn: page.arn,
                    accountID: page.accountID,
                    channelArn: channel.arn,
                    type: .error,
                    info: String(failure.description.prefix(500)),
                    at: now
                )
            )
            if retry {
                var next = payload
                next.attempt += 1
                let minutes = max(payload.retryIntervalMinutes ?? 1, 1)
                try await engine.enqueue(next, dueAt: now.addingTimeInterval(TimeInterval(minutes * 60)), on: tx)
            }
        }
        engine.logger.warning(
            "page delivery failed",
            metadata: [
                "page.arn": .string(page.arn), "channel.type": .string(channel.type.rawValue), "error": .string(failure.description),
                "delivery.retry": .stringConvertible(retry),
            ]
        )
    }
}

/// Sends a channel its activation code.
struct ChannelActivationHandler: JobHandler {
    let kind = PagingJob.channelActivation
    let engine: PagingEngine

    func run(_ job: Job) async throws {
        let payload = try job.payload(as: PagingJob.ChannelActivation.self)
        guard
            let channel = try await engine.store.read(
                logger: engine.logger, { try await $0.channels.channel(arn: payload.channelArn, accountID: nil) }),
            channel.activationCode == payload.code
        else { return }
        let text = "Your Hikeshi activation code is \(payload.code). Enter it to activate this contact channel."
        do {
            switch channel.type {
            case .email:
                _ = try await engine.sender.sendEmail(to: channel.address, subject: "Hikeshi activation code \(payload.code)", body: text)
            case .sms:
                _ = try await engine.sender.sendSMS(to: channel.address, body: text, page: nil)
            case .voice:
                let spoken = payload.code.map(String.init).joined(separator: ", ")
                _ = try await engine.sender.placeCall(
                    to: channel.address,
                    message: "Your Hikeshi activation code is \(spoken). Again: \(spoken).",
                    page: nil
                )
            }
            engine.logger.info(
                "activation code sent", metadata: ["channel.arn": .string(channel.arn), "channel.type": .string(channel.type.rawValue)])
        } catch let failure as PageSendFailure where failure.isPermanent {
            // Retrying cannot help (bad address, provider not configured): give up on this code.
            engine.logger.warning("activation code not sent", metadata: ["channel.arn": .string(channel.arn), "error": .string(failure.description)])
        }
    }
}
