import Foundation

/// A message that Amazon SNS delivers to an HTTP(S) subscriber: a `SubscriptionConfirmation`, a `Notification`
/// or an `UnsubscribeConfirmation`, with its signature.
///
/// Verify it with ``verifySignature(certificatePEM:)`` against the SNS signing certificate before acting on it;
/// read a CloudWatch alarm from a notification with ``cloudWatchAlarm()``.
public struct SNSMessage: Sendable, Hashable {
    /// The message `Type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A request to confirm a new subscription by visiting ``SNSMessage/subscribeURL``.
        case subscriptionConfirmation = "SubscriptionConfirmation"
        /// A message published to the topic.
        case notification = "Notification"
        /// The confirmation that the subscription was removed.
        case unsubscribeConfirmation = "UnsubscribeConfirmation"
    }

    /// The message type.
    public var kind: Kind
    /// `MessageId`.
    public var messageId: String
    /// `TopicArn`.
    public var topicArn: String
    /// `Subject`, present only on notifications published with one.
    public var subject: String?
    /// `Message`: the published text, or for confirmations SNS's explanation.
    public var message: String
    /// `Timestamp`, exactly as sent (it is part of the signed text).
    public var timestamp: String
    /// `SignatureVersion`: `1` (SHA1withRSA) or `2` (SHA256withRSA).
    public var signatureVersion: String
    /// `Signature`, base64.
    public var signature: String
    /// `SigningCertURL`: where SNS publishes the certificate; check it with ``isTrustedCertificateURL(_:)``.
    public var signingCertURL: String
    /// `SubscribeURL`, on confirmations.
    public var subscribeURL: String?
    /// `UnsubscribeURL`, on notifications.
    public var unsubscribeURL: String?
    /// `Token`, on confirmations.
    public var token: String?

    /// Creates a message from its fields.
    ///
    /// - Parameters:
    ///   - kind: The message type.
    ///   - messageId: `MessageId`.
    ///   - topicArn: `TopicArn`.
    ///   - subject: `Subject`.
    ///   - message: `Message`.
    ///   - timestamp: `Timestamp`, as sent.
    ///   - signatureVersion: `SignatureVersion`.
    ///   - signature: `Signature`.
    ///   - signingCertURL: `SigningCertURL`.
    ///   - subscribeURL: `SubscribeURL`.
    ///   - unsubscribeURL: `UnsubscribeURL`.
    ///   - token: `Token`.
    public init(
        kind: Kind,
        messageId: String,
        topicArn: String,
        subject: String? = nil,
        message: String,
        timestamp: String,
        signatureVersion: String,
        signature: String,
        signingCertURL: String,
        subscribeURL: String? = nil,
        unsubscribeURL: String? = nil,
        token: String? = nil
    ) {
        self.kind = kind
        self.messageId = messageId
        self.topicArn = topicArn
        self.subject = subject
        self.message = message
        self.timestamp = timestamp
        self.signatureVersion = signatureVersion
        self.signature = signature
        self.signingCertURL = signingCertURL
        self.subscribeURL = subscribeURL
        self.unsubscribeURL = unsubscribeURL
        self.token = token
    }

    /// Reads the JSON body SNS posts.
    ///
    /// - Parameter body: The request body.
    /// - Returns: The message.
    /// - Throws: ``AlertingError`` when the body is not an SNS message: not JSON, an unknown `Type`, or a field that
    ///   the type's string to sign needs is missing.
    public static func parse(_ body: some Collection<UInt8>) throws(AlertingError) -> SNSMessage {
        let object = JSONValue.object(try JSONValue.parseObject(body))
        /// The first of the keys present, as a string; `null` counts as absent.
        func string(_ keys: String...) throws(AlertingError) -> String? {
            for key in keys {
                guard let value = object[key], value != .null else { continue }
                guard let text = value.stringValue else { throw .invalidField(key, reason: "not a string.") }
                return text
            }
            return nil
        }
        func required(_ key: String) throws(AlertingError) -> String {
            guard let text = try string(key), !text.isEmpty else { throw .missingField(key) }
            return text
        }
        let type = try required("Type")
        guard let kind = Kind(rawValue: type) else { throw .unsupportedMessageType(type) }
        guard let message = try string("Message") else { throw .missingField("Message") }
        guard let signingCertURL = try string("SigningCertURL", "SigningCertUrl"), !signingCertURL.isEmpty else {
            throw .missingField("SigningCertURL")
        }
        var result = SNSMessage(
            kind: kind,
            messageId: try required("MessageId"),
            topicArn: try required("TopicArn"),
            subject: try string("Subject"),
            message: message,
            timestamp: try required("Timestamp"),
            signatureVersion: try required("SignatureVersion"),
            signature: try required("Signature"),
            signingCertURL: signingCertURL,
            subscribeURL: try string("SubscribeURL", "SubscribeUrl"),
            unsubscribeURL: try string("UnsubscribeURL", "UnsubscribeUrl"),
            token: try string("Token")
        )
        if kind != .notification {
            guard result.subscribeURL?.isEmpty == false else { throw .missingField("SubscribeURL") }
            guard result.token?.isEmpty == false else { throw .missingField("Token") }
            result.subject = nil
        }
        return result
    }

    /// The text SNS signs, as AWS documents it: for a `Notification` the fields `Message`, `MessageId`, `Subject`
    /// (only when present), `Timestamp`, `TopicArn`, `Type`; for a `SubscriptionConfirmation` or
    /// `UnsubscribeConfirmation` the fields `Message`, `MessageId`, `SubscribeURL`, `Timestamp`, `Token`,
    /// `TopicArn`, `Type`. Each as its name, a newline, its value and a newline.
    ///
    /// - Returns: The string to sign.
    public func stringToSign() -> String {
        var fields: [(String, String)] = [("Message", message), ("MessageId", messageId)]
        switch kind {
        case .notification:
            if let subject { fields.append(("Subject", subject)) }
            fields += [("Timestamp", timestamp), ("TopicArn", topicArn), ("Type", kind.rawValue)]
        case .subscriptionConfirmation, .unsubscribeConfirmation:
            fields += [
                ("SubscribeURL", subscribeURL ?? ""), ("Timestamp", timestamp), ("Token", token ?? ""), ("TopicArn", topicArn),
                ("Type", kind.rawValue),
            ]
        }
        return fields.map { "\($0.0)\n\($0.1)\n" }.joined()
    }

    /// `Timestamp` as a date, when it is a valid ISO 8601 timestamp.
    public var date: Date? {
        ISO8601Timestamp.date(from: timestamp)
    }
}
