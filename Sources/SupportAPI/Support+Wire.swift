import HikeshiCore
import HikeshiModel

// The desk API's enums built from domain values. Every case maps; nothing falls back to a default.

extension SupportLanguage {
    /// The desk API's language code.
    var wire: Hikeshi.LanguageCode {
        switch self {
        case .english: .en
        case .japanese: .ja
        case .korean: .ko
        case .chinese: .zh
        }
    }
}

extension SupportSeverity {
    /// The desk API's severity code.
    var wire: Hikeshi.SeverityCode {
        switch self {
        case .low: .low
        case .normal: .normal
        case .high: .high
        case .urgent: .urgent
        case .critical: .critical
        }
    }
}

extension SupportSpecialty {
    /// The desk API's specialty.
    var wire: Hikeshi.Specialty {
        switch self {
        case .compute: .compute
        case .containers: .containers
        case .serverless: .serverless
        case .networking: .networking
        case .databases: .databases
        case .storage: .storage
        case .security: .security
        case .analytics: .analytics
        case .management: .management
        case .billing: .billing
        }
    }
}

extension SupportPlanKind {
    /// The desk API's plan name.
    var wire: Hikeshi.SupportPlanName {
        switch self {
        case .basic: .basic
        case .developer: .developer
        case .business: .business
        case .enterpriseOnRamp: .enterpriseOnRamp
        case .enterprise: .enterprise
        }
    }
}

extension SupportLanguage {
    /// The domain form of the desk API's language code.
    init(_ code: Hikeshi.LanguageCode) {
        switch code {
        case .en: self = .english
        case .ja: self = .japanese
        case .ko: self = .korean
        case .zh: self = .chinese
        }
    }
}

extension SupportPlanKind {
    /// The domain form of the desk API's plan name.
    init(_ name: Hikeshi.SupportPlanName) {
        switch name {
        case .basic: self = .basic
        case .developer: self = .developer
        case .business: self = .business
        case .enterpriseOnRamp: self = .enterpriseOnRamp
        case .enterprise: self = .enterprise
        }
    }
}

extension CommunicationAuthor {
    /// The desk API's author.
    var wire: Hikeshi.CommunicationAuthor {
        switch self {
        case .customer: .customer
        case .agent: .agent
        case .system: .system
        }
    }
}
