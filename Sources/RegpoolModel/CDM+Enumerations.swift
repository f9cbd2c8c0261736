extension CDM {
    /// Enumeration token lists shared by several tables.
    public enum Tokens {
        public static let sex = ["male", "female"]
        public static let region = ["north_america", "europe", "asia", "other"]
        public static let cohortSource = ["clinical_trial", "compassionate_use", "registry"]
        public static let whoClass = ["ra", "del5q_syndrome", "rars", "rcmd", "raeb1", "raeb2", "aml", "other"]
        public static let del5qMethod = ["karyotype", "fish", "none"]
        public static let karyotypeCategory = [
            "isolated_del5q", "del5q_plus_one", "complex_del5q", "fish_only", "no_del5q",
        ]
        public static let ipssRisk = ["low", "int1", "int2", "high"]
        public static let tp53 = ["mutated", "wild_type"]
        public static let schedule = ["d1_21_q28", "continuous", "other"]
        public static let combinedWith = ["none", "esa", "hma", "chemotherapy"]
        public static let setting = ["primary", "maintenance_after_transplant"]
        public static let lenResponse = ["cr", "pr", "hi_e", "sd", "pd", "ne"]
        public static let cytogeneticResponse = ["complete", "partial", "none"]
        public static let failureType = ["no_response", "loss_of_response", "intolerance", "progression"]
        public static let progressionTo = ["raeb2", "aml"]
        public static let lineCategory = [
            "bsc", "hma", "chemotherapy_intensive", "chemotherapy_low_dose", "esa", "allo_sct", "other",
        ]
        public static let lineResponse = ["cr", "pr", "hi", "sd", "pd", "ne"]
        public static let donorType = [
            "matched_related", "matched_unrelated", "mismatched_unrelated", "haploidentical", "cord_blood",
        ]
        public static let conditioning = ["myeloablative", "reduced_intensity"]
        public static let vitalStatus = ["alive", "dead"]
        public static let analyte = ["hb", "platelets", "anc", "wbc", "bm_blasts"]
        public static let unit = ["g_dl", "g_l_10e9", "percent"]
        public static let firstLineCategory = lineCategory + ["unknown"]
        public static let exclusionReason = [
            "no_del5q", "not_mds", "raeb2_or_aml_at_len_start", "len_not_single_agent",
            "len_maintenance_after_transplant", "no_documented_failure", "inconsistent_dates",
        ]
        public static let recordStatus = ["merged", "survivor", "rejected"]
    }

    /// The canonical unit of each lab analyte.
    public static let canonicalUnit: [String: String] = [
        "hb": "g_dl", "platelets": "g_l_10e9", "anc": "g_l_10e9", "wbc": "g_l_10e9", "bm_blasts": "percent",
    ]
}
