/// The pipeline stage an audit event comes from.
package enum Stage: String, Sendable, CaseIterable, Comparable {
    case pipeline, extract, transform, validate, link, cohort, load

    package static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A stable audit event code (`E1002`) with its event name (`RecordRejected`) and stage.
///
/// Codes never change meaning; new events get new codes. docs/audit-events.md lists them all.
package struct AuditCode: Sendable, Equatable, Hashable, Comparable {
    package let code: String
    package let event: String
    package let stage: Stage

    package init(_ code: String, _ event: String, _ stage: Stage) {
        self.code = code
        self.event = event
        self.stage = stage
    }

    package static func < (a: AuditCode, b: AuditCode) -> Bool { a.code < b.code }
}

extension AuditCode {
    // Pipeline (P0xxx)
    /// A centre's inbox could not be read; the centre contributes nothing to this build.
    package static let inboxUnreadable = AuditCode("P0001", "InboxUnreadable", .pipeline)
    /// A file in a centre's inbox matches no source of its mapping and was not read.
    package static let fileIgnored = AuditCode("P0002", "FileIgnored", .pipeline)
    /// A source of a mapping matched no file in the inbox.
    package static let sourceMissing = AuditCode("P0003", "SourceMissing", .pipeline)

    // Extract (E1xxx)
    /// A whole file could not be read or parsed; nothing from it is in the build.
    package static let fileRejected = AuditCode("E1001", "FileRejected", .extract)
    /// One record could not be read (e.g. a ragged CSV row); the rest of the file goes on.
    package static let recordUnreadable = AuditCode("E1002", "RecordRejected", .extract)
    /// Summary: how many records one file gave.
    package static let fileRead = AuditCode("E1003", "FileRead", .extract)
    /// Characters a file's declared encoding cannot decode were replaced by U+FFFD.
    package static let charactersReplaced = AuditCode("E1004", "CharactersReplaced", .extract)

    // Transform (T3xxx)
    /// A source value that no rule maps; the CDM value is null.
    package static let valueUnmapped = AuditCode("T3001", "ValueUnmapped", .transform)
    /// A source value that cannot be parsed as the column's type (a date, a number); null.
    package static let valueInvalid = AuditCode("T3002", "ValueInvalid", .transform)
    /// Summary per (centre, field, source value): a value map turned a label into a CDM token.
    package static let valueMapped = AuditCode("T3003", "ValueMapped", .transform)
    /// Summary per (centre, field, source value, rule): a number was converted to the canonical
    /// unit; counted only for values that reach the output.
    package static let unitConverted = AuditCode("T3004", "UnitConverted", .transform)
    /// A record without a patient key; nothing from it is in the build.
    package static let recordRejected = AuditCode("T3005", "RecordRejected", .transform)
    /// A mapped row lacks a required CDM column and is left out of its table.
    package static let rowDropped = AuditCode("T3006", "RowDropped", .transform)
    /// A value or row of one record lost to the same patient's more recent record (update date,
    /// then file order); placed at the winning record.
    package static let valueSuperseded = AuditCode("T3007", "ValueSuperseded", .transform)
    /// A value broke a consistency rule of the CDM and was dropped to null.
    package static let valueInconsistent = AuditCode("T3008", "ValueInconsistent", .transform)
    /// A child record (a course, a line, a lab) whose patient key has no patient record in the
    /// centre's exports; nothing from it is in the build.
    package static let recordOrphaned = AuditCode("T3009", "RecordOrphaned", .transform)
    /// Summary per (centre, field, source value, rule): a label no map lists took the rule's
    /// `unknown:` default.
    package static let valueDefaulted = AuditCode("T3010", "ValueDefaulted", .transform)
    /// Summary per (centre, field, source value, rule): a partial date (month or year only) was
    /// completed by the rule's imputation; counted only for values that reach the output.
    package static let dateImputed = AuditCode("T3011", "DateImputed", .transform)
    /// A number outside the plausible range of its CDM column (after conversion); it is null.
    package static let valueOutOfRange = AuditCode("T3012", "ValueOutOfRange", .transform)
    /// An item of a packed cell that the rule's pattern does not read; it gives no row.
    package static let itemUnreadable = AuditCode("T3013", "ItemUnreadable", .transform)
    /// A `transplants` row derived from a treatment line of category allo_sct (`derive:`).
    package static let transplantDerived = AuditCode("T3020", "TransplantDerived", .transform)
    /// A null `transplants.directly_after_len` filled from the order of treatment lines (`derive:`).
    package static let directlyAfterLENDerived = AuditCode("T3021", "DirectlyAfterLENDerived", .transform)

    // Validate (V7xxx): one code per validation rule (see docs/validation.md).
    /// vital_status alive with a death_date.
    package static let deathDateWhileAlive = AuditCode("V7001", "DeathDateWhileAlive", .validate)
    /// vital_status dead, and a last_contact_date other than the death_date.
    package static let lastContactNotDeath = AuditCode("V7002", "LastContactNotDeath", .validate)
    /// vital_status dead without a death_date.
    package static let deathDateMissing = AuditCode("V7003", "DeathDateMissing", .validate)
    /// patients.diagnosis_date after the start of the first LEN course.
    package static let diagnosisAfterLENStart = AuditCode("V7004", "DiagnosisAfterLENStart", .validate)
    /// A LEN course's failure_date before its start_date.
    package static let failureBeforeLENStart = AuditCode("V7005", "FailureBeforeLENStart", .validate)
    /// outcomes.last_contact_date before a LEN failure.
    package static let lastContactBeforeFailure = AuditCode("V7006", "LastContactBeforeFailure", .validate)
    /// outcomes.death_date before a LEN failure.
    package static let deathBeforeFailure = AuditCode("V7007", "DeathBeforeFailure", .validate)
    /// A transplant dated before the first LEN failure.
    package static let transplantBeforeFailure = AuditCode("V7008", "TransplantBeforeFailure", .validate)
    /// A treatment line that starts before the line numbered before it.
    package static let lineOutOfOrder = AuditCode("V7009", "LineOutOfOrder", .validate)
    /// A LEN course's end_date before its start_date.
    package static let courseEndBeforeStart = AuditCode("V7010", "CourseEndBeforeStart", .validate)
    /// A treatment line's end_date before its start_date.
    package static let lineEndBeforeStart = AuditCode("V7011", "LineEndBeforeStart", .validate)
    /// failure_type progression without progression_to.
    package static let progressionTargetMissing = AuditCode("V7012", "ProgressionTargetMissing", .validate)
    /// progression_to with a failure_type other than progression.
    package static let progressionTargetUnexpected = AuditCode("V7013", "ProgressionTargetUnexpected", .validate)
    /// The outcomes row lacks vital_status or last_contact_date.
    package static let outcomesIncomplete = AuditCode("V7014", "OutcomesIncomplete", .validate)

    // Link (L4xxx)
    /// Records of one centre with the same local key were merged into one patient.
    package static let recordsMerged = AuditCode("L4001", "RecordsMerged", .link)
    /// Local patients of different centres were linked into one pooled patient (one event per joined member).
    package static let patientsLinked = AuditCode("L4002", "PatientsLinked", .link)
    /// A pair scored in the clerical-review zone was left separate; it is in the review file.
    package static let linkReviewPending = AuditCode("L4003", "LinkReviewPending", .link)
    /// An override of the overrides file (force_link / force_separate) decided a pair.
    package static let linkOverridden = AuditCode("L4004", "LinkOverridden", .link)
    /// A link was not made because it would break a constraint (two records of one centre in a
    /// cluster, or a force_separate pair).
    package static let linkRefused = AuditCode("L4005", "LinkRefused", .link)
    /// An override names a local patient that is not in this build; it was not applied.
    package static let overrideUnmatched = AuditCode("L4006", "OverrideUnmatched", .link)
    /// Summary: pairs compared, links made, pairs for review, the estimated model.
    package static let linkageSummarized = AuditCode("L4007", "LinkageSummarized", .link)
    /// A record's link key cites a key that no record of the cited centre carries.
    package static let citationUnmatched = AuditCode("L4008", "CitationUnmatched", .link)
    /// A pooled patient's value came from a member other than the survivor (a gap filled).
    package static let valueFilled = AuditCode("L4020", "ValueFilled", .link)
    /// Members of one pooled patient disagree on a value; the survivorship rule's choice is kept.
    package static let valuesConflicting = AuditCode("L4021", "ValuesConflicting", .link)
    /// Members report different death dates; the survivorship rule's choice is kept.
    package static let deathDatesConflicting = AuditCode("L4022", "DeathDatesConflicting", .link)
    /// Child rows of two members are one row (same natural key, dates within tolerance); one was kept.
    package static let childRowDeduplicated = AuditCode("L4023", "ChildRowDeduplicated", .link)
    /// A pooled patient kept the pooled_id the previous build's crosswalk gave its members.
    package static let pooledIDKept = AuditCode("L4024", "PooledIDKept", .link)
    /// A pooled_id of the previous build's crosswalk is no longer used (its members joined another patient).
    package static let pooledIDRetired = AuditCode("L4025", "PooledIDRetired", .link)

    // Cohort (C5xxx)
    /// A patient is not in analysis_cohort; the reason is in exclusions.
    package static let patientExcluded = AuditCode("C5001", "PatientExcluded", .cohort)

    // Load (W6xxx)
    /// Summary: a table was written, with its row count.
    package static let tableWritten = AuditCode("W6001", "TableWritten", .load)

    /// Every code, in code order (for the documentation test).
    package static let all: [AuditCode] =
        [
            .inboxUnreadable, .fileIgnored, .sourceMissing, .fileRejected, .recordUnreadable, .fileRead,
            .charactersReplaced,
            .valueUnmapped, .valueInvalid, .valueMapped, .unitConverted, .recordRejected, .rowDropped,
            .valueSuperseded, .valueInconsistent, .recordOrphaned, .valueDefaulted, .dateImputed, .valueOutOfRange,
            .itemUnreadable, .transplantDerived, .directlyAfterLENDerived,
        ] + validation + linkage + [.patientExcluded, .tableWritten]

    /// The link stage's codes, in code order.
    package static let linkage: [AuditCode] = [
        .recordsMerged, .patientsLinked, .linkReviewPending, .linkOverridden, .linkRefused, .overrideUnmatched,
        .linkageSummarized, .citationUnmatched, .valueFilled, .valuesConflicting, .deathDatesConflicting,
        .childRowDeduplicated, .pooledIDKept, .pooledIDRetired,
    ]

    /// The validation rules' codes (stage `validate`), in the order the rules run.
    package static let validation: [AuditCode] = [
        .deathDateWhileAlive, .lastContactNotDeath, .deathDateMissing, .diagnosisAfterLENStart, .failureBeforeLENStart,
        .lastContactBeforeFailure, .deathBeforeFailure, .transplantBeforeFailure, .lineOutOfOrder,
        .courseEndBeforeStart, .lineEndBeforeStart, .progressionTargetMissing, .progressionTargetUnexpected,
        .outcomesIncomplete,
    ]
}
