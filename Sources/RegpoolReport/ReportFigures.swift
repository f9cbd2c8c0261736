import RegpoolModel

/// Every figure of the report, computed once from the tables; rendered as JSON and as HTML.
struct ReportFigures {
    let input: ReportInput
    let flow: Flow
    let cohort: CohortValues
    let tableOne: TableOne
    let survival: SurvivalSection
    let aml: AMLIncidence
    let centres: [CentreCompleteness]

    init(_ input: ReportInput) throws {
        let patients = try input.table(CDM.patients)
        let cohortTable = try input.table(CDM.analysisCohort)
        let exclusions = try input.table(CDM.exclusions)
        let sources = try input.table(CDM.sourceRecords)
        // Row order must not matter: every figure is computed from the rows in the contract's order.
        let sortedCohort = cohortTable.sorted()
        self.input = input
        flow = Flow(sourceRecords: sources, patients: patients, exclusions: exclusions, cohort: sortedCohort)
        cohort = CohortValues(cohort: sortedCohort, patients: patients)
        tableOne = TableOne(cohort)
        survival = SurvivalSection(cohort: sortedCohort)
        aml = AMLIncidence(cohort: sortedCohort)
        centres = CentreCompleteness.all(sourceRecords: sources, cohort: cohort)
    }
}
