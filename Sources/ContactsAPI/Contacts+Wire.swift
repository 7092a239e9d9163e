import HikeshiCore
import SSMContactsModel

extension SSMContacts.ContactType {
    /// The wire form of a domain contact type.
    init(_ type: ContactType) {
        switch type {
        case .personal: self = .personal
        case .escalation: self = .escalation
        case .oncallSchedule: self = .oncallSchedule
        }
    }
}

extension ContactType {
    /// The domain form of a wire contact type.
    init(_ type: SSMContacts.ContactType) {
        switch type {
        case .personal: self = .personal
        case .escalation: self = .escalation
        case .oncallSchedule: self = .oncallSchedule
        }
    }
}

extension ChannelType {
    /// The domain form of a wire channel type.
    init(_ type: SSMContacts.ChannelType) {
        switch type {
        case .sms: self = .sms
        case .voice: self = .voice
        case .email: self = .email
        }
    }

    /// The wire form.
    var wire: SSMContacts.ChannelType {
        switch self {
        case .sms: .sms
        case .voice: .voice
        case .email: .email
        }
    }
}

extension ChannelActivation {
    /// The wire form.
    var wire: SSMContacts.ActivationStatus {
        switch self {
        case .activated: .activated
        case .notActivated: .notActivated
        }
    }
}

extension PageReceiptType {
    /// The domain form of a wire receipt type.
    init(_ type: SSMContacts.ReceiptType) {
        switch type {
        case .delivered: self = .delivered
        case .error: self = .error
        case .read: self = .read
        case .sent: self = .sent
        case .stop: self = .stop
        }
    }

    /// The wire form.
    var wire: SSMContacts.ReceiptType {
        switch self {
        case .delivered: .delivered
        case .error: .error
        case .read: .read
        case .sent: .sent
        case .stop: .stop
        }
    }
}
