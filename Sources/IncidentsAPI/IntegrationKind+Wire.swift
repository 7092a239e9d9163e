import HikeshiCore
import HikeshiModel
import Storage

extension IntegrationKind {
    /// The `hikeshi` API's kind of an alert integration; a chat kind here means the stored row is not what it claims.
    func wireAlertKind() throws -> Hikeshi.IntegrationKind {
        switch self {
        case .alertmanager: .alertmanager
        case .eventbridge: .eventbridge
        case .cloudwatchSNS: .cloudwatchSns
        case .grafana: .grafana
        case .generic: .generic
        case .slack, .teams, .chime: throw StorageError(.corrupt, "an alert integration has the chat kind \(rawValue)")
        }
    }

    /// The `hikeshi` API's kind of a chat channel; an alert kind here means the stored row is not what it claims.
    func wireChatKind() throws -> Hikeshi.ChatChannelKind {
        switch self {
        case .slack: .slack
        case .teams: .teams
        case .chime: .chime
        case .alertmanager, .eventbridge, .cloudwatchSNS, .grafana, .generic:
            throw StorageError(.corrupt, "a chat channel has the alert kind \(rawValue)")
        }
    }
}
