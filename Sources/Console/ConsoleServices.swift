import HikeshiCore
import HikeshiModel
import SSMContactsModel
import SSMIncidentsModel
import SSMModel
import Storage
import SupportModel

/// The API families the console calls: the same handlers the AWS endpoint calls, through their generated protocols, so
/// every change made in the console goes through the API's validation and account isolation.
public struct ConsoleServices: Sendable {
    /// ssm-incidents.
    public var incidents: any SSMIncidentsAPI
    /// Timeline pages with their events' data (the ssm-incidents handler).
    public var timeline: any ConsoleTimelineReader
    /// ssm-contacts.
    public var contacts: any SSMContactsAPI
    /// support (the customer's side of cases).
    public var support: any SupportAPI
    /// The desk part of the hikeshi API (agents, queue, plans, calendars).
    public var desk: any HikeshiDeskAPI
    /// Post-incident analyses (hikeshi API).
    public var analysis: any HikeshiAnalysisAPI
    /// Automation executions (runbooks) of the ssm API.
    public var automation: any SSMAutomationAPI
    /// SSM documents (a runbook step's description).
    public var documents: any SSMDocumentsAPI
    /// The account's access keys (admin pages).
    public var accessKeys: any ConsoleAccessKeys
    /// Calendar feed URLs ("my on-call").
    public var calendarFeeds: any ConsoleCalendarFeeds
    /// The console's own users and sessions.
    public var store: any ConsoleStore
    /// Domain time.
    public var clock: any HikeshiClock
    /// Where every change made through a console form is recorded (none in tests that do not look).
    public var audit: (any AuditLog)?

    /// Creates the set.
    public init(
        incidents: any SSMIncidentsAPI, timeline: any ConsoleTimelineReader, contacts: any SSMContactsAPI, support: any SupportAPI,
        desk: any HikeshiDeskAPI,
        analysis: any HikeshiAnalysisAPI, automation: any SSMAutomationAPI, documents: any SSMDocumentsAPI,
        accessKeys: any ConsoleAccessKeys, calendarFeeds: any ConsoleCalendarFeeds, store: any ConsoleStore,
        clock: any HikeshiClock, audit: (any AuditLog)? = nil
    ) {
        self.incidents = incidents
        self.timeline = timeline
        self.contacts = contacts
        self.support = support
        self.desk = desk
        self.analysis = analysis
        self.automation = automation
        self.documents = documents
        self.accessKeys = accessKeys
        self.calendarFeeds = calendarFeeds
        self.store = store
        self.clock = clock
        self.audit = audit
    }
}
