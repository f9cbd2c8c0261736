import RegpoolConfig
import RegpoolModel

/// One centre's mapped and merged data, ready for the cohort assembler.
package struct CentreResult: Sendable {
    package let centre: CentreConfig
    /// Patients sorted by local id (UTF-8 bytes).
    package let patients: [LocalPatient]
    /// One entry per record the centre sent (accepted or rejected), in arrival order.
    package let lineage: [LineageEntry]
    /// The centre's transform and link events.
    package let audit: AuditLog

    /// A result (normally built by `CentreMapper.finish()`).
    package init(centre: CentreConfig, patients: [LocalPatient], lineage: [LineageEntry], audit: AuditLog) {
        self.centre = centre
        self.patients = patients
        self.lineage = lineage
        self.audit = audit
    }
}
