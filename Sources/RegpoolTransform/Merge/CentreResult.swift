import RegpoolConfig
import RegpoolModel

/// One centre's mapped and merged data, ready for the cohort assembler.
public struct CentreResult: Sendable {
    public let centre: CentreConfig
    /// Patients sorted by local id (UTF-8 bytes).
    public let patients: [LocalPatient]
    /// One entry per record the centre sent (accepted or rejected), in arrival order.
    public let lineage: [LineageEntry]
    /// The centre's transform and link events.
    public let audit: AuditLog

    /// A result (normally built by `CentreMapper.finish()`).
    public init(centre: CentreConfig, patients: [LocalPatient], lineage: [LineageEntry], audit: AuditLog) {
        self.centre = centre
        self.patients = patients
        self.lineage = lineage
        self.audit = audit
    }
}
