import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Storage
import Synchronization

/// Who starts an execution, and where: its steps run as this caller.
public struct AutomationCaller: Sendable, Equatable {
    /// The account.
    public var accountID: String
    /// The region.
    public var region: String
    /// The caller's access key id.
    public var accessKey: String

    /// Creates a caller.
    public init(accountID: String, region: String, accessKey: String) {
        self.accountID = accountID
        self.region = region
        self.accessKey = accessKey
    }

    /// The caller as a principal ARN (`ExecutedBy`).
    public var principalArn: String {
        "arn:aws:iam::\(accountID):user/\(accessKey)"
    }
}
