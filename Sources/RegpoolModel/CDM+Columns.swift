/// Typed handles of every CDM column, one namespace per table, resolved once from the model.
/// Code reads and builds rows only through these: a misspelt column is a compile error, and a
/// handle whose name the schema lacks stops the program on first use (ContractTests touch them all).
/// Generated from CDM+Tables.swift; keep the two in step (ContractTests compares them).
extension CDM {
    /// Columns of `patients`.
    package enum Patients: CDMTable {
        package static var schema: TableSchema { CDM.patients }
        package static let pooledID = Column<Patients>("pooled_id")
        package static let sex = Column<Patients>("sex")
        package static let birthYear = Column<Patients>("birth_year")
        package static let region = Column<Patients>("region")
        package static let cohortSource = Column<Patients>("cohort_source")
        package static let nSourceRecords = Column<Patients>("n_source_records")
        package static let diagnosisDate = Column<Patients>("diagnosis_date")
        package static let whoClass = Column<Patients>("who_class")
        package static let therapyRelated = Column<Patients>("therapy_related")
        package static let bmBlastsPct = Column<Patients>("bm_blasts_pct")
        package static let del5qMethod = Column<Patients>("del5q_method")
        package static let karyotypeCategory = Column<Patients>("karyotype_category")
        package static let karyotypeISCN = Column<Patients>("karyotype_iscn")
        package static let ipssRisk = Column<Patients>("ipss_risk")
        package static let tp53Status = Column<Patients>("tp53_status")
        package static let hbGDl = Column<Patients>("hb_g_dl")
        package static let plateletsGL = Column<Patients>("platelets_g_l")
        package static let ancGL = Column<Patients>("anc_g_l")
        package static let rbcTransfusionDependent = Column<Patients>("rbc_transfusion_dependent")
        package static let priorESA = Column<Patients>("prior_esa")
        package static let priorHMA = Column<Patients>("prior_hma")
        /// Every handle, in schema order.
        package static let all: [Column<Patients>] = [
            pooledID, sex, birthYear, region, cohortSource, nSourceRecords, diagnosisDate, whoClass,
            therapyRelated, bmBlastsPct, del5qMethod, karyotypeCategory, karyotypeISCN, ipssRisk, tp53Status,
            hbGDl, plateletsGL, ancGL, rbcTransfusionDependent, priorESA, priorHMA,
        ]
    }

    /// Columns of `len_courses`.
    package enum LenCourses: CDMTable {
        package static var schema: TableSchema { CDM.lenCourses }
        package static let pooledID = Column<LenCourses>("pooled_id")
        package static let courseNumber = Column<LenCourses>("course_number")
        package static let startDate = Column<LenCourses>("start_date")
        package static let endDate = Column<LenCourses>("end_date")
        package static let initialDoseMg = Column<LenCourses>("initial_dose_mg")
        package static let schedule = Column<LenCourses>("schedule")
        package static let combinedWith = Column<LenCourses>("combined_with")
        package static let setting = Column<LenCourses>("setting")
        package static let bestResponse = Column<LenCourses>("best_response")
        package static let responded = Column<LenCourses>("responded")
        package static let cytogeneticResponse = Column<LenCourses>("cytogenetic_response")
        package static let failureDate = Column<LenCourses>("failure_date")
        package static let failureType = Column<LenCourses>("failure_type")
        package static let progressionTo = Column<LenCourses>("progression_to")
        /// Every handle, in schema order.
        package static let all: [Column<LenCourses>] = [
            pooledID, courseNumber, startDate, endDate, initialDoseMg, schedule, combinedWith, setting,
            bestResponse, responded, cytogeneticResponse, failureDate, failureType, progressionTo,
        ]
    }

    /// Columns of `treatment_lines`.
    package enum TreatmentLines: CDMTable {
        package static var schema: TableSchema { CDM.treatmentLines }
        package static let pooledID = Column<TreatmentLines>("pooled_id")
        package static let lineNumber = Column<TreatmentLines>("line_number")
        package static let category = Column<TreatmentLines>("category")
        package static let agent = Column<TreatmentLines>("agent")
        package static let startDate = Column<TreatmentLines>("start_date")
        package static let endDate = Column<TreatmentLines>("end_date")
        package static let bestResponse = Column<TreatmentLines>("best_response")
        /// Every handle, in schema order.
        package static let all: [Column<TreatmentLines>] = [
            pooledID, lineNumber, category, agent, startDate, endDate, bestResponse,
        ]
    }

    /// Columns of `transplants`.
    package enum Transplants: CDMTable {
        package static var schema: TableSchema { CDM.transplants }
        package static let pooledID = Column<Transplants>("pooled_id")
        package static let transplantDate = Column<Transplants>("transplant_date")
        package static let donorType = Column<Transplants>("donor_type")
        package static let conditioning = Column<Transplants>("conditioning")
        package static let directlyAfterLEN = Column<Transplants>("directly_after_len")
        package static let relapseDate = Column<Transplants>("relapse_date")
        /// Every handle, in schema order.
        package static let all: [Column<Transplants>] = [
            pooledID, transplantDate, donorType, conditioning, directlyAfterLEN, relapseDate,
        ]
    }

    /// Columns of `outcomes`.
    package enum Outcomes: CDMTable {
        package static var schema: TableSchema { CDM.outcomes }
        package static let pooledID = Column<Outcomes>("pooled_id")
        package static let amlProgressionDate = Column<Outcomes>("aml_progression_date")
        package static let vitalStatus = Column<Outcomes>("vital_status")
        package static let deathDate = Column<Outcomes>("death_date")
        package static let lastContactDate = Column<Outcomes>("last_contact_date")
        /// Every handle, in schema order.
        package static let all: [Column<Outcomes>] = [
            pooledID, amlProgressionDate, vitalStatus, deathDate, lastContactDate,
        ]
    }

    /// Columns of `lab_results`.
    package enum LabResults: CDMTable {
        package static var schema: TableSchema { CDM.labResults }
        package static let pooledID = Column<LabResults>("pooled_id")
        package static let sampleDate = Column<LabResults>("sample_date")
        package static let analyte = Column<LabResults>("analyte")
        package static let value = Column<LabResults>("value")
        package static let unit = Column<LabResults>("unit")
        package static let sourceValue = Column<LabResults>("source_value")
        package static let sourceUnit = Column<LabResults>("source_unit")
        /// Every handle, in schema order.
        package static let all: [Column<LabResults>] = [
            pooledID, sampleDate, analyte, value, unit, sourceValue, sourceUnit,
        ]
    }

    /// Columns of `analysis_cohort`.
    package enum AnalysisCohort: CDMTable {
        package static var schema: TableSchema { CDM.analysisCohort }
        package static let pooledID = Column<AnalysisCohort>("pooled_id")
        package static let ageAtLENStart = Column<AnalysisCohort>("age_at_len_start")
        package static let age75Plus = Column<AnalysisCohort>("age_75_plus")
        package static let sex = Column<AnalysisCohort>("sex")
        package static let region = Column<AnalysisCohort>("region")
        package static let cohortSource = Column<AnalysisCohort>("cohort_source")
        package static let karyotypeCategory = Column<AnalysisCohort>("karyotype_category")
        package static let adverseKaryotype = Column<AnalysisCohort>("adverse_karyotype")
        package static let raebAtLENStart = Column<AnalysisCohort>("raeb_at_len_start")
        package static let therapyRelated = Column<AnalysisCohort>("therapy_related")
        package static let lenResponded = Column<AnalysisCohort>("len_responded")
        package static let lenDose10mg = Column<AnalysisCohort>("len_dose_10mg")
        package static let lenDurationMonths = Column<AnalysisCohort>("len_duration_months")
        package static let failureType = Column<AnalysisCohort>("failure_type")
        package static let firstLineCategory = Column<AnalysisCohort>("first_line_category")
        package static let alloSct = Column<AnalysisCohort>("allo_sct")
        package static let osMonths = Column<AnalysisCohort>("os_months")
        package static let osEvent = Column<AnalysisCohort>("os_event")
        package static let amlMonths = Column<AnalysisCohort>("aml_months")
        package static let amlEvent = Column<AnalysisCohort>("aml_event")
        /// Every handle, in schema order.
        package static let all: [Column<AnalysisCohort>] = [
            pooledID, ageAtLENStart, age75Plus, sex, region, cohortSource, karyotypeCategory, adverseKaryotype,
            raebAtLENStart, therapyRelated, lenResponded, lenDose10mg, lenDurationMonths, failureType,
            firstLineCategory, alloSct, osMonths, osEvent, amlMonths, amlEvent,
        ]
    }

    /// Columns of `exclusions`.
    package enum Exclusions: CDMTable {
        package static var schema: TableSchema { CDM.exclusions }
        package static let pooledID = Column<Exclusions>("pooled_id")
        package static let reason = Column<Exclusions>("reason")
        package static let detail = Column<Exclusions>("detail")
        /// Every handle, in schema order.
        package static let all: [Column<Exclusions>] = [
            pooledID, reason, detail,
        ]
    }

    /// Columns of `source_records`.
    package enum SourceRecords: CDMTable {
        package static var schema: TableSchema { CDM.sourceRecords }
        package static let pooledID = Column<SourceRecords>("pooled_id")
        package static let centreID = Column<SourceRecords>("centre_id")
        package static let localPatientID = Column<SourceRecords>("local_patient_id")
        package static let sourceFile = Column<SourceRecords>("source_file")
        package static let sourceLocator = Column<SourceRecords>("source_locator")
        package static let recordSHA256 = Column<SourceRecords>("record_sha256")
        package static let status = Column<SourceRecords>("status")
        package static let matchProbability = Column<SourceRecords>("match_probability")
        package static let rejectReason = Column<SourceRecords>("reject_reason")
        /// Every handle, in schema order.
        package static let all: [Column<SourceRecords>] = [
            pooledID, centreID, localPatientID, sourceFile, sourceLocator, recordSHA256, status, matchProbability,
            rejectReason,
        ]
    }
}
