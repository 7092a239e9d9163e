import Foundation
import HikeshiCore
import Testing

@Suite("Contact channel activation")
struct ContactChannelTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func channel() -> ContactChannel {
        ContactChannel(
            arn: "arn:aws:ssm-contacts:us-east-1:111111111111:contact-channel/akiko/1",
            accountID: "111111111111",
            region: "us-east-1",
            contactArn: "arn:aws:ssm-contacts:us-east-1:111111111111:contact/akiko",
            name: "phone",
            type: .sms,
            address: "+819012345678",
            activation: .notActivated,
            activationCode: "123456",
            activationSentAt: start,
            createdAt: start,
            updatedAt: start
        )
    }

    @Test("activating spends the pending code")
    func activate() {
        var channel = Self.channel()
        channel.activate(at: Self.start + 60)
        #expect(channel.isActivated && channel.activationCode == nil && channel.updatedAt == Self.start + 60)
    }

    @Test("a new code leaves the activation alone; a new address needs activating again")
    func codesAndAddresses() {
        var channel = Self.channel()
        channel.activate(at: Self.start + 60)
        channel.issueActivationCode("654321", at: Self.start + 120)
        #expect(channel.isActivated && channel.activationCode == "654321" && channel.activationSentAt == Self.start + 120)
        channel.move(to: "+819087654321", code: "111111", at: Self.start + 180)
        #expect(!channel.isActivated && channel.address == "+819087654321" && channel.activationCode == "111111")
    }

    @Test("deactivating keeps a pending code; opting out voids it")
    func deactivateAndOptOut() {
        var deactivated = Self.channel()
        deactivated.deactivate(at: Self.start + 60)
        #expect(!deactivated.isActivated && deactivated.activationCode == "123456")
        var optedOut = Self.channel()
        optedOut.optOut(at: Self.start + 60)
        #expect(!optedOut.isActivated && optedOut.activationCode == nil)
    }
}
