/// The kinds of SSM document Hikeshi keeps. The raw values are the stored and the wire form.
public enum DocumentKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// A runbook: steps the automation engine runs.
    case automation = "Automation"
    /// A post-incident analysis.
    case problemAnalysis = "ProblemAnalysis"
    /// The questions an analysis starts from.
    case problemAnalysisTemplate = "ProblemAnalysisTemplate"
}

/// How a document's content is written. The raw values are the stored and the wire form.
public enum DocumentContentFormat: String, Sendable, Equatable, Codable, CaseIterable {
    /// JSON.
    case json = "JSON"
    /// YAML.
    case yaml = "YAML"
}
