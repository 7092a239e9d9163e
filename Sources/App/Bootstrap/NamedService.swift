import Hummingbird
import ServiceLifecycle

/// A service under a short name. ServiceLifecycle names every service it runs with `String(describing:)`, which for a
/// type that does not describe itself walks the whole value by reflection: for Hummingbird's `Application`, its
/// router and every route, tens of millions of instructions at each start-up.
struct NamedService<Wrapped: Service>: Service, CustomStringConvertible {
    /// The name in the lifecycle's logs.
    let description: String
    let wrapped: Wrapped

    func run() async throws {
        try await wrapped.run()
    }
}

/// Runs the application until SIGTERM or SIGINT, as Hummingbird's `runService()` does, under the name `hikeshi`.
public func runUntilSignalled(_ application: some ApplicationProtocol) async throws {
    let group = ServiceGroup(
        configuration: .init(
            services: [NamedService(description: "hikeshi", wrapped: application)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: application.logger
        )
    )
    try await group.run()
}
