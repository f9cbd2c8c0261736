import RegpoolModel

/// The sections of audit.html per centre: which codes each holds and how its lines are grouped.
enum AuditSections {
    /// A section: its title, its codes, and whether lines keep the source and target values apart
    /// (mapping decisions) or group them (validation, linkage: one line per rule).
    struct Section {
        let title: String
        let codes: Set<String>
        let byValue: Bool
    }

    static let all: [Section] = [
        Section(
            title: "Files ignored, missing, rejected or with undecodable characters",
            codes: ["P0001", "P0002", "P0003", "E1001", "E1004"], byValue: false),
        Section(
            title: "Records rejected and rows dropped", codes: ["E1002", "T3005", "T3009", "T3006"], byValue: false),
        Section(title: "Unmapped values (null in the build)", codes: ["T3001"], byValue: true),
        Section(title: "Values defaulted by `unknown:`", codes: ["T3010"], byValue: true),
        Section(
            title: "Invalid, out-of-range and unreadable values", codes: ["T3002", "T3012", "T3013"], byValue: true),
        Section(title: "Unit conversions (per rule; each value is a T3004 event)", codes: ["T3004"], byValue: false),
        Section(title: "Date imputations (per rule; each value is a T3011 event)", codes: ["T3011"], byValue: false),
        Section(title: "Code maps applied", codes: ["T3003"], byValue: true),
        Section(title: "Values superseded by a more recent record", codes: ["T3007"], byValue: false),
        Section(title: "Derivations", codes: ["T3020", "T3021"], byValue: false),
        Section(title: "Validation failures", codes: Set(AuditCode.validation.map(\.code)), byValue: false),
        Section(title: "Linkage decisions", codes: Set(AuditCode.linkage.map(\.code)), byValue: false),
        Section(title: "Cohort exclusions", codes: ["C5001"], byValue: false),
    ]

    /// The section of a code (load events and anything unlisted go to "Other events").
    static func section(of code: String) -> Int {
        all.firstIndex { $0.codes.contains(code) } ?? all.count
    }
}
