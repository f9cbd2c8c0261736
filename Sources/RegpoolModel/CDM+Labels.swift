/// Human labels for CDM columns and enumeration tokens (reports and the data dictionary).
extension CDM {
    /// The label of a column, e.g. `karyotype_category` → "Karyotype category".
    package static func columnLabel(_ column: String) -> String {
        columnLabels[column] ?? humanized(column)
    }

    /// The label of an enumeration token of a column, e.g. `hi_e` → "Haematological improvement, erythroid".
    package static func tokenLabel(column: String, token: String) -> String {
        tokenLabels["\(column).\(token)"] ?? tokenLabels[token] ?? humanized(token)
    }

    /// `snake_case` as a sentence: "loss_of_response" → "Loss of response".
    static func humanized(_ name: String) -> String {
        let words = String(name.map { $0 == "_" ? " " : $0 })
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static let columnLabels: [String: String] = [
        "age_at_len_start": "Age at LEN start, years", "age_75_plus": "Age 75 or more",
        "cohort_source": "Source of the record", "karyotype_category": "Karyotype category",
        "adverse_karyotype": "Complex karyotype with del(5q)", "raeb_at_len_start": "RAEB-1 at LEN start",
        "therapy_related": "Therapy-related MDS", "len_responded": "Responded to LEN",
        "len_dose_10mg": "LEN initial dose 10 mg or more", "len_duration_months": "LEN duration, months",
        "failure_type": "Type of LEN failure", "first_line_category": "First line after LEN failure",
        "allo_sct": "Allogeneic SCT after LEN failure", "os_months": "Overall survival from LEN failure, months",
        "aml_months": "Time to AML from LEN failure, months", "who_class": "WHO 2008 class",
        "ipss_risk": "IPSS risk", "tp53_status": "TP53", "del5q_method": "del(5q) shown by",
        "hb_g_dl": "Haemoglobin, g/dL", "platelets_g_l": "Platelets, 10^9/L", "anc_g_l": "Neutrophils, 10^9/L",
        "rbc_transfusion_dependent": "Red-cell transfusion dependent", "prior_esa": "ESA before LEN",
        "prior_hma": "HMA before LEN", "bm_blasts_pct": "Bone-marrow blasts, %", "pooled_id": "Pooled patient id",
        "os_event": "Died", "aml_event": "AML after LEN failure", "aml_progression_date": "AML progression date",
        "initial_dose_mg": "Initial daily dose, mg", "karyotype_iscn": "Karyotype (ISCN)",
        "n_source_records": "Source records merged", "directly_after_len": "Directly after LEN",
        "centre_id": "Centre", "local_patient_id": "Centre's patient id", "record_sha256": "Record SHA-256",
        "match_probability": "Linkage match probability", "source_locator": "Place in the source file",
    ]

    static let tokenLabels: [String: String] = [
        "north_america": "North America", "clinical_trial": "Clinical trial", "compassionate_use": "Compassionate use",
        "ra": "Refractory anaemia", "del5q_syndrome": "MDS with isolated del(5q)", "rars": "RARS", "rcmd": "RCMD",
        "raeb1": "RAEB-1", "raeb2": "RAEB-2", "aml": "AML", "fish": "FISH", "isolated_del5q": "Isolated del(5q)",
        "del5q_plus_one": "del(5q) plus one abnormality", "complex_del5q": "Complex with del(5q)",
        "fish_only": "FISH only", "no_del5q": "No del(5q)", "int1": "Intermediate-1", "int2": "Intermediate-2",
        "wild_type": "Wild type", "d1_21_q28": "Days 1–21 every 28 days", "esa": "ESA", "hma": "Hypomethylating agent",
        "maintenance_after_transplant": "Maintenance after transplant", "cr": "Complete remission",
        "pr": "Partial remission", "hi_e": "Haematological improvement, erythroid", "hi": "Haematological improvement",
        "sd": "Stable disease", "pd": "Progressive disease", "ne": "Not evaluable", "bsc": "Best supportive care",
        "chemotherapy_intensive": "Intensive chemotherapy", "chemotherapy_low_dose": "Low-dose chemotherapy",
        "allo_sct": "Allogeneic SCT", "matched_related": "Matched related", "matched_unrelated": "Matched unrelated",
        "mismatched_unrelated": "Mismatched unrelated", "cord_blood": "Cord blood",
        "g_l_10e9": "10^9/L", "g_dl": "g/dL", "anc": "Neutrophils", "wbc": "White cells",
        "bm_blasts": "Bone-marrow blasts",
        "hb": "Haemoglobin", "not_mds": "Not MDS (no WHO 2008 class)",
        "raeb2_or_aml_at_len_start": "RAEB-2 or AML at LEN start",
        "len_not_single_agent": "LEN not given as a single agent",
        "len_maintenance_after_transplant": "LEN as maintenance after transplant",
        "no_documented_failure": "No documented LEN failure", "inconsistent_dates": "Dates out of order",
        "reason.no_del5q": "No del(5q) shown",
    ]
}
