import Foundation
import HikeshiCore
import SQLKit

/// What `DescribeAutomationExecutions` filters on; within a key any value matches, across keys all must.
public struct AutomationExecutionQuery: Sendable, Equatable {
    /// `DocumentNamePrefix`.
    public var namePrefixes: [String] = []
    /// `ExecutionStatus`.
    public var statuses: [AutomationStatus] = []
    /// `ExecutionId`.
    public var ids: [String] = []
    /// `ParentExecutionId`.
    public var parentIDs: [String] = []
    /// `OpsItemId`.
    public var opsItemIDs: [String] = []
    /// `StartTimeBefore`.
    public var startedBefore: Date?
    /// `StartTimeAfter`.
    public var startedAfter: Date?
    /// `TagKey`: the execution has a tag with one of these keys.
    public var tagKeys: [String] = []

    /// An empty query (everything).
    public init() {}
}
