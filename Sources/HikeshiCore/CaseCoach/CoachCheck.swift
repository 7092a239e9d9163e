/// One check of the case coach; its raw value is the stable finding code.
///
/// The cases are declared in the order findings are reported: what must be fixed before filing first,
/// then what AWS Support will not answer or has already answered, then missing information, then style.
public enum CoachCheck: String, Sendable, Codable, Hashable, CaseIterable {
    /// A secret or personal data (access key, password, private key, card number, email, phone) is in the draft.
    case sensitiveData = "sensitive-data"
    /// Asks about resources of an account other than the one filing the case.
    case notAnswerableOtherAccount = "not-answerable.other-account"
    /// Asks for the detailed root cause of an AWS infrastructure or hardware failure.
    case notAnswerableFailureRootCause = "not-answerable.failure-root-cause"
    /// Asks for performance figures or benchmarks of a service.
    case notAnswerablePerformanceFigures = "not-answerable.performance-figures"
    /// Asks for the history or frequency of AWS maintenance.
    case notAnswerableMaintenanceHistory = "not-answerable.maintenance-history"
    /// Asks how AWS works internally without saying why.
    case notAnswerableInternalMechanism = "not-answerable.internal-mechanism"
    /// Asks for compliance or audit documents.
    case notAnswerableComplianceDocuments = "not-answerable.compliance-documents"
    /// Asks when a feature will ship or a defect will be fixed.
    case notAnswerableFixDate = "not-answerable.fix-date"
    /// Mentions `StatusCheckFailed_System`: a fault of the underlying host.
    case knownAnswerStatusCheckSystem = "known-answer.status-check-system"
    /// Mentions `StatusCheckFailed_Instance`: a problem inside the instance's operating system.
    case knownAnswerStatusCheckInstance = "known-answer.status-check-instance"
    /// Mentions a throttling error such as `ThrottlingException` or `Rate exceeded`.
    case knownAnswerThrottling = "known-answer.throttling"
    /// Mentions a quota error such as `VcpuLimitExceeded` or `ServiceQuotaExceededException`.
    case knownAnswerQuotaExceeded = "known-answer.quota-exceeded"
    /// Mentions a scheduled instance retirement or degraded hardware.
    case knownAnswerScheduledRetirement = "known-answer.scheduled-retirement"
    /// No question or request is asked.
    case noQuestion = "no-question"
    /// Resources are mentioned without their ids, ARNs or names.
    case resourceWithoutID = "resource-without-id"
    /// No region is given.
    case noRegion = "no-region"
    /// A time is given without its time zone.
    case timeWithoutZone = "time-without-zone"
    /// A problem is described without saying whether it is still happening.
    case ongoingUnstated = "ongoing-unstated"
    /// An error is mentioned without its exact message, error code or request id.
    case errorWithoutMessage = "error-without-message"
    /// The ultimate goal is not stated.
    case noGoal = "no-goal"
    /// A problem is described without saying what was already tried.
    case noAttempts = "no-attempts"
    /// A previous case is mentioned without its case id.
    case previousCaseWithoutID = "previous-case-without-id"
    /// Several unrelated questions are asked in one case.
    case severalQuestions = "several-questions"
    /// Urgency words in the subject, which do not raise the severity.
    case urgentInSubject = "urgent-in-subject"

    /// The finding code, e.g. `no-region` or `not-answerable.fix-date`.
    public var code: String { rawValue }

    /// The kind of advice this check gives.
    public var kind: CoachFindingKind {
        switch self {
        case .sensitiveData:
            return .mask
        case .notAnswerableOtherAccount, .notAnswerableFailureRootCause, .notAnswerablePerformanceFigures,
            .notAnswerableMaintenanceHistory, .notAnswerableInternalMechanism, .notAnswerableComplianceDocuments,
            .notAnswerableFixDate:
            return .notAnswerable
        case .knownAnswerStatusCheckSystem, .knownAnswerStatusCheckInstance, .knownAnswerThrottling,
            .knownAnswerQuotaExceeded, .knownAnswerScheduledRetirement:
            return .knownAnswer
        case .noQuestion, .resourceWithoutID, .noRegion, .timeWithoutZone, .ongoingUnstated, .errorWithoutMessage,
            .noGoal, .noAttempts, .previousCaseWithoutID:
            return .missingInformation
        case .severalQuestions, .urgentInSubject:
            return .style
        }
    }
}
