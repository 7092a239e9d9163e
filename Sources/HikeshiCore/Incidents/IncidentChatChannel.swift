/// Where an incident's chat updates go.
public enum IncidentChatChannel: Sendable, Equatable, Codable {
    /// Chat explicitly turned off.
    case none
    /// The SNS topics (AWS Chatbot's, or a Hikeshi chat channel's ARN) that relay updates to chat.
    case topics([String])
}
