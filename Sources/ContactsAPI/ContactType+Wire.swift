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
