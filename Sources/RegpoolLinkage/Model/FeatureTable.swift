import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The records' features as numbers, one column per field, computed once so comparing a pair
/// does no string work: dates and integers as they are, doses in mg, categories as the rank of
/// their text among the field's distinct values (UTF-8 byte order); missing = NaN.
struct FeatureTable: Sendable {
    /// By `LinkageField.allCases` position; empty for a field no pass or comparison uses.
    let columns: [[Double]]
    /// The centre of each record as a small integer (records are sorted, so codes ascend).
    let centres: [Int32]

    /// The table of `records` (sorted by reference) for the fields in `used`.
    init(_ records: [LinkRecord], fields used: Set<LinkageField>) {
        columns = LinkageField.allCases.map { field in
            used.contains(field) ? Self.column(records, field) : []
        }
        var codes = [Int32]()
        codes.reserveCapacity(records.count)
        var code: Int32 = -1
        var previous: String?
        for r in records {
            if r.reference.centre != previous {
                code += 1
                previous = r.reference.centre
            }
            codes.append(code)
        }
        centres = codes
    }

    /// The column of `field`.
    @inline(__always) package func column(_ field: LinkageField) -> [Double] { columns[field.position] }

    /// One field's numbers.
    package static func column(_ records: [LinkRecord], _ field: LinkageField) -> [Double] {
        switch field {
        case .sex: categories(records.map(\.sex))
        case .karyotypeCategory: categories(records.map(\.karyotypeCategory))
        case .whoClass: categories(records.map(\.whoClass))
        case .region: categories(records.map(\.region))
        case .birthYear: records.map { $0.birthYear.map(Double.init) ?? .nan }
        case .birthMonth: records.map { $0.birthMonth.map(Double.init) ?? .nan }
        case .diagnosisDate: records.map { $0.diagnosisDate.map(Double.init) ?? .nan }
        case .lenStartDate: records.map { $0.lenStartDate.map(Double.init) ?? .nan }
        case .lenInitialDose: records.map { $0.lenInitialDose.flatMap { $0.isFinite ? $0 : nil } ?? .nan }
        }
    }

    /// Texts as ranks among the distinct texts sorted by UTF-8 bytes (so codes never depend on input order).
    static func categories(_ texts: [String?]) -> [Double] {
        let distinct = Set(texts.compactMap { $0 }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var code = [String: Double](minimumCapacity: distinct.count)
        for (rank, text) in distinct.enumerated() { code[text] = Double(rank) }
        return texts.map { $0.flatMap { code[$0] } ?? .nan }
    }
}

extension LinkageField {
    /// Position in `allCases`.
    var position: Int {
        switch self {
        case .sex: 0
        case .birthYear: 1
        case .birthMonth: 2
        case .diagnosisDate: 3
        case .lenStartDate: 4
        case .lenInitialDose: 5
        case .karyotypeCategory: 6
        case .whoClass: 7
        case .region: 8
        }
    }
}
