import Foundation

/// A case forwarded to an upstream support provider (AWS Support with the reseller's credentials, or any desk that
/// speaks the Support API): the upstream case it created, where the conversation with it stands, and the failures
/// of the desk's last attempts to reach it — which the agent sees on the case.
public struct SupportEscalation: Sendable, Equatable {
    /// Where an escalation stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// The upstream case is not created yet (the desk keeps trying).
        case creating = "CREATING"
        /// The upstream case is open: the desk sends what the agent chooses and reads what comes back.
        case open = "OPEN"
        /// The upstream case is resolved; a message the agent sends reopens it.
        case resolved = "RESOLVED"
        /// The upstream desk refused the case for good (credentials, plan, input); the agent retries after fixing it.
        case failed = "FAILED"
    }

    /// The escalation's id (`esc-` and 20 hex digits).
    public var id: String
    /// The desk's case.
    public var caseID: String
    /// The desk's (provider's) account, which owns the files that come down.
    public var deskAccountID: String
    /// The upstream provider's name.
    public var provider: String
    /// Where it stands.
    public var status: Status
    /// What the upstream case is opened with.
    public var opening: Opening
    /// The upstream case, once created.
    public var upstreamCaseID: String?
    /// Its display id.
    public var upstreamDisplayID: String?
    /// Its status upstream.
    public var upstreamStatus: String?
    /// Failed attempts in a row.
    public var attempts: Int
    /// The last failure, for the agent.
    public var lastError: String?
    /// When the desk next talks to the upstream desk.
    public var nextAttemptAt: Date?
    /// When the desk last read the upstream case.
    public var lastPolledAt: Date?
    /// The job that carries the escalation on; another job for it finds itself stale and stops.
    public var chainJobID: String?
    /// The job that holds the escalation (a job that died holding it takes it back when the scheduler runs it again).
    public var leaseOwner: String?
    /// Until when that job holds it (two never talk upstream for it at once).
    public var leaseUntil: Date?
    /// When the agent escalated.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// What the upstream case is created with.
    public struct Opening: Codable, Sendable, Equatable {
        /// The subject.
        public var subject: String
        /// The service code.
        public var serviceCode: String
        /// The category code.
        public var categoryCode: String
        /// The severity code.
        public var severityCode: String
        /// The language.
        public var language: SupportLanguage
        /// Whether it is a technical case (else account and billing).
        public var technical: Bool

        /// Creates a value.
        public init(subject: String, serviceCode: String, categoryCode: String, severityCode: String, language: SupportLanguage, technical: Bool) {
            self.subject = subject
            self.serviceCode = serviceCode
            self.categoryCode = categoryCode
            self.severityCode = severityCode
            self.language = language
            self.technical = technical
        }
    }

    /// Creates a value.
    public init(
        id: String, caseID: String, deskAccountID: String, provider: String, status: Status, opening: Opening, upstreamCaseID: String? = nil,
        upstreamDisplayID: String? = nil, upstreamStatus: String? = nil, attempts: Int = 0, lastError: String? = nil, nextAttemptAt: Date? = nil,
        lastPolledAt: Date? = nil, chainJobID: String? = nil, leaseOwner: String? = nil, leaseUntil: Date? = nil, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.caseID = caseID
        self.deskAccountID = deskAccountID
        self.provider = provider
        self.status = status
        self.opening = opening
        self.upstreamCaseID = upstreamCaseID
        self.upstreamDisplayID = upstreamDisplayID
        self.upstreamStatus = upstreamStatus
        self.attempts = attempts
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
        self.lastPolledAt = lastPolledAt
        self.chainJobID = chainJobID
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The upstream case was created (or found): it is open.
    public mutating func linked(upstreamCaseID: String, displayID: String?, at now: Date) {
        self.upstreamCaseID = upstreamCaseID
        upstreamDisplayID = displayID
        status = .open
        succeeded(at: now)
    }

    /// A talk with the upstream desk went through: the failure count starts again.
    public mutating func succeeded(at now: Date) {
        attempts = 0
        lastError = nil
        updatedAt = now
    }

    /// A talk failed; `retryAt` nil when retrying cannot help (refused credentials, a deleted provider, a plan the
    /// upstream desk refuses): the escalation fails until the agent retries it.
    public mutating func attemptFailed(_ error: String, retryAt: Date?, at now: Date) {
        attempts += 1
        lastError = String(error.prefix(1000))
        nextAttemptAt = retryAt
        if retryAt == nil {
            status = .failed
        }
        updatedAt = now
    }

    /// The upstream case's status as read; a resolved upstream case resolves the escalation.
    public mutating func upstreamStatusRead(_ upstream: String, at now: Date) {
        upstreamStatus = upstream
        lastPolledAt = now
        if upstreamCaseID != nil {
            status = upstream == "resolved" ? .resolved : .open
        }
        updatedAt = now
    }

    /// The agent sent more, or retried: the escalation is carried on (a resolved upstream case reopens when the
    /// message reaches it; a failed escalation tries again).
    public mutating func resumed(at now: Date) {
        if status == .failed {
            status = upstreamCaseID == nil ? .creating : .open
            attempts = 0
            lastError = nil
        } else if status == .resolved {
            status = .open
        }
        updatedAt = now
    }

    /// The delay before the next attempt after `attempts` failures in a row: 30 s doubling, at most an hour.
    public static func backoff(attempts: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(0, min(attempts - 1, 12)))), 3600)
    }
}
