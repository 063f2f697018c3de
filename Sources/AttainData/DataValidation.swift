/// What checking a data file found: every issue, and the rows that passed.
public struct DataValidation: Sendable {
    /// The file as the user named it.
    public var file: String
    /// Every issue, in line order (issues about the whole file first).
    public var issues: [DataIssue]
    /// The rows without errors, with the stated kinds and all issues; nil when the file could not be read at all
    /// (unreadable, not UTF-8, empty, missing columns).
    public var dataSet: DataSet?

    /// Number of errors.
    public var errorCount: Int { issues.filter(\.isError).count }
    /// Number of warnings.
    public var warningCount: Int { issues.count - errorCount }
    /// Whether any issue is an error (the file would be rejected unless bad rows are skipped).
    public var hasErrors: Bool { issues.contains(where: \.isError) }
    /// What the readable rows hold; nil when the file could not be read.
    public var summary: DataSummary? { dataSet.map(DataSummary.init) }
}
