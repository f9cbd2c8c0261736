/// What became of one source record (a `source_records` row before pseudonymisation).
package struct LineageEntry: Sendable, Equatable {
    /// `survivor`, `merged` or `rejected`, as the CDM's `source_records.status`.
    package enum Status: String, Sendable, Equatable {
        case survivor, merged, rejected
    }

    /// The centre's patient key (trimmed); for an extract rejection its first field; "" when unknown.
    package let localPatientID: String
    package let file: String
    package let locator: String
    package let sha256: String
    package var status: Status
    /// 1.0 for a merged record (joined on the same local key); nil otherwise.
    package var matchProbability: Double?
    package let rejectReason: String?

    /// An entry; `status` is settled when the centre is finished.
    package init(
        localPatientID: String, file: String, locator: String, sha256: String, status: Status,
        matchProbability: Double? = nil, rejectReason: String? = nil
    ) {
        self.localPatientID = localPatientID
        self.file = file
        self.locator = locator
        self.sha256 = sha256
        self.status = status
        self.matchProbability = matchProbability
        self.rejectReason = rejectReason
    }

    /// True for a record that fed a patient (not rejected).
    package var isAccepted: Bool { status != .rejected }
}
