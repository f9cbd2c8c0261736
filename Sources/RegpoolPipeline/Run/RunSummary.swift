import RegpoolModel

/// What a run built: the one line a cron job prints, and the figures behind it.
package struct RunSummary: Sendable {
    package let buildID: String
    package let buildPath: String
    package let tables: [TableData]
    package let recordsRead: Int
    package let recordsRejected: Int
    package let filesRejected: Int
    /// Builds removed from the output folder by `keep_builds` after this one was published.
    package var removedBuilds: [String] = []
    /// Centres whose staged result was reused (unchanged since the previous run), in pipeline order.
    package var centresReused: [String] = []

    /// Success, or "built with rejected inputs" when any record or file was rejected.
    package var exitStatus: ExitStatus {
        recordsRejected + filesRejected > 0 ? .builtWithRejectedInputs : .success
    }

    func rows(_ table: String) -> Int {
        tables.first { $0.schema.name == table }?.rows.count ?? 0
    }

    /// One human line for the log of a nightly job.
    package var line: String {
        "regpool: built \(buildID): \(rows("patients")) patients (\(rows("analysis_cohort")) analysed, "
            + "\(rows("exclusions")) excluded) from \(recordsRead) records; rejected \(recordsRejected) record(s) "
            + "and \(filesRejected) file(s) (see audit.jsonl) → \(buildPath)"
    }
}
