import RegpoolModel

/// What `regpool check` found in the current inboxes of a pipeline: per centre, the source values
/// no rule maps and the records and files that would be rejected — the data manager's to-do list.
public struct CheckReport: Sendable {
    /// A source value no rule maps (T3001), counted over the centre's inbox.
    public struct Unmapped: Sendable {
        public let field: String
        /// The CDM column the value was meant for, e.g. `patients.sex`.
        public let target: String
        public let value: String
        public let count: Int
        public let firstFile: String
        public let firstLocator: String
    }

    /// A file (E1001) or record (E1002, T3005, T3009) that a run would leave out of the build.
    public struct Rejection: Sendable {
        public let code: String
        public let event: String
        public let file: String?
        public let locator: String?
        public let field: String?
        public let value: String?
        public let message: String
    }

    /// One centre's findings.
    public struct Centre: Sendable {
        public let id: String
        public let files: Int
        public let recordsRead: Int
        public let unmapped: [Unmapped]
        public let rejections: [Rejection]
        /// Values and rows a run would drop or flag: unreadable values (T3002), rows without a
        /// required column (T3006), implausible numbers (T3012), unreadable packed items (T3013),
        /// and every broken validation rule (V7xxx, whatever its action).
        public let dropped: [Rejection]
        /// Ignored files and sources without a file: worth a look, not counted as problems.
        public let notes: [String]

        /// True when nothing in this centre needs fixing.
        public var isClean: Bool { unmapped.isEmpty && rejections.isEmpty && dropped.isEmpty }
    }

    /// The pipeline file as given on the command line.
    public let pipeline: String
    public let centres: [Centre]

    /// Distinct unmapped (field, value, target) entries over all centres.
    public var unmappedCount: Int { centres.reduce(0) { $0 + $1.unmapped.count } }
    /// Rejected records and files over all centres.
    public var rejectionCount: Int { centres.reduce(0) { $0 + $1.rejections.count } }
    /// Dropped values and rows over all centres.
    public var droppedCount: Int { centres.reduce(0) { $0 + $1.dropped.count } }

    /// The audit codes of records and files a run leaves out.
    static let rejectionCodes: Set<AuditCode> = [.fileRejected, .recordUnreadable, .recordRejected, .recordOrphaned]
    /// The audit codes of single values and rows a run leaves out.
    static let droppedCodes: Set<AuditCode> = [.valueInvalid, .rowDropped, .valueOutOfRange, .itemUnreadable]

    /// 0 when nothing is wrong, else `checkFoundProblems`.
    public var exitStatus: ExitStatus {
        centres.allSatisfy(\.isClean) ? .success : .checkFoundProblems
    }
}
