import Foundation
import HikeshiCore

@testable import Console

extension Fixtures {
    /// The oncall area's page and fragment templates with full models.
    static let oncallModels: [String: any Sendable] = [:]
    /// The oncall area's partials.
    static let oncallPartials: Set<String> = []
}
