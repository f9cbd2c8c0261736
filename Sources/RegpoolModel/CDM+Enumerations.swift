extension CDM {
    /// Enumeration token lists shared by several tables.
    package enum Tokens {
        package static let sex = ["male", "female"]
        package static let region = ["north_america", "europe", "asia", "other"]
        package static let cohortSource = ["clinical_trial", "compassionate_use", "registry"]
        package static let whoClass = ["ra", "del5q_syndrome", "rars", "rcmd", "raeb1", "raeb2", "aml", "other"]
        package static let del5qMethod = ["karyotype", "fish", "none"]
        package static let karyotypeCategory = [
            "isolated_del5q", "del5q_plus_one", "complex_del5q", "fish_only", "no_del5q",
        ]
        package static let ipssRisk = ["low", "int1", "int2", "high"]
        package static let tp53 = ["mutated", "wild_type"]
        package static let schedule = ["d1_21_q28", "continuous", "other"]
        package static let combinedWith = ["none", "esa", "hma", "chemotherapy"]
        package static let setting = ["primary", "maintenance_after_transplant"]
        package static let lenResponse = ["cr", "pr", "hi_e", "sd", "pd", "ne"]
        package static let cytogeneticResponse = ["complete", "partial", "none"]
        package static let failureType = ["no_response", "loss_of_response", "intolerance", "progression"]
        package static let progressionTo = ["raeb2", "aml"]
        package static let lineCategory = [
            "bsc", "hma", "chemotherapy_intensive", "chemotherapy_low_dose", "esa", "allo_sct", "other",
        ]
        package static let lineResponse = ["cr", "pr", "hi", "sd", "pd", "ne"]
        package static let donorType = [
            "matched_related", "matched_unrelated", "mismatched_unrelated", "haploidentical", "cord_blood",
        ]
        package static let conditioning = ["myeloablative", "reduced_intensity"]
        package static let vitalStatus = ["alive", "dead"]
        package static let analyte = ["hb", "platelets", "anc", "wbc", "bm_blasts"]
        package static let unit = ["g_dl", "g_l_10e9", "percent"]
        package static let firstLineCategory = lineCategory + ["unknown"]
        package static let exclusionReason = [
            "no_del5q", "not_mds", "raeb2_or_aml_at_len_start", "len_not_single_agent",
            "len_maintenance_after_transplant", "no_documented_failure", "inconsistent_dates",
        ]
        package static let recordStatus = ["merged", "survivor", "rejected"]
    }

    /// The canonical unit of each lab analyte.
    package static let canonicalUnit: [String: String] = [
        "hb": "g_dl", "platelets": "g_l_10e9", "anc": "g_l_10e9", "wbc": "g_l_10e9", "bm_blasts": "percent",
    ]
}
