import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Why linkage could not run or explain: settings the engine cannot use, or a record it does not know.
package enum LinkageError: Error, Equatable, CustomStringConvertible {
    /// A setting of `linkage:` the engine cannot use (the parser normally refuses it first).
    case invalidSettings(SourceLocation, String)
    /// Two records with the same centre and local id were handed to the linker.
    case duplicateRecord(PatientReference)
    /// `explain` was asked about a local patient that is not among the linked records.
    case unknownRecord(PatientReference)

    /// The problem, where it is and how to fix it.
    package var description: String {
        switch self {
        case .invalidSettings(let location, let message):
            "\(location): error: \(message)"
        case .duplicateRecord(let reference):
            "linkage: error: local patient \(reference.description) was given twice; each centre's patients must be merged by local id first"
        case .unknownRecord(let reference):
            "linkage: error: no local patient \(reference.description) in this build; give a centre id and a local id as in source_records (centre_id, local_patient_id)"
        }
    }
}
