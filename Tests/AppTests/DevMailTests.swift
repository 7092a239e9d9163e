import Foundation
import Logging
import Synchronization
import Testing

@testable import App

/// `--dev-mail=log`: the setting, what start-up says, and the printed blocks.
@Suite("Dev mail")
struct DevMailTests {
    private final class Printed: Sendable {
        let blocks = Mutex<[String]>([])
    }

    @Test func readFromEachSource() async throws {
        #expect(try await HikeshiConfiguration.load(commandLine: [:], environment: [:]).devMail == .off)
        #expect(try await HikeshiConfiguration.load(commandLine: [.devMail: "log"], environment: [:]).devMail == .log)
        #expect(try await HikeshiConfiguration.load(commandLine: [:], environment: ["HIKESHI_DEV_MAIL": "LOG"]).devMail == .log)
        #expect(try await HikeshiConfiguration.load(commandLine: [.devMail: "off"], environment: ["HIKESHI_DEV_MAIL": "log"]).devMail == .off)
        let path = FileManager.default.temporaryDirectory.appending(path: "hikeshi-devmail-\(UUID().uuidString).yaml").path()
        try "dev:\n  mail: log\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try await HikeshiConfiguration.load(commandLine: [.configFile: path], environment: [:]).devMail == .log)
        await #expect(throws: ConfigurationError.self) {
            try await HikeshiConfiguration.load(commandLine: [.devMail: "smtp"], environment: [:])
        }
    }

    @Test func deliveryModeAndBanner() async throws {
        var configuration = HikeshiConfiguration()
        #expect(configuration.deliveryMode == .undelivered)
        #expect(configuration.deliveryBanner.first == "email and SMS are not configured: activation codes and pages are NOT delivered.")
        #expect(
            configuration.deliveryBanner.contains {
                $0.contains("show-activation-code --account-id ACCOUNT --channel-arn ARN --data-dir \(configuration.dataDirectory.path)")
            })
        configuration.databaseURL = "postgres://user:secret@db/hikeshi"
        #expect(!configuration.deliveryBanner.joined().contains("secret"))
        configuration = try await HikeshiConfiguration.load(
            commandLine: [:], environment: ["HIKESHI_SMTP_URL": "smtp://mail.example.jp:587", "HIKESHI_SMTP_FROM": "pages@example.jp"])
        #expect(configuration.deliveryMode == .providers)
        #expect(configuration.deliveryBanner.isEmpty)
        configuration.devMail = .log
        #expect(configuration.deliveryMode == .printed(replacing: true))
        #expect(configuration.deliveryBanner.count == 2)
        #expect(HikeshiConfiguration(devMail: .log).deliveryMode == .printed(replacing: false))
    }

    @Test func everyMessageIsOneBlockAndDelivered() async throws {
        let printed = Printed()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let printer = DevMailPrinter(logger: logger) { text in printed.blocks.withLock { $0.append(text) } }
        let mailID = try await printer.sendEmail(to: "a@example.test", subject: "Hikeshi activation code 123456", body: "code 123456\nbye")
        let smsID = try await printer.sendSMS(to: "+15555550100", body: "Disk full\u{1B}[2J", page: nil)
        _ = try await printer.placeCall(to: "+15555550101", message: "Hikeshi page.", page: nil)
        #expect(mailID.hasPrefix("dev-mail-") && smsID.hasPrefix("dev-mail-") && mailID != smsID)
        let blocks = printed.blocks.withLock { $0 }
        try #require(blocks.count == 3)
        #expect(
            blocks[0] == """
                ----- hikeshi dev mail: EMAIL (printed, not sent; \(mailID)) -----
                To: a@example.test
                Subject: Hikeshi activation code 123456

                code 123456
                bye
                ----- end of dev mail \(mailID) -----

                """)
        #expect(blocks[1].contains("To: +15555550100\n\nDisk full?[2J\n"))
        let paged = DevMailPrinter.block(id: "x", channel: "SMS", to: ["+15555550100"], subject: nil, body: "Reply 654321", acceptCode: "654321")
        #expect(paged.contains("To: +15555550100\nAccept code: 654321\n\nReply 654321\n"))
        #expect(blocks[2].hasPrefix("----- hikeshi dev mail: VOICE"))
        #expect(!blocks[2].contains("Accept code"))
    }
}

extension HikeshiConfiguration {
    fileprivate init(devMail: DevMail) {
        self.init()
        self.devMail = devMail
    }
}
