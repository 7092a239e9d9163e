import Hummingbird

extension ConsoleRoutes {
    /// The on-call pages.
    func registerOnCall<Context: RequestContext>(on router: Router<Context>) {}
}
