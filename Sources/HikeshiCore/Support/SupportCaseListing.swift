import Foundation

/// A case as a customer's `DescribeCases` lists it: the columns it answers and three members of the stored details.
///
/// Listing twenty cases used to decode every case's whole stored document (the plan snapshot with its business
/// calendar, the first-response clock, the coach's findings) to answer a subject, a submitter and CC addresses; a
/// listing reads only those.
public struct SupportCaseListing: Sendable, Equatable {
    /// `case-<account>-<year>-<16 hex>`.
    public var caseID: String
    /// The numeric id people quote.
    public var displayID: String
    /// The AWS Support status.
    public var status: SupportCaseStatus
    /// The service code.
    public var serviceCode: String
    /// The category code.
    public var categoryCode: String
    /// The severity.
    public var severity: SupportSeverity
    /// The case language.
    public var language: SupportLanguage
    /// When it was opened.
    public var createdAt: Date
    /// The subject.
    public var subject: String
    /// Who opened it.
    public var submittedBy: String
    /// CC addresses given at creation.
    public var ccEmailAddresses: [String]

    /// Creates a listing.
    public init(
        caseID: String, displayID: String, status: SupportCaseStatus, serviceCode: String, categoryCode: String,
        severity: SupportSeverity, language: SupportLanguage, createdAt: Date, subject: String, submittedBy: String,
        ccEmailAddresses: [String]
    ) {
        self.caseID = caseID
        self.displayID = displayID
        self.status = status
        self.serviceCode = serviceCode
        self.categoryCode = categoryCode
        self.severity = severity
        self.language = language
        self.createdAt = createdAt
        self.subject = subject
        self.submittedBy = submittedBy
        self.ccEmailAddresses = ccEmailAddresses
    }

    /// The listing of a whole case.
    public init(_ supportCase: SupportCase) {
        self.init(
            caseID: supportCase.caseID, displayID: supportCase.displayID, status: supportCase.status,
            serviceCode: supportCase.serviceCode, categoryCode: supportCase.categoryCode, severity: supportCase.severity,
            language: supportCase.language, createdAt: supportCase.createdAt, subject: supportCase.details.subject,
            submittedBy: supportCase.details.submittedBy, ccEmailAddresses: supportCase.details.ccEmailAddresses)
    }
}
