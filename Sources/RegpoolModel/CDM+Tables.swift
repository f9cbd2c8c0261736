extension CDM {
    private typealias C = ColumnSchema
    private typealias T = Tokens

    package static let patients = TableSchema(
        name: "patients", meaning: "One row per deduplicated patient (all patients, eligible or not).",
        naturalKey: [],
        columns: [
            C("pooled_id", .string, required: true, "Pseudonym: keyed hash of a member record's centre and local id."),
            C("sex", .enumeration(T.sex)),
            C("birth_year", .int32),
            C("region", .enumeration(T.region), required: true, "From the centre."),
            C("cohort_source", .enumeration(T.cohortSource), required: true, "Of the surviving record."),
            C("n_source_records", .int32, required: true, "How many source records were merged into this patient."),
            C("diagnosis_date", .date, "MDS diagnosis."),
            C("who_class", .enumeration(T.whoClass), "WHO 2008 class at LEN start."),
            C("therapy_related", .bool, "Therapy-related MDS."),
            C("bm_blasts_pct", .double, "Bone-marrow blasts at LEN start (%)."),
            C("del5q_method", .enumeration(T.del5qMethod), "How del(5q) was shown; none = not shown."),
            C("karyotype_category", .enumeration(T.karyotypeCategory)),
            C("karyotype_iscn", .string, "Karyotype as written (ISCN), when sent."),
            C("ipss_risk", .enumeration(T.ipssRisk), "IPSS at LEN start."),
            C("tp53_status", .enumeration(T.tp53)),
            C("hb_g_dl", .double, "Haemoglobin at LEN start (g/dL)."),
            C("platelets_g_l", .double, "Platelets at LEN start (10^9/L)."),
            C("anc_g_l", .double, "Neutrophils at LEN start (10^9/L)."),
            C("rbc_transfusion_dependent", .bool, "At LEN start."),
            C("prior_esa", .bool, "ESA before LEN."),
            C("prior_hma", .bool, "HMA before LEN."),
        ])

    package static let lenCourses = TableSchema(
        name: "len_courses", meaning: "One row per lenalidomide course.", naturalKey: ["course_number"],
        columns: [
            C("pooled_id", .string, required: true),
            C("course_number", .int32, required: true, "1 for the first course."),
            C("start_date", .date, required: true),
            C("end_date", .date),
            C("initial_dose_mg", .double, "Daily dose at start (mg)."),
            C("schedule", .enumeration(T.schedule), "21 of 28 days, or every day."),
            C("combined_with", .enumeration(T.combinedWith), "Another active drug given with LEN."),
            C("setting", .enumeration(T.setting)),
            C("best_response", .enumeration(T.lenResponse), "IWG 2006; hi_e = erythroid haematological improvement."),
            C("responded", .bool, "best_response in (cr, pr, hi_e)."),
            C("cytogenetic_response", .enumeration(T.cytogeneticResponse)),
            C("failure_date", .date, "Documentation of LEN failure."),
            C("failure_type", .enumeration(T.failureType), "The four categories of the study."),
            C("progression_to", .enumeration(T.progressionTo), "Only with failure_type = progression."),
        ])

    package static let treatmentLines = TableSchema(
        name: "treatment_lines", meaning: "Treatments after LEN failure, in order.", naturalKey: ["line_number"],
        columns: [
            C("pooled_id", .string, required: true),
            C("line_number", .int32, required: true, "1 = first treatment after LEN failure."),
            C("category", .enumeration(T.lineCategory), required: true, "bsc = best supportive care only."),
            C("agent", .string, "Lowercase INN or class."),
            C("start_date", .date),
            C("end_date", .date),
            C("best_response", .enumeration(T.lineResponse)),
        ])

    package static let transplants = TableSchema(
        name: "transplants", meaning: "Allogeneic stem-cell transplants.", naturalKey: ["transplant_date"],
        columns: [
            C("pooled_id", .string, required: true),
            C("transplant_date", .date, required: true),
            C("donor_type", .enumeration(T.donorType)),
            C("conditioning", .enumeration(T.conditioning)),
            C("directly_after_len", .bool, "No other line between LEN failure and transplant."),
            C("relapse_date", .date),
        ])

    package static let outcomes = TableSchema(
        name: "outcomes", meaning: "One row per patient.", naturalKey: [],
        columns: [
            C("pooled_id", .string, required: true),
            C("aml_progression_date", .date, "First documented progression to AML."),
            C("vital_status", .enumeration(T.vitalStatus), required: true),
            C("death_date", .date, "Required when dead."),
            C("last_contact_date", .date, required: true, "For the dead, the death date."),
        ])

    package static let labResults = TableSchema(
        name: "lab_results", meaning: "Measurements over time (long format).",
        naturalKey: ["sample_date", "analyte"],
        columns: [
            C("pooled_id", .string, required: true),
            C("sample_date", .date, required: true),
            C("analyte", .enumeration(T.analyte), required: true),
            C("value", .double, required: true, "In the canonical unit."),
            C("unit", .enumeration(T.unit), required: true, "Canonical unit of the analyte."),
            C("source_value", .string, required: true, "The value as sent."),
            C("source_unit", .string, "The unit as sent."),
        ])

    package static let analysisCohort = TableSchema(
        name: "analysis_cohort", meaning: "Analysis-ready, one row per eligible patient.", naturalKey: [],
        columns: [
            C("pooled_id", .string, required: true),
            C("age_at_len_start", .double, "Years (from birth_year; mid-year when only the year is known)."),
            C("age_75_plus", .bool),
            C("sex", .enumeration(T.sex)),
            C("region", .enumeration(T.region)),
            C("cohort_source", .enumeration(T.cohortSource)),
            C("karyotype_category", .enumeration(T.karyotypeCategory)),
            C("adverse_karyotype", .bool, "complex_del5q."),
            C("raeb_at_len_start", .bool, "who_class = raeb1, or blasts 5-9 %."),
            C("therapy_related", .bool),
            C("len_responded", .bool),
            C("len_dose_10mg", .bool, "Initial dose >= 10 mg."),
            C("len_duration_months", .double, "Start to end (or to failure when no end date)."),
            C("failure_type", .enumeration(T.failureType), required: true),
            C("first_line_category", .enumeration(T.firstLineCategory), required: true),
            C("allo_sct", .bool, required: true, "Any transplant after LEN failure."),
            C("os_months", .double, required: true, "LEN failure to death, or to last contact."),
            C("os_event", .bool, required: true, "Died."),
            C("aml_months", .double, "LEN failure to AML, or to last contact."),
            C("aml_event", .bool, "Progressed to AML after failure."),
        ])

    package static let exclusions = TableSchema(
        name: "exclusions", meaning: "One row per patient who is not in analysis_cohort.", naturalKey: [],
        columns: [
            C("pooled_id", .string, required: true),
            C("reason", .enumeration(T.exclusionReason), required: true, "The first failed criterion, in order."),
            C("detail", .string, "A human sentence: which value failed."),
        ])

    package static let sourceRecords = TableSchema(
        name: "source_records", meaning: "Lineage, one row per source record that reached the pipeline.",
        naturalKey: ["centre_id", "source_file", "source_locator"],
        columns: [
            C("pooled_id", .string, "Null when the record was rejected."),
            C("centre_id", .string, required: true, "As named in the pipeline file."),
            C("local_patient_id", .string, required: true, "The centre's own patient key, as sent."),
            C("source_file", .string, required: true, "Path relative to the centre's inbox."),
            C("source_locator", .string, required: true, "`line N` for CSV; an XPath-like path for XML."),
            C("record_sha256", .string, required: true, "Hash of the record's raw bytes."),
            C("status", .enumeration(T.recordStatus), required: true, "survivor = the record whose values win."),
            C("match_probability", .double, "For a merged record: the linkage score that joined it."),
            C("reject_reason", .string, "When rejected."),
        ])
}
