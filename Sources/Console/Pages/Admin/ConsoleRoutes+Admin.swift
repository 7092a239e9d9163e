import Hummingbird

extension ConsoleRoutes {
    /// The admin pages.
    func registerAdmin<Context: RequestContext>(on router: Router<Context>) {}
}
