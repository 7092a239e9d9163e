/// One choice of an `aws:branch` step.
public struct BranchChoice: Sendable, Equatable {
    /// Where to go when the condition holds.
    public var nextStep: String
    /// The condition.
    public var condition: BranchCondition

    /// Reads a branch step's `Choices` and `Default`.
    public static func read(_ inputs: [String: DocumentValue], step: String) throws(DocumentContentError) -> (
        choices: [BranchChoice], defaultStep: String?
    ) {
        guard let list = inputs["Choices"]?.array, !list.isEmpty else {
            throw DocumentContentError(.invalidContent, "Step \(step): inputs.Choices must be a list of at least one choice")
        }
        var choices: [BranchChoice] = []
        for (index, item) in list.enumerated() {
            let path = "Step \(step): inputs.Choices[\(index)]"
            guard let fields = item.object else { throw DocumentContentError(.invalidContent, "\(path) must be a mapping") }
            guard let next = fields["NextStep"]?.string else { throw DocumentContentError(.invalidContent, "\(path) needs a NextStep") }
            choices.append(BranchChoice(nextStep: next, condition: try BranchCondition.read(fields, path: path)))
        }
        var fallback: String?
        if let value = inputs["Default"] {
            guard let name = value.string else { throw DocumentContentError(.invalidContent, "Step \(step): inputs.Default must be a step name") }
            fallback = name
        }
        return (choices, fallback)
    }
}
