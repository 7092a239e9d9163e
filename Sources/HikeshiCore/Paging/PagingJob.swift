/// The durable jobs of the paging engine: their kinds and payloads.
///
/// An engagement advances by jobs only, so a restart (or `kill -9`) resumes it from the jobs table.
public enum PagingJob {
    /// Runs stage `stage` of an engagement: pages the people it resolves to and schedules the next stage.
    public static let engagementStage = "engagement.stage"
    /// Runs stage `stage` of a person's own plan for a page: queues deliveries to that stage's channels.
    public static let pageStage = "page.stage"
    /// Sends a page on one channel.
    public static let pageDelivery = "page.deliver"
    /// Sends a channel its activation code.
    public static let channelActivation = "channel.activation"

    /// The payload of ``engagementStage``.
    public struct EngagementStage: Codable, Sendable, Equatable {
        /// The engagement.
        public var engagementArn: String
        /// The stage of the engaged contact's plan.
        public var stage: Int

        /// Creates a payload.
        public init(engagementArn: String, stage: Int) {
            self.engagementArn = engagementArn
            self.stage = stage
        }
    }

    /// The payload of ``pageStage``.
    public struct PageStage: Codable, Sendable, Equatable {
        /// The page.
        public var pageArn: String
        /// The stage of the person's plan.
        public var stage: Int

        /// Creates a payload.
        public init(pageArn: String, stage: Int) {
            self.pageArn = pageArn
            self.stage = stage
        }
    }

    /// The payload of ``pageDelivery``.
    public struct PageDelivery: Codable, Sendable, Equatable {
        /// The page.
        public var pageArn: String
        /// The channel to send on.
        public var channelArn: String
        /// Which attempt this is (0 first); failed attempts are retried after `retryIntervalMinutes`.
        public var attempt: Int
        /// Minutes between attempts after a failure.
        public var retryIntervalMinutes: Int?

        /// Creates a payload.
        public init(pageArn: String, channelArn: String, attempt: Int, retryIntervalMinutes: Int?) {
            self.pageArn = pageArn
            self.channelArn = channelArn
            self.attempt = attempt
            self.retryIntervalMinutes = retryIntervalMinutes
        }
    }

    /// The payload of ``channelActivation``.
    public struct ChannelActivation: Codable, Sendable, Equatable {
        /// The channel.
        public var channelArn: String
        /// The code to send (the job is replaced when a new code is issued).
        public var code: String

        /// Creates a payload.
        public init(channelArn: String, code: String) {
            self.channelArn = channelArn
            self.code = code
        }
    }
}
