extension Duration {
    /// The duration in whole milliseconds, for log metadata.
    var milliseconds: Int64 {
        self.components.seconds * 1000 + self.components.attoseconds / 1_000_000_000_000_000
    }
}
