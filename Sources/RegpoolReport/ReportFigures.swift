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

    /// The figures; the independent sections are computed at once on `workers`.
    init(_ input: ReportInput, workers: Workers = .serial) throws {
        let patients = try input.table(CDM.patients)
        let cohortTable = try input.table(CDM.analysisCohort)
        let exclusions = try input.table(CDM.exclusions)
        let sources = try input.table(CDM.sourceRecords)
        // Row order must not matter: every figure is computed from the rows in the contract's order.
        let sortedCohort = cohortTable.sorted()
        self.input = input
        let cohort = CohortValues(cohort: sortedCohort, patients: patients)
        self.cohort = cohort
        enum Section {
            case flow(Flow), tableOne(TableOne), survival(SurvivalSection), aml(AMLIncidence)
            case centres([CentreCompleteness])
        }
        let sections = workers.map(5) { i -> Section in
            switch i {
            case 0: return .centres(CentreCompleteness.all(sourceRecords: sources, cohort: cohort))
            case 1:
                return .flow(
                    Flow(sourceRecords: sources, patients: patients, exclusions: exclusions, cohort: sortedCohort))
            case 2: return .survival(SurvivalSection(cohort: sortedCohort))
            case 3: return .tableOne(TableOne(cohort))
            default: return .aml(AMLIncidence(cohort: sortedCohort))
            }
        }
        guard case .centres(let centres) = sections[0], case .flow(let flow) = sections[1],
            case .survival(let survival) = sections[2], case .tableOne(let tableOne) = sections[3],
            case .aml(let aml) = sections[4]
        else { preconditionFailure("ReportFigures: the sections come back in index order") }
        (self.centres, self.flow, self.survival, self.tableOne, self.aml) = (centres, flow, survival, tableOne, aml)
    }
}
