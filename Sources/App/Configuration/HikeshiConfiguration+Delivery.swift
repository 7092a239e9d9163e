import Foundation
import Logging

extension HikeshiConfiguration {
    /// How the server's messages (activation codes, pages, support mail) leave it.
    public enum DeliveryMode: Sendable, Equatable {
        /// Through SMTP and/or Twilio, as configured.
        case providers
        /// Nowhere: neither SMTP nor Twilio is configured and dev mail is off.
        case undelivered
        /// Printed to standard output (`--dev-mail=log`); `replacing` says SMTP or Twilio is configured and unused.
        case printed(replacing: Bool)
    }

    /// How the server's messages leave it with this configuration.
    public var deliveryMode: DeliveryMode {
        if devMail == .log {
            return .printed(replacing: smtp != nil || twilio != nil)
        }
        return smtp == nil && twilio == nil ? .undelivered : .providers
    }

    /// The lines `hikeshi serve` adds to its start-up banner about delivery; none when SMTP or Twilio delivers.
    public var deliveryBanner: [String] {
        switch deliveryMode {
        case .providers:
            return []
        case .undelivered:
            let storage = databaseURL == nil ? "--data-dir \(dataDirectory.path)" : "--database-url …"
            return [
                "email and SMS are not configured: activation codes and pages are NOT delivered.",
                "  read an activation code: hikeshi admin show-activation-code --account-id ACCOUNT --channel-arn ARN \(storage)",
                "  or print every message here: hikeshi serve --dev-mail=log (HIKESHI_DEV_MAIL=log)",
            ]
        case .printed(let replacing):
            var lines = ["dev mail: every email, SMS and voice message is printed here and counted as delivered (--dev-mail=log)"]
            if replacing {
                lines.append("dev mail: the configured SMTP/Twilio is NOT used while --dev-mail=log is on; nothing reaches anyone")
            }
            return lines
        }
    }

    /// Says once, at start-up, when messages are not delivered or only printed (a warning: people will not be reached).
    func logDeliveryMode(on logger: Logger) {
        switch deliveryMode {
        case .providers:
            break
        case .undelivered:
            logger.warning(
                "email and SMS are not configured: activation codes and pages are not delivered",
                metadata: [
                    "delivery.email": "off", "delivery.sms": "off",
                    "delivery.activation_code": "hikeshi admin show-activation-code --account-id ACCOUNT --channel-arn ARN",
                    "delivery.dev_mail": "hikeshi serve --dev-mail=log prints every message",
                ])
        case .printed(let replacing):
            logger.warning(
                replacing
                    ? "dev mail: messages are printed instead of sent; the configured SMTP/Twilio is not used"
                    : "dev mail: messages are printed instead of sent",
                metadata: [
                    "delivery.dev_mail": "log", "delivery.smtp.ignored": .stringConvertible(smtp != nil),
                    "delivery.twilio.ignored": .stringConvertible(twilio != nil),
                ])
        }
    }
}
