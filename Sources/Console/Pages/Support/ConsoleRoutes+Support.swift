import Hummingbird

extension ConsoleRoutes {
    /// The customer's support pages.
    func registerSupport<Context: RequestContext>(on router: Router<Context>) {}
}
