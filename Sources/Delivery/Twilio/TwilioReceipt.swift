/// What Twilio said when it accepted a message or a call.
public struct TwilioReceipt: Sendable, Hashable {
    /// The resource SID (`SM...` for a message, `CA...` for a call); record it as the provider's message id.
    public let sid: String
    /// The status Twilio reported, such as `queued` or `accepted`.
    public let status: String
    /// The HTTP status of the reply (201 for a created resource).
    public let httpStatus: Int

    /// Makes a receipt.
    ///
    /// - Parameters:
    ///   - sid: The resource SID.
    ///   - status: The reported status.
    ///   - httpStatus: The HTTP status of the reply.
    public init(sid: String, status: String, httpStatus: Int) {
        self.sid = sid
        self.status = status
        self.httpStatus = httpStatus
    }
}
