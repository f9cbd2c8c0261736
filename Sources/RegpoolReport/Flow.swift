import RegpoolModel

/// The flow of records and patients: received → rejected → patients after linkage → excluded → analysed.
struct Flow {
    struct Exclusion {
        let reason: String
        let patients: Int
    }

    let recordsReceived: Int
    let recordsRejected: Int
    let localPatients: Int
    let pooledPatients: Int
    let excluded: [Exclusion]
    let analysed: Int

    var recordsAccepted: Int { recordsReceived - recordsRejected }
    var excludedTotal: Int { excluded.reduce(0) { $0 + $1.patients } }

    init(sourceRecords: TableData, patients: TableData, exclusions: TableData, cohort: TableData) {
        let status = sourceRecords.column(CDM.SourceRecords.status)
        let centre = sourceRecords.column(CDM.SourceRecords.centreID)
        let local = sourceRecords.column(CDM.SourceRecords.localPatientID)
        recordsReceived = status.count
        recordsRejected = status.filter { $0.stringValue == "rejected" }.count
        var seen = Set<String>()
        for i in status.indices where status[i].stringValue != "rejected" {
            seen.insert("\(centre[i].text)\u{0}\(local[i].text)")
        }
        localPatients = seen.count
        pooledPatients = patients.rows.count
        let reasons = exclusions.column(CDM.Exclusions.reason).map(\.text)
        excluded = (CDM.Exclusions.reason.schema.type.tokens ?? []).map { token in
            Exclusion(reason: token, patients: reasons.filter { $0 == token }.count)
        }
        analysed = cohort.rows.count
    }
}
