import RegpoolModel

/// The flow of records and patients: received → rejected → patients after linkage → excluded → analysed.
struct Flow {
    struct Exclusion { let reason: String; let patients: Int }

    let recordsReceived: Int
    let recordsRejected: Int
    let localPatients: Int
    let pooledPatients: Int
    let excluded: [Exclusion]
    let analysed: Int

    var recordsAccepted: Int { recordsReceived - recordsRejected }
    var excludedTotal: Int { excluded.reduce(0) { $0 + $1.patients } }

    init(sourceRecords: TableData, patients: TableData, exclusions: TableData, cohort: TableData) {
        let status = sourceRecords.column("status"), centre = sourceRecords.column("centre_id")
        let local = sourceRecords.column("local_patient_id")
        recordsReceived = status.count
        recordsRejected = status.filter { $0.stringValue == "rejected" }.count
        var seen = Set<String>()
        for i in status.indices where status[i].stringValue != "rejected" { seen.insert("\(centre[i].text)\u{0}\(local[i].text)") }
        localPatients = seen.count
        pooledPatients = patients.rows.count
        let reasons = exclusions.column("reason").map(\.text)
        excluded = (CDM.exclusions.column("reason")?.type.tokens ?? []).map { token in
            Exclusion(reason: token, patients: reasons.filter { $0 == token }.count)
        }
        analysed = cohort.rows.count
    }
}
