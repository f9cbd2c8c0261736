import RegpoolModel

/// What a run built: the one line a cron job prints, and the figures behind it.
public struct RunSummary: Sendable {
    public let buildID: String
    public let buildPath: String
    public let tables: [TableData]
    public let recordsRead: Int
    public let recordsRejected: Int
    public let filesRejected: Int
    /// Builds removed from the output folder by `keep_builds` after this one was published.
    public var removedBuilds: [String] = []
    /// Centres whose staged result was reused (unchanged since the previous run), in pipeline order.
    public var centresReused: [String] = []

    /// Success, or "built with rejected inputs" when any record or file was rejected.
    public var exitStatus: ExitStatus {
        recordsRejected + filesRejected > 0 ? .builtWithRejectedInputs : .success
    }

    func rows(_ table: String) -> Int {
        tables.first { $0.schema.name == table }?.rows.count ?? 0
    }

    /// One human line for the log of a nightly job.
    public var line: String {
        "regpool: built \(buildID): \(rows("patients")) patients (\(rows("analysis_cohort")) analysed, "
            + "\(rows("exclusions")) excluded) from \(recordsRead) records; rejected \(recordsRejected) record(s) "
            + "and \(filesRejected) file(s) (see audit.jsonl) → \(buildPath)"
    }
}
