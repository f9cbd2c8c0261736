extension CDM {
    /// A plausible range of a number column in its canonical unit; values outside it are null
    /// and audited (T3012). A rule's `range:` replaces it. docs/mapping.md lists them.
    package struct PlausibleRange: Sendable, Equatable {
        package let lower: Double
        package let upper: Double

        package init(_ lower: Double, _ upper: Double) {
            self.lower = lower
            self.upper = upper
        }

        /// True when `value` lies in the range (bounds included).
        package func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

        /// `2–20`.
        package var text: String { "\(Self.format(lower))–\(Self.format(upper))" }

        private static func format(_ v: Double) -> String {
            v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
        }
    }

    /// Plausible ranges by `table.column` (numbers in canonical units).
    package static let plausibleRanges: [String: PlausibleRange] = [
        "patients.birth_year": PlausibleRange(1900, 2030),
        "patients.bm_blasts_pct": PlausibleRange(0, 100),
        "patients.hb_g_dl": PlausibleRange(2, 20),
        "patients.platelets_g_l": PlausibleRange(0, 3000),
        "patients.anc_g_l": PlausibleRange(0, 100),
        "len_courses.course_number": PlausibleRange(1, 50),
        "len_courses.initial_dose_mg": PlausibleRange(1, 50),
        "treatment_lines.line_number": PlausibleRange(1, 50),
    ]

    /// Plausible `lab_results.value` ranges by analyte (canonical units).
    package static let plausibleLabRanges: [String: PlausibleRange] = [
        "hb": PlausibleRange(2, 20),
        "platelets": PlausibleRange(0, 3000),
        "anc": PlausibleRange(0, 100),
        "wbc": PlausibleRange(0, 500),
        "bm_blasts": PlausibleRange(0, 100),
    ]
}
