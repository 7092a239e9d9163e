import HikeshiCore

/// A job the paging engine queues after another: its kind, and a key naming what it does, so that it is queued once
/// (see ``PagingEngine/enqueue(_:dueAt:on:)``).
protocol PagingFollowUp: Encodable {
    /// The job kind.
    static var kind: String { get }
    /// What the job does, unique among the jobs of its kind.
    var onceKey: String { get }
}

extension PagingJob.EngagementStage: PagingFollowUp {
    static var kind: String { PagingJob.engagementStage }
    var onceKey: String { "\(engagementArn):\(stage)" }
}

extension PagingJob.PageStage: PagingFollowUp {
    static var kind: String { PagingJob.pageStage }
    var onceKey: String { "\(pageArn):\(stage)" }
}

extension PagingJob.PageDelivery: PagingFollowUp {
    static var kind: String { PagingJob.pageDelivery }
    var onceKey: String { "\(pageArn):\(channelArn):\(attempt)" }
}
