import HikeshiCore
import SSMModel

extension DocumentKind {
    /// The domain kind of a wire document type; nil for the types Hikeshi does not keep.
    init?(_ type: SSM.DocumentType) {
        switch type {
        case .automation: self = .automation
        case .problemAnalysis: self = .problemAnalysis
        case .problemAnalysisTemplate: self = .problemAnalysisTemplate
        default: return nil
        }
    }

    /// The wire form.
    var wire: SSM.DocumentType {
        switch self {
        case .automation: .automation
        case .problemAnalysis: .problemAnalysis
        case .problemAnalysisTemplate: .problemAnalysisTemplate
        }
    }
}

extension DocumentContentFormat {
    /// The domain format of a wire format; nil for TEXT, which these document kinds cannot be.
    init?(_ format: SSM.DocumentFormat) {
        switch format {
        case .json: self = .json
        case .yaml: self = .yaml
        case .text: return nil
        }
    }

    /// The wire form.
    var wire: SSM.DocumentFormat {
        switch self {
        case .json: .json
        case .yaml: .yaml
        }
    }
}

extension DocumentParameterKind {
    /// The model's parameter type, which has only `String` and `StringList`: lists (of strings or of maps) are
    /// `StringList`, every other type `String`.
    var wire: SSM.DocumentParameterType {
        switch self {
        case .stringList, .mapList: .stringList
        case .string, .integer, .boolean, .stringMap: .string
        }
    }
}

extension DocumentKind {
    /// The platforms a document kind runs on: runbooks run on any (they call APIs, not an instance's shell); analyses
    /// and their templates on none.
    var platformTypes: [SSM.PlatformType] {
        switch self {
        case .automation: [.windows, .linux, .macOS]
        case .problemAnalysis, .problemAnalysisTemplate: []
        }
    }
}

extension RunbookDocument {
    /// `DescribeDocument`'s description of one version.
    func description(of version: RunbookDocumentVersion, owner: DocumentOwner, tags: [String: String]) -> SSM.DocumentDescription {
        SSM.DocumentDescription(
            hash: version.hash,
            hashType: .sha256,
            name: name,
            displayName: displayName,
            versionName: version.versionName,
            owner: owner.wire,
            createdDate: version.createdAt,
            status: .active,
            documentVersion: String(version.version),
            description: version.outline.description,
            parameters: version.outline.parameters.isEmpty
                ? nil
                : version.outline.parameters.map {
                    SSM.DocumentParameter(name: $0.name, type: $0.type.wire, description: $0.description, defaultValue: $0.defaultValue)
                },
            platformTypes: kind.platformTypes,
            documentType: kind.wire,
            schemaVersion: version.outline.schemaVersion,
            latestVersion: String(latestVersion),
            defaultVersion: String(defaultVersion),
            documentFormat: version.format.wire,
            targetType: targetType,
            tags: tags.keys.sorted().map { SSM.Tag(key: $0, value: tags[$0] ?? "") }
        )
    }
}
