import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Storage
import Synchronization

/// The payload of the job that moves an execution.
struct AutomationJob: Codable, Sendable {
    /// The execution.
    var executionId: String
}
