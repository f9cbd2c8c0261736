import RegpoolCohort
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// The lineage of one pooled patient in one build (`regpool explain`).
package struct PatientExplanation: Sendable {
    /// One source record of the patient (a source_records row).
    package struct Record: Sendable, Equatable {
        package let centre: String
        package let localID: String
        package let file: String
        package let locator: String
        package let sha256: String
        package let status: String
        package let matchProbability: Double?

        /// `centre:local id`.
        package var member: String { "\(centre):\(localID)" }
    }

    /// What one source record's mapping made of one CDM value.
    package struct Candidate: Sendable, Equatable {
        package let record: Record
        package let field: String?
        package let sourceText: String?
        /// The mapping file and line of the rule; nil for a value regpool derives.
        package let rule: String?
        /// The unit conversion or date imputation that made the value, in words.
        package let conversion: String?
        package let value: Value
        /// True when this is the value the build holds.
        package let wins: Bool
    }

    /// One CDM value of the patient and every source value that competed for it.
    package struct ValueLineage: Sendable, Equatable {
        package let table: String
        /// The row within a child table, e.g. `course_number=1`; "" for per-patient tables.
        package let row: String
        package let column: String
        package let value: Value
        package let candidates: [Candidate]
        /// Why the value is what it is (survivorship, a filled gap, derivation).
        package let why: String
    }

    /// How one member joined the pooled patient, with the Fellegi–Sunter waterfall when scored.
    package struct Link: Sendable {
        /// The PatientsLinked / LinkOverridden event.
        package let event: AuditLine
        /// The comparison of the two members (nil when the inputs changed since the build).
        package let explanation: LinkExplanation?
    }

    package let pooledID: String
    package let buildID: String
    package let records: [Record]
    package let links: [Link]
    package let values: [ValueLineage]
    /// Every audit event about the patient's records, members or pooled id, in audit order.
    package let events: [AuditLine]
    /// Things the reader should know (an export changed since the build, …).
    package let notes: [String]
}
