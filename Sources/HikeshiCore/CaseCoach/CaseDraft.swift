/// A support case as its author is about to file it: what the case coach reads.
///
/// The fields mirror the AWS Support `CreateCase` request: `subject`, `communicationBody`,
/// `serviceCode`, `categoryCode`, `severityCode` and `language`.
public struct CaseDraft: Sendable, Codable, Hashable {
    /// The case subject (title).
    public var subject: String
    /// The case body: the first communication.
    public var body: String
    /// The AWS Support service code, e.g. `amazon-elastic-compute-cloud-linux`, if chosen.
    public var serviceCode: String?
    /// The AWS Support category code, e.g. `instance-issue`, if chosen.
    public var categoryCode: String?
    /// The severity code (`low`, `normal`, `high`, `urgent`, `critical`), if chosen.
    public var severityCode: String?
    /// The language the advice is written in: `en`, `ja`, `ko` or `zh`; anything else falls back to English.
    public var language: String

    /// Creates a draft.
    public init(
        subject: String,
        body: String,
        serviceCode: String? = nil,
        categoryCode: String? = nil,
        severityCode: String? = nil,
        language: String = "en"
    ) {
        self.subject = subject
        self.body = body
        self.serviceCode = serviceCode
        self.categoryCode = categoryCode
        self.severityCode = severityCode
        self.language = language
    }
}
