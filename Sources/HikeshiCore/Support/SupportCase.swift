import Foundation

/// A support case: who opened it about what, at which severity, where it stands, and its first-response clock.
public struct SupportCase: Sendable, Equatable {
    /// `case-<account>-<year>-<16 hex>`.
    public var caseID: String
    /// The numeric id people quote.
    public var displayID: String
    /// The customer account.
    public var accountID: String
    /// The AWS Support status.
    public internal(set) var status: SupportCaseStatus
    /// The service code.
    public var serviceCode: String
    /// The category code.
    public var categoryCode: String
    /// The severity, fixed at creation (a higher one opens a new case).
    public var severity: SupportSeverity
    /// The case language.
    public var language: SupportLanguage
    /// The agent specialty the case's service belongs to.
    public var specialty: SupportSpecialty
    /// The assigned agent.
    public internal(set) var agentID: String?
    /// When it was opened.
    public var createdAt: Date
    /// When the first response is due (nil when the plan sets no target).
    public var dueAt: Date?
    /// When an agent first replied.
    public internal(set) var firstResponseAt: Date?
    /// Whether the first-response target passed without a reply.
    public internal(set) var breached: Bool
    /// When it was resolved.
    public internal(set) var resolvedAt: Date?
    /// When it last changed.
    public var updatedAt: Date
    /// Lower-cased subject, messages and resolution note, for the knowledge search.
    public var searchText: String
    /// The rest: the plan snapshot and clock, the coach's advice, the resolution and the survey.
    public var details: SupportCaseDetails

    /// Creates a case as stored; a new case starts ``SupportCaseStatus/initial``.
    public init(
        caseID: String,
        displayID: String,
        accountID: String,
        status: SupportCaseStatus,
        serviceCode: String,
        categoryCode: String,
        severity: SupportSeverity,
        language: SupportLanguage,
        specialty: SupportSpecialty,
        agentID: String?,
        createdAt: Date,
        dueAt: Date?,
        firstResponseAt: Date?,
        breached: Bool,
        resolvedAt: Date?,
        updatedAt: Date,
        searchText: String,
        details: SupportCaseDetails
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
        self.details = details
    }

    /// Hands the case to an agent.
    public mutating func assign(to agentID: String, at now: Date) {
        self.agentID = agentID
        status = status.after(.assigned)
        updatedAt = now
    }

    /// An agent wrote to the customer: the agent takes the case if nobody has it, the first reply stops the clock, and
    /// the case waits on the customer when the agent asked for information.
    public mutating func agentReplied(_ agentID: String, text: String, requestingInformation: Bool, at now: Date) {
        recordAgentMessage(agentID, text: text, at: now)
        status = status.after(requestingInformation ? .agentRequestedInformation : .agentReplied)
    }

    /// An agent resolved the case with a note, which is also their message to the customer.
    public mutating func resolvedByAgent(_ agentID: String, note: String, at now: Date) {
        recordAgentMessage(agentID, text: note, at: now)
        details.resolutionNote = note
        resolve(at: now)
    }

    /// The customer wrote: a pending question is answered, a resolved case reopens.
    public mutating func customerReplied(text: String, at now: Date) {
        let next = status.after(.customerReplied)
        if next != status, status.isResolved {
            resolvedAt = nil
        }
        status = next
        searchText += "\n" + text.lowercased()
        updatedAt = now
    }

    /// Resolves the case.
    public mutating func resolve(at now: Date) {
        status = status.after(.resolved)
        resolvedAt = now
        updatedAt = now
    }

    /// Whether the first-response target has passed at `now` with no reply, and the breach is not recorded yet.
    public func isOverdue(at now: Date) -> Bool {
        guard let dueAt else { return false }
        return firstResponseAt == nil && !breached && !status.isResolved && dueAt <= now
    }

    /// Records the breach of the first-response target.
    public mutating func markBreached(at now: Date) {
        breached = true
        updatedAt = now
    }

    private mutating func recordAgentMessage(_ agentID: String, text: String, at now: Date) {
        if self.agentID == nil {
            self.agentID = agentID
        }
        if firstResponseAt == nil {
            firstResponseAt = now
        }
        searchText += "\n" + text.lowercased()
        updatedAt = now
    }
}
