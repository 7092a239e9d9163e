import Foundation
import HikeshiCore

@testable import Console

extension Fixtures {
    /// The admin area's page and fragment templates with full models.
    static let adminModels: [String: any Sendable] = [:]
    /// The admin area's partials.
    static let adminPartials: Set<String> = []
}
