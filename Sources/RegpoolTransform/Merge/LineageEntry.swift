/// What became of one source record (a `source_records` row before pseudonymisation).
public struct LineageEntry: Sendable, Equatable {
    /// `survivor`, `merged` or `rejected`, as the CDM's `source_records.status`.
    public enum Status: String, Sendable, Equatable {
        case survivor, merged, rejected
    }

    /// The centre's patient key (trimmed); for an extract rejection its first field; "" when unknown.
    public let localPatientID: String
    public let file: String
    public let locator: String
    public let sha256: String
    public var status: Status
    /// 1.0 for a merged record (joined on the same local key); nil otherwise.
    public var matchProbability: Double?
    public let rejectReason: String?

    /// An entry; `status` is settled when the centre is finished.
    public init(localPatientID: String, file: String, locator: String, sha256: String, status: Status,
                matchProbability: Double? = nil, rejectReason: String? = nil) {
        self.localPatientID = localPatientID
        self.file = file
        self.locator = locator
        self.sha256 = sha256
        self.status = status
        self.matchProbability = matchProbability
        self.rejectReason = rejectReason
    }

    /// True for a record that fed a patient (not rejected).
    public var isAccepted: Bool { status != .rejected }
}
