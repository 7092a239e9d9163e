import Hummingbird

extension ConsoleRoutes {
    /// The desk pages.
    func registerDesk<Context: RequestContext>(on router: Router<Context>) {}
}
