import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// One local patient of a cluster, as survivorship needs it: the patient, its centre, and the
/// probability of the link that joined it to the cluster.
package struct ClusterMember: Sendable {
    package var patient: LocalPatient
    /// The member's centre (its `cohort_source` decides the member's priority).
    package var centre: CentreConfig
    /// The match probability of the edge that joined the member (1.0 for deterministic rules and
    /// force_link); nil for the member that started the cluster.
    package var joinProbability: Double?

    /// A member.
    package init(patient: LocalPatient, centre: CentreConfig, joinProbability: Double? = nil) {
        self.patient = patient
        self.centre = centre
        self.joinProbability = joinProbability
    }

    /// The member's centre and local id.
    package var reference: PatientReference { PatientReference(centre: centre.id, localID: patient.localID) }

    /// The member as lineage needs it (reference and join probability).
    package var linked: LinkedMember { LinkedMember(reference: reference, joinProbability: joinProbability) }

    /// `centre:local_id`, for messages.
    var label: String { reference.description }
}
