import Foundation

/// The services and categories the support desk takes cases about, as AWS Support's `DescribeServices` returns them.
public enum SupportCatalog {
    /// Every service in the catalogue, sorted by code.
    public static let services: [SupportServiceEntry] = entries.sorted { $0.code < $1.code }

    /// The service with `code`, or `nil` when the catalogue has no such service.
    public static func service(code: String) -> SupportServiceEntry? {
        servicesByCode[code]
    }

    /// The category with `code` of the service with code `service`, or `nil` when either is unknown.
    public static func category(code: String, service: String) -> SupportCategory? {
        self.service(code: service)?.category(code: code)
    }

    /// The services keyed by code.
    private static let servicesByCode: [String: SupportServiceEntry] = Dictionary(
        services.map { ($0.code, $0) },
        uniquingKeysWith: { first, _ in first }
    )
}
