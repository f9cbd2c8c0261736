import RegpoolModel

/// What audit.html is made from: the build's events in audit.jsonl order, its input files, and
/// per centre how many source records reached the build.
public struct AuditReportInput: Sendable {
    /// One input export as the manifest lists it.
    public struct InputFile: Sendable {
        public let centre: String
        public let path: String
        public let bytes: Int
        public let sha256: String
        public init(centre: String, path: String, bytes: Int, sha256: String) {
            self.centre = centre
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    public let buildID: String
    public let regpoolVersion: String
    public let inputs: [InputFile]
    /// Every event, in audit.jsonl order (the page's `seq` is the index + 1).
    public let events: [AuditEvent]
    /// The build's source_records table (records per centre: accepted and rejected).
    public let sourceRecords: TableData?

    public init(buildID: String, regpoolVersion: String, inputs: [InputFile], events: [AuditEvent],
                sourceRecords: TableData?) {
        self.buildID = buildID
        self.regpoolVersion = regpoolVersion
        self.inputs = inputs
        self.events = events
        self.sourceRecords = sourceRecords
    }
}
