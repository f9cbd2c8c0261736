import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// A generated multi-centre population with planted duplicates and near-twins, and its truth.
///
/// Patients (female 62 %, born 1925–1965 peaking in the 1940s, diagnosed 2000–2020, LEN started
/// 2 weeks to 36 months later, 10 mg for 70 %, karyotype isolated del(5q) for 65 %, WHO del(5q)
/// syndrome for 55 %) live in one of seven centres of three regions (four send the birth month).
/// Exports miss a value now and then (dates 0.5 %, dose 3 %, karyotype and WHO class 4 %).
/// 15 % of patients are also sent by another centre of their region, perturbed as registries do:
/// each date shifted by 1–10 days either way (40 % each, independently), one field missing (15 %:
/// karyotype, WHO class or dose mostly, a date or the birth year 5 % each), birth year off by one
/// (2 %), birth month off by one (2 %), another dose (5 %). 2 % of patients get a near-twin in
/// another centre: a different patient of the same sex and birth year whose LEN start is within
/// 10 days, everything else drawn independently.
struct LinkageStressData {
    /// The records in generation order (the linker sorts them).
    var records: [LinkRecord] = []
    /// The true patient of each record.
    var truth: [PatientReference: Int] = [:]

    struct Centre {
        let id: String
        let region: String
        let source: String
        let sendsBirthMonth: Bool
        let share: Double
    }

    static let centres = [
        Centre(id: "be-gent", region: "europe", source: "registry", sendsBirthMonth: true, share: 0.15),
        Centre(
            id: "ca-toronto", region: "north_america", source: "compassionate_use", sendsBirthMonth: false, share: 0.15),
        Centre(id: "de-ulm-trial", region: "europe", source: "clinical_trial", sendsBirthMonth: true, share: 0.10),
        Centre(id: "fr-lyon", region: "europe", source: "registry", sendsBirthMonth: false, share: 0.25),
        Centre(id: "jp-kyoto", region: "asia", source: "registry", sendsBirthMonth: false, share: 0.08),
        Centre(id: "kr-seoul", region: "asia", source: "compassionate_use", sendsBirthMonth: true, share: 0.07),
        Centre(
            id: "us-lakeside", region: "north_america", source: "clinical_trial", sendsBirthMonth: true, share: 0.20),
    ]

    /// One patient's true values.
    struct Patient {
        var sex: String
        var birthYear: Int
        var birthMonth: Int
        var diagnosis: Int32
        var lenStart: Int32
        var dose: Double
        var karyotype: String
        var who: String
    }

    private var random: SplitMix64
    private var nextLocal: [String: Int] = [:]

    /// `patients` patients (plus their duplicates and near-twins) from `seed`.
    init(patients: Int, seed: UInt64 = 0x5EED_0005, duplicates: Double = 0.15, twins: Double = 0.02) {
        random = SplitMix64(seed: seed)
        for id in 0..<patients {
            let patient = draw()
            let home = random.pick(Self.centres.indices.map { ($0, Self.centres[$0].share) })
            add(patient, id: id, centre: home, perturbed: false)
            if random.chance(duplicates) { add(patient, id: id, centre: otherCentre(than: home), perturbed: true) }
            if random.chance(twins) {
                add(twin(of: patient), id: patients + id, centre: otherCentre(than: home), perturbed: false)
            }
        }
    }

    /// A fresh patient.
    mutating func draw() -> Patient {
        let diagnosis = LinkageFixtures.day("2000-01-01") + Int32(random.int(0...7670))
        return Patient(
            sex: random.chance(0.62) ? "female" : "male",
            birthYear: 1925 + (random.int(0...20) + random.int(0...20)),
            birthMonth: random.int(1...12),
            diagnosis: diagnosis,
            lenStart: diagnosis + Int32(random.int(14...1095)),
            dose: random.pick([(10.0, 0.70), (5.0, 0.20), (15.0, 0.05), (25.0, 0.05)]),
            karyotype: random.pick([
                ("isolated_del5q", 0.65), ("del5q_plus_one", 0.20), ("complex_del5q", 0.07),
                ("fish_only", 0.05), ("no_del5q", 0.03),
            ]),
            who: random.pick([
                ("del5q_syndrome", 0.55), ("rcmd", 0.15), ("raeb1", 0.12), ("ra", 0.08), ("rars", 0.05),
                ("other", 0.05),
            ]))
    }

    /// A different patient of the same sex and birth year whose LEN start is within 10 days.
    mutating func twin(of patient: Patient) -> Patient {
        var other = draw()
        other.sex = patient.sex
        other.birthYear = patient.birthYear
        other.lenStart = patient.lenStart + Int32(random.int(-10...10))
        other.diagnosis = other.lenStart - Int32(random.int(14...1095))
        return other
    }

    /// Another centre of the same region (every region has at least two).
    mutating func otherCentre(than home: Int) -> Int {
        let others = Self.centres.indices.filter { $0 != home && Self.centres[$0].region == Self.centres[home].region }
        return others[random.int(0...(others.count - 1))]
    }

    /// The record of `patient` as centre `c` sends it.
    mutating func add(_ patient: Patient, id: Int, centre c: Int, perturbed: Bool) {
        let centre = Self.centres[c]
        var p = patient
        if perturbed { perturb(&p) }
        let number = nextLocal[centre.id, default: 0] + 1
        nextLocal[centre.id] = number
        let reference = PatientReference(centre: centre.id, localID: "\(centre.id.prefix(2).uppercased())-\(number)")
        var record = LinkRecord(
            reference: reference, cohortSource: centre.source, region: centre.region, sex: p.sex,
            birthYear: p.birthYear,
            birthMonth: centre.sendsBirthMonth ? p.birthMonth : nil, diagnosisDate: p.diagnosis,
            lenStartDate: p.lenStart,
            lenInitialDose: p.dose, karyotypeCategory: p.karyotype, whoClass: p.who)
        dropBaselineGaps(&record)
        if perturbed, random.chance(0.15) { dropOneField(&record) }
        records.append(record)
        truth[reference] = id
    }

    /// What registries change when they copy a patient.
    mutating func perturb(_ p: inout Patient) {
        if random.chance(0.4) { p.diagnosis += Int32(random.pick([(-1, 0.5), (1, 0.5)]) * random.int(1...10)) }
        if random.chance(0.4) { p.lenStart += Int32(random.pick([(-1, 0.5), (1, 0.5)]) * random.int(1...10)) }
        if random.chance(0.02) { p.birthYear += random.chance(0.5) ? 1 : -1 }
        if random.chance(0.02) { p.birthMonth = max(1, min(12, p.birthMonth + (random.chance(0.5) ? 1 : -1))) }
        if random.chance(0.05) { p.dose = random.pick([(5.0, 1), (10.0, 1), (15.0, 1)].filter { $0.0 != p.dose }) }
    }

    /// Values any export misses now and then.
    mutating func dropBaselineGaps(_ r: inout LinkRecord) {
        if random.chance(0.005) { r.diagnosisDate = nil }
        if random.chance(0.005) { r.lenStartDate = nil }
        if random.chance(0.03) { r.lenInitialDose = nil }
        if random.chance(0.04) { r.karyotypeCategory = nil }
        if random.chance(0.04) { r.whoClass = nil }
    }

    /// One field the second centre did not send: mostly a category or the dose, rarely a date
    /// (registries of LEN-treated patients nearly always carry both dates) or the birth year.
    mutating func dropOneField(_ r: inout LinkRecord) {
        switch random.pick([(0, 0.30), (1, 0.30), (2, 0.25), (3, 0.05), (4, 0.05), (5, 0.05)]) {
        case 0: r.karyotypeCategory = nil
        case 1: r.whoClass = nil
        case 2: r.lenInitialDose = nil
        case 3: r.diagnosisDate = nil
        case 4: r.lenStartDate = nil
        default: r.birthYear = nil
        }
    }

    /// Pairwise precision and recall of `result`'s clusters against the truth.
    func score(_ result: LinkageResult) -> (precision: Double, recall: Double, truePairs: Int, predictedPairs: Int) {
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        var correct = 0
        var predicted = 0
        for cluster in result.clusters {
            predicted += pairs(cluster.count)
            var byPatient = [Int: Int]()
            for i in cluster { byPatient[truth[result.records[i].reference]!, default: 0] += 1 }
            correct += byPatient.values.reduce(0) { $0 + pairs($1) }
        }
        var perPatient = [Int: Int]()
        for id in truth.values { perPatient[id, default: 0] += 1 }
        let actual = perPatient.values.reduce(0) { $0 + pairs($1) }
        return (
            predicted == 0 ? 1 : Double(correct) / Double(predicted),
            actual == 0 ? 1 : Double(correct) / Double(actual),
            actual, predicted
        )
    }
}
