/// The canonical unit of each numeric CDM column (the contract fixes them; centres' units are
/// converted on the way in), for the data dictionary and exports.
extension CDM {
    /// The unit of `column` in `table`, or nil when it has none (text, tokens, dates, flags).
    package static func unit(table: String, column: String) -> String? {
        if table == "lab_results" && column == "value" { return "as named by the row's unit column" }
        if column.hasSuffix("_months") { return "months (days / 30.4375)" }
        return units[column]
    }

    static let units: [String: String] = [
        "age_at_len_start": "years", "birth_year": "calendar year", "hb_g_dl": "g/dL", "platelets_g_l": "10^9/L",
        "anc_g_l": "10^9/L", "bm_blasts_pct": "%", "initial_dose_mg": "mg", "match_probability": "probability (0-1)",
        "n_source_records": "records", "course_number": "ordinal", "line_number": "ordinal",
    ]
}
