import Foundation
import HikeshiCore

@testable import Console

extension Fixtures {
    /// The support area's page and fragment templates with full models.
    static let supportModels: [String: any Sendable] = [:]
    /// The support area's partials.
    static let supportPartials: Set<String> = []
}
