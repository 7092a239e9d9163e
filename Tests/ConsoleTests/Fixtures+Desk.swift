import Foundation
import HikeshiCore

@testable import Console

extension Fixtures {
    /// The desk area's page and fragment templates with full models.
    static let deskModels: [String: any Sendable] = [:]
    /// The desk area's partials.
    static let deskPartials: Set<String> = []
}
