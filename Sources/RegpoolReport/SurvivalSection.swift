import RegpoolModel
import RegpoolStatistics

/// Overall survival from LEN failure: Kaplan–Meier overall and by failure type, karyotype and first line.
struct SurvivalSection {
    struct Group {
        let group: String
        let estimate: KaplanMeier
    }

    struct Analysis {
        /// nil for all patients together.
        let by: Column<CDM.AnalysisCohort>?
        let groups: [Group]
        /// Patients left out because their value of `by` is not known.
        let excludedUnknown: Int
        let logRank: LogRankTest?
    }

    static let byVariables = [
        CDM.AnalysisCohort.failureType, CDM.AnalysisCohort.karyotypeCategory, CDM.AnalysisCohort.firstLineCategory,
    ]
    /// The months at which the numbers at risk are shown.
    static let atRiskStep = 12.0

    let analyses: [Analysis]
    /// The last month of the time axis (a multiple of 12 at or above the longest follow-up).
    let horizon: Double

    init(cohort: TableData) {
        let months = cohort.column(CDM.AnalysisCohort.osMonths).map { $0.doubleValue ?? .nan }
        let events = cohort.column(CDM.AnalysisCohort.osEvent).map { $0.boolValue ?? false }
        let data = zip(months, events).map { SurvivalTime(time: $0, event: $1) }
        var analyses = [
            Analysis(
                by: nil, groups: [Group(group: "all", estimate: KaplanMeier(data))], excludedUnknown: 0,
                logRank: nil)
        ]
        for by in Self.byVariables {
            analyses.append(Self.analysis(by: by, values: cohort.column(by), data: data))
        }
        self.analyses = analyses
        horizon = max(
            Self.atRiskStep, ((months.filter(\.isFinite).max() ?? 0) / Self.atRiskStep).rounded(.up) * Self.atRiskStep)
    }

    /// Kaplan–Meier per token present (CDM order); log-rank over the groups other than `unknown`.
    static func analysis(by: Column<CDM.AnalysisCohort>, values: [Value], data: [SurvivalTime]) -> Analysis {
        let tokens = by.schema.type.tokens ?? []
        let texts = values.map { $0.stringValue }
        let groups = tokens.compactMap { token -> Group? in
            let members = data.indices.filter { texts[$0] == token }.map { data[$0] }
            return members.isEmpty ? nil : Group(group: token, estimate: KaplanMeier(members))
        }
        let tested = data.indices.filter { texts[$0] != nil && texts[$0] != "unknown" }
        let logRank = LogRankTest(tested.map { data[$0] }, groups: tested.map { texts[$0]! })
        return Analysis(by: by, groups: groups, excludedUnknown: texts.filter { $0 == nil }.count, logRank: logRank)
    }

    /// 0, 12, 24, … up to the horizon.
    var atRiskTimes: [Double] { Array(stride(from: 0, through: horizon, by: Self.atRiskStep)) }
}

/// Cumulative incidence of AML after LEN failure, death without AML competing (Aalen–Johansen).
struct AMLIncidence {
    static let readingMonths = [12, 24, 60]

    let estimate: AalenJohansen
    let censored: Int
    let leftOut: Int

    init(cohort: TableData) {
        let months = cohort.column(CDM.AnalysisCohort.amlMonths)
        let aml = cohort.column(CDM.AnalysisCohort.amlEvent)
        let died = cohort.column(CDM.AnalysisCohort.osEvent)
        var times: [Double] = []
        var outcomes: [Int] = []
        for i in months.indices {
            guard let t = months[i].doubleValue else { continue }
            times.append(t)
            outcomes.append(aml[i].boolValue == true ? 1 : died[i].boolValue == true ? 2 : 0)
        }
        estimate = AalenJohansen(times: times, outcomes: outcomes, cause: 1)
        censored = outcomes.filter { $0 == 0 }.count
        leftOut = months.count - times.count
    }
}
