import AWSProtocol
import SSMIncidentsModel

/// A page of an incident's timeline with each event whole: what `ListTimelineEvents` lists (same filters, order, tokens,
/// validation and account checks) with the data `GetTimelineEvent` gives, in one read. The ssm-incidents handler
/// provides it; the console shows timelines and notes through it.
public protocol ConsoleTimelineReader: Sendable {
    /// The page of events `input` names, and the token of the next page.
    func timelineEvents(_ input: SSMIncidents.ListTimelineEventsInput, context: AWSRequestContext) async throws
        -> (events: [SSMIncidents.TimelineEvent], nextToken: String?)
}
