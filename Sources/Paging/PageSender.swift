import Foundation

/// Sends messages to people: the paging engine's only way out.
///
/// The server uses SMTP and Twilio (``DeliveryPageSender``); tests use a recording fake.
public protocol PageSender: Sendable {
    /// Sends an email; returns the provider's message id.
    func sendEmail(to address: String, subject: String, body: String) async throws -> String
    /// Sends an SMS; returns the provider's message id. With `page`, the provider reports delivery back.
    func sendSMS(to number: String, body: String, page: PageReference?) async throws -> String
    /// Places a voice call that reads `message`; with `page`, it collects the page's accept code on the keypad.
    func placeCall(to number: String, message: String, page: PageReference?) async throws -> String
}

/// The page a message belongs to, for acknowledgement by keypad and delivery reports.
public struct PageReference: Sendable, Equatable {
    /// The page.
    public var pageArn: String
    /// The channel the message goes to.
    public var channelArn: String
    /// The page's accept code.
    public var acceptCode: String

    /// Creates a reference.
    public init(pageArn: String, channelArn: String, acceptCode: String) {
        self.pageArn = pageArn
        self.channelArn = channelArn
        self.acceptCode = acceptCode
    }
}

/// A delivery that did not go through.
public struct PageSendFailure: Error, Sendable, CustomStringConvertible {
    /// Whether retrying cannot help (bad address, channel not configured).
    public var isPermanent: Bool
    /// What happened (never a secret).
    public var description: String

    /// Creates a failure.
    public init(isPermanent: Bool, _ description: String) {
        self.isPermanent = isPermanent
        self.description = description
    }
}

/// Finds who is on call in on-call schedules.
public protocol OnCallResolver: Sendable {
    /// The people on call at `instant` in the given rotations (in rotation order, without repeats).
    func onCall(rotationArns: [String], accountID: String, at instant: Date) async throws -> [String]
}
