import Foundation

/// A way a customer can talk to the support desk about a case.
public enum CommunicationChannel: String, CaseIterable, Sendable, Codable, Hashable {
    /// Correspondence on the case in the web console.
    case web
    /// Live chat.
    case chat
    /// A phone call.
    case call
}
