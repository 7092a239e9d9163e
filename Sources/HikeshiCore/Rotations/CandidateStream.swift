/// Candidate hand-off instants after a given instant, in order, fetched a chunk at a time.
struct CandidateStream {
    private let schedule: HandOffSchedule
    private var buffer: [Double] = []
    private var position = 0
    private var fetchedThrough: Double

    /// A stream of the candidates strictly after `instant`.
    init(schedule: HandOffSchedule, after instant: Double) {
        self.schedule = schedule
        fetchedThrough = instant
    }

    /// The next candidate.
    mutating func next() throws -> Double {
        var attempts = 0
        while position >= buffer.count {
            guard attempts < 64 else {
                throw RotationError(field: "Recurrence", message: "no hand-off found after \(fetchedThrough)")
            }
            let upper = fetchedThrough + 8 * schedule.typicalPeriod
            buffer = schedule.candidates(after: fetchedThrough, through: upper)
            position = 0
            fetchedThrough = upper
            attempts += 1
        }
        defer { position += 1 }
        return buffer[position]
    }
}
