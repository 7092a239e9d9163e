import Foundation

/// A receipt: what happened to a page on a channel.
public struct PageReceipt: Sendable, Equatable {
    /// A unique id; a retried delivery job reuses its id, so a receipt is written once.
    public var id: String
    /// The page.
    public var pageArn: String
    /// The owning account.
    public var accountID: String
    /// The channel, if the receipt concerns one.
    public var channelArn: String?
    /// What happened.
    public var type: PageReceiptType
    /// Details: the provider's message id, an error, a note.
    public var info: String?
    /// When it happened.
    public var at: Date

    /// Creates a receipt.
    public init(id: String, pageArn: String, accountID: String, channelArn: String?, type: PageReceiptType, info: String?, at: Date) {
        self.id = id
        self.pageArn = pageArn
        self.accountID = accountID
        self.channelArn = channelArn
        self.type = type
        self.info = info
        self.at = at
    }
}

/// What happened to a page on a channel. The raw values are the stored and the wire form.
public enum PageReceiptType: String, Sendable, Equatable, Codable, CaseIterable {
    /// Handed to the provider.
    case sent = "SENT"
    /// The provider or the person confirmed delivery.
    case delivered = "DELIVERED"
    /// The person acknowledged.
    case read = "READ"
    /// Delivery failed.
    case error = "ERROR"
    /// The page was stopped.
    case stop = "STOP"
}
