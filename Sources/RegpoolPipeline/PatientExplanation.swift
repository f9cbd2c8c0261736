import RegpoolModel
import RegpoolTransform

/// The lineage of one pooled patient in one build (`regpool explain`).
public struct PatientExplanation: Sendable {
    /// One source record of the patient (a source_records row).
    public struct Record: Sendable, Equatable {
        public let centre: String
        public let localID: String
        public let file: String
        public let locator: String
        public let sha256: String
        public let status: String
        public let matchProbability: Double?

        /// `centre:local id`.
        public var member: String { "\(centre):\(localID)" }
    }

    /// What one source record's mapping made of one CDM value.
    public struct Candidate: Sendable, Equatable {
        public let record: Record
        public let field: String?
        public let sourceText: String?
        /// The mapping file and line of the rule; nil for a value regpool derives.
        public let rule: String?
        /// The unit conversion or date imputation that made the value, in words.
        public let conversion: String?
        public let value: Value
        /// True when this is the value the build holds.
        public let wins: Bool
    }

    /// One CDM value of the patient and every source value that competed for it.
    public struct ValueLineage: Sendable, Equatable {
        public let table: String
        /// The row within a child table, e.g. `course_number=1`; "" for per-patient tables.
        public let row: String
        public let column: String
        public let value: Value
        public let candidates: [Candidate]
        /// Why the value is what it is (survivorship, a filled gap, derivation).
        public let why: String
    }

    /// How one member joined the pooled patient, with the Fellegi–Sunter waterfall when scored.
    public struct Link: Sendable {
        /// The PatientsLinked / LinkOverridden event.
        public let event: AuditLine
        /// The comparison of the two members (nil when the inputs changed since the build).
        public let explanation: LinkExplanation?
    }

    public let pooledID: String
    public let buildID: String
    public let records: [Record]
    public let links: [Link]
    public let values: [ValueLineage]
    /// Every audit event about the patient's records, members or pooled id, in audit order.
    public let events: [AuditLine]
    /// Things the reader should know (an export changed since the build, …).
    public let notes: [String]
}
