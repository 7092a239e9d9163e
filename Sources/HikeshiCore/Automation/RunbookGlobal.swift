/// The `global:` variables.
public enum RunbookGlobal: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The execution's account.
    case accountID = "ACCOUNT_ID"
    /// The execution's region.
    case region = "REGION"
    /// `aws`.
    case partition = "AWS_PARTITION"
    /// The UTC date when the step runs, `yyyy-MM-dd`.
    case date = "DATE"
    /// The UTC date and time when the step runs, `yyyy-MM-dd_HH.mm.ss`.
    case dateTime = "DATE_TIME"
}
