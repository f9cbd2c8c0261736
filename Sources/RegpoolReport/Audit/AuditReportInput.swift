import RegpoolModel

/// What audit.html is made from: the build's events in audit.jsonl order, its input files, and
/// per centre how many source records reached the build.
package struct AuditReportInput: Sendable {
    /// One input export as the manifest lists it.
    package struct InputFile: Sendable {
        package let centre: String
        package let path: String
        package let bytes: Int
        package let sha256: String
        package init(centre: String, path: String, bytes: Int, sha256: String) {
            self.centre = centre
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    package let buildID: String
    package let regpoolVersion: String
    package let inputs: [InputFile]
    /// Every event, in audit.jsonl order (the page's `seq` is the index + 1).
    package let events: [AuditEvent]
    /// The build's source_records table (records per centre: accepted and rejected).
    package let sourceRecords: TableData?

    package init(
        buildID: String, regpoolVersion: String, inputs: [InputFile], events: [AuditEvent],
        sourceRecords: TableData?
    ) {
        self.buildID = buildID
        self.regpoolVersion = regpoolVersion
        self.inputs = inputs
        self.events = events
        self.sourceRecords = sourceRecords
    }
}
