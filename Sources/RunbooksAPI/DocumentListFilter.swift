import AWSProtocol
import HikeshiCore
import SSMModel
import Storage

/// The filters of one `ListDocuments` call, gathered: keys AND together, the values of one key OR.
struct DocumentListFilter {
    /// Whose documents (`unfiltered` when no `Owner` filter is given).
    var owner: ListSources { ownerFilter ?? .unfiltered }
    /// The `Owner` filters given, intersected.
    private var ownerFilter: ListSources?
    /// The kinds that can still match (`DocumentType` and `PlatformTypes` narrow them).
    var kinds = Set(DocumentKind.allCases)
    /// Name prefix groups.
    var namePrefixes: [[String]] = []
    /// Target type groups.
    var targetTypes: [[String]] = []
    /// The one tag key, and its values.
    var tag: (key: String, values: [String])?

    /// The `Owner` values and whose documents each lists.
    static let owners: [String: ListSources] = [
        "Self": ListSources(own: true),
        "Amazon": ListSources(builtIn: true),
        "Private": ListSources(own: true, shared: true),
        "Public": ListSources(publiclyShared: true),
        "ThirdParty": ListSources(),
        "All": ListSources(own: true, shared: true, publiclyShared: true, builtIn: true),
    ]

    /// Adds one filter; an unknown key is `InvalidFilterKey`, an `Owner` that is not one known value a
    /// `ValidationException`. Unknown document types and platforms match nothing.
    mutating func add(key: String, values: [String]) throws {
        switch key {
        case "Owner":
            guard values.count == 1, let sources = Self.owners[values[0]] else {
                throw AWSValidationError(
                    field: "Filters.Owner", value: values.joined(separator: ","),
                    constraint: "Owner takes one value: Self, Amazon, Private, Public, ThirdParty or All"
                ).awsError
            }
            ownerFilter = ownerFilter?.intersection(sources) ?? sources
        case "Name":
            namePrefixes.append(values)
        case "DocumentType":
            kinds.formIntersection(values.compactMap { SSM.DocumentType(rawValue: $0).flatMap(DocumentKind.init) })
        case "TargetType":
            targetTypes.append(values)
        case "PlatformTypes":
            let platforms = Set(values)
            kinds = kinds.filter { kind in kind.platformTypes.contains { platforms.contains($0.rawValue) } }
        case _ where key.hasPrefix("tag:"):
            let tagKey = String(key.dropFirst("tag:".count))
            guard !tagKey.isEmpty else { throw RunbooksError.invalidFilterKey(key) }
            if let tag {
                guard tag.key == tagKey else {
                    throw RunbooksError.invalidFilterKey("\(key) (documents are filtered by one tag key at a time, here \(tag.key))")
                }
                // The same key twice: a value must satisfy both.
                self.tag = (tagKey, tag.values.isEmpty ? values : values.isEmpty ? tag.values : tag.values.filter(values.contains))
                if !tag.values.isEmpty, !values.isEmpty, self.tag?.values.isEmpty == true { kinds = [] }
            } else {
                tag = (tagKey, values)
            }
        default:
            throw RunbooksError.invalidFilterKey(key)
        }
    }
}

/// Whose documents a list reads.
struct ListSources: Equatable {
    /// The caller's own.
    var own = false
    /// Other accounts' shared with the caller by id.
    var shared = false
    /// Other accounts' shared with every account.
    var publiclyShared = false
    /// The built-in ones.
    var builtIn = false

    /// Without an `Owner` filter: the caller's own, those shared with it, and the built-in ones.
    static let unfiltered = ListSources(own: true, shared: true, builtIn: true)

    /// The sources both lists read.
    func intersection(_ other: ListSources) -> ListSources {
        ListSources(
            own: own && other.own, shared: shared && other.shared, publiclyShared: publiclyShared && other.publiclyShared,
            builtIn: builtIn && other.builtIn)
    }

    /// The stored sources.
    var stored: Set<DocumentListQuery.Source> {
        var sources: Set<DocumentListQuery.Source> = []
        if own { sources.insert(.own) }
        if shared { sources.insert(.sharedWithReader) }
        if publiclyShared { sources.insert(.publiclyShared) }
        return sources
    }
}
