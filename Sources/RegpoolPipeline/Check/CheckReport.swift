import RegpoolModel

/// What `regpool check` found in the current inboxes of a pipeline: per centre, the source values
/// no rule maps and the records and files that would be rejected — the data manager's to-do list.
package struct CheckReport: Sendable {
    /// A source value no rule maps (T3001), counted over the centre's inbox.
    package struct Unmapped: Sendable {
        package let field: String
        /// The CDM column the value was meant for, e.g. `patients.sex`.
        package let target: String
        package let value: String
        package let count: Int
        package let firstFile: String
        package let firstLocator: String
    }

    /// A file (E1001) or record (E1002, T3005, T3009) that a run would leave out of the build.
    package struct Rejection: Sendable {
        package let code: String
        package let event: String
        package let file: String?
        package let locator: String?
        package let field: String?
        package let value: String?
        package let message: String
    }

    /// One centre's findings.
    package struct Centre: Sendable {
        package let id: String
        package let files: Int
        package let recordsRead: Int
        package let unmapped: [Unmapped]
        package let rejections: [Rejection]
        /// Values and rows a run would drop or flag: unreadable values (T3002), rows without a
        /// required column (T3006), implausible numbers (T3012), unreadable packed items (T3013),
        /// and every broken validation rule (V7xxx, whatever its action).
        package let dropped: [Rejection]
        /// Ignored files and sources without a file: worth a look, not counted as problems.
        package let notes: [String]

        /// True when nothing in this centre needs fixing.
        package var isClean: Bool { unmapped.isEmpty && rejections.isEmpty && dropped.isEmpty }
    }

    /// The pipeline file as given on the command line.
    package let pipeline: String
    package let centres: [Centre]

    /// Distinct unmapped (field, value, target) entries over all centres.
    package var unmappedCount: Int { centres.reduce(0) { $0 + $1.unmapped.count } }
    /// Rejected records and files over all centres.
    package var rejectionCount: Int { centres.reduce(0) { $0 + $1.rejections.count } }
    /// Dropped values and rows over all centres.
    package var droppedCount: Int { centres.reduce(0) { $0 + $1.dropped.count } }

    /// The audit codes of records and files a run leaves out.
    static let rejectionCodes: Set<AuditCode> = [.fileRejected, .recordUnreadable, .recordRejected, .recordOrphaned]
    /// The audit codes of single values and rows a run leaves out.
    static let droppedCodes: Set<AuditCode> = [.valueInvalid, .rowDropped, .valueOutOfRange, .itemUnreadable]

    /// 0 when nothing is wrong, else `checkFoundProblems`.
    package var exitStatus: ExitStatus {
        centres.allSatisfy(\.isClean) ? .success : .checkFoundProblems
    }
}
