import Foundation
import HikeshiCore

/// A support case: the columns the desk queries on, and the rest (plan snapshot, coach advice, resolution, survey) as JSON.
public struct SupportCaseRecord: Sendable, Equatable {
    /// `case-<account>-<year>-<16 hex>`.
    public var caseID: String
    /// The numeric id people quote.
    public var displayID: String
    /// The customer account.
    public var accountID: String
    /// The AWS Support status.
    public var status: SupportCaseStatus
    /// The service code.
    public var serviceCode: String
    /// The category code.
    public var categoryCode: String
    /// The severity code, fixed at creation.
    public var severity: String
    /// The case language.
    public var language: String
    /// The agent specialty the case's service belongs to.
    public var specialty: String
    /// The assigned agent.
    public var agentID: String?
    /// When it was opened.
    public var createdAt: Date
    /// When the first response is due (nil when the plan sets no target).
    public var dueAt: Date?
    /// When an agent first replied.
    public var firstResponseAt: Date?
    /// Whether the first-response target passed without a reply.
    public var breached: Bool
    /// When it was resolved.
    public var resolvedAt: Date?
    /// When it last changed.
    public var updatedAt: Date
    /// Lower-cased subject, body and resolution note, for the knowledge search.
    public var searchText: String
    /// The rest, as JSON.
    public var document: String

    /// Creates a record.
    public init(
        caseID: String,
        displayID: String,
        accountID: String,
        status: SupportCaseStatus,
        serviceCode: String,
        categoryCode: String,
        severity: String,
        language: String,
        specialty: String,
        agentID: String?,
        createdAt: Date,
        dueAt: Date?,
        firstResponseAt: Date?,
        breached: Bool,
        resolvedAt: Date?,
        updatedAt: Date,
        searchText: String,
        document: String
    ) {
        self.caseID = caseID
        self.displayID = displayID
        self.accountID = accountID
        self.status = status
        self.serviceCode = serviceCode
        self.categoryCode = categoryCode
        self.severity = severity
        self.language = language
        self.specialty = specialty
        self.agentID = agentID
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.firstResponseAt = firstResponseAt
        self.breached = breached
        self.resolvedAt = resolvedAt
        self.updatedAt = updatedAt
        self.searchText = searchText
        self.document = document
    }
}
