import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// One local patient as linkage sees it: who it is, its centre's source and region, the
/// quasi-identifiers linkage compares, and the link keys deterministic rules join on.
package struct LinkRecord: Sendable, Equatable {
    /// Centre and local id: the record's identity and its place in the sorted order.
    package var reference: PatientReference
    /// The centre's `cohort_source` token.
    package var cohortSource: String
    /// The centre's `region` token (also the `region` feature).
    package var region: String?
    /// `male` / `female`.
    package var sex: String?
    /// Year of birth.
    package var birthYear: Int?
    /// 1...12, from the `birth_month` link key when the centre sends it.
    package var birthMonth: Int?
    /// Days since 1970-01-01.
    package var diagnosisDate: Int32?
    /// Start of the first LEN course (lowest course_number), days since 1970-01-01.
    package var lenStartDate: Int32?
    /// Initial daily dose of the first LEN course (mg).
    package var lenInitialDose: Double?
    /// A `karyotype_category` token.
    package var karyotypeCategory: String?
    /// A `who_class` token.
    package var whoClass: String?
    /// The mapping's link keys by name (`local_id` is implicit: see `key(_:)`).
    package var linkKeys: [String: String]

    /// A record; every feature defaults to missing.
    package init(
        reference: PatientReference, cohortSource: String, region: String? = nil, sex: String? = nil,
        birthYear: Int? = nil, birthMonth: Int? = nil, diagnosisDate: Int32? = nil,
        lenStartDate: Int32? = nil, lenInitialDose: Double? = nil, karyotypeCategory: String? = nil,
        whoClass: String? = nil, linkKeys: [String: String] = [:]
    ) {
        self.reference = reference
        self.cohortSource = cohortSource
        self.region = region
        self.sex = sex
        self.birthYear = birthYear
        self.birthMonth = birthMonth
        self.diagnosisDate = diagnosisDate
        self.lenStartDate = lenStartDate
        self.lenInitialDose = lenInitialDose
        self.karyotypeCategory = karyotypeCategory
        self.whoClass = whoClass
        self.linkKeys = linkKeys
    }

    /// The value of a link key: the local id for `local_id`, else the mapping's key (nil when absent).
    package func key(_ name: String) -> String? {
        name == LinkKeyReference.localID ? reference.localID : linkKeys[name]
    }

    /// The feature `field` as a CDM value (`.null` when missing; dates as `.date`).
    package func value(_ field: LinkageField) -> Value {
        switch field {
        case .sex: sex.map(Value.string) ?? .null
        case .birthYear: birthYear.map { .int32(Int32(clamping: $0)) } ?? .null
        case .birthMonth: birthMonth.map { .int32(Int32(clamping: $0)) } ?? .null
        case .diagnosisDate: diagnosisDate.map(Value.date) ?? .null
        case .lenStartDate: lenStartDate.map(Value.date) ?? .null
        case .lenInitialDose: lenInitialDose.map(Value.double) ?? .null
        case .karyotypeCategory: karyotypeCategory.map(Value.string) ?? .null
        case .whoClass: whoClass.map(Value.string) ?? .null
        case .region: region.map(Value.string) ?? .null
        }
    }

    /// The feature `field` as text for people (dates ISO, whole doses without `.0`), nil when missing.
    package func text(_ field: LinkageField) -> String? {
        switch value(field) {
        case .null: nil
        case .double(let d): LinkNumber.plain(d)
        case let v: v.text
        }
    }
}
