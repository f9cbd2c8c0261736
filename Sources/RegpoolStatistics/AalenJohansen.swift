/// Cumulative incidence of one cause with competing causes (Aalen–Johansen), as lifelines' AalenJohansenFitter.
///
/// F(t) = Σ over distinct times tⱼ ≤ t of S(tⱼ−) · dⱼ / nⱼ, with S the Kaplan–Meier estimate of being
/// free of every cause and dⱼ the events of `cause` at tⱼ. This is the standard estimator: tied times
/// need no special care (events tied with each other give the same F in any order, and a subject
/// censored at t is still at risk at t). It equals lifelines' `cumulative_density_` except where
/// lifelines alters the data (see the module README): lifelines jitters event times when events of
/// different causes tie, and drops events of the cause at time 0 (its first row is forced to 0).
/// Subjects with a non-finite or negative time or a negative outcome are skipped.
package struct AalenJohansen: Sendable {
    /// The cumulative incidence just after one distinct observed time.
    package struct Step: Sendable, Equatable {
        /// A distinct observed time (any event or censoring), ascending; the first step is time 0.
        package let time: Double
        /// F(t) just after this time.
        package let incidence: Double
    }

    /// Subjects with a usable time and outcome.
    package let subjects: Int
    /// Events of the cause of interest.
    package let causeEvents: Int
    /// Events of any other cause.
    package let competingEvents: Int
    /// The step function, ascending; the first step is time 0 (incidence 0 unless the cause occurs at 0).
    package let steps: [Step]

    /// outcomes[i]: 0 = censored, 1...k = the cause observed at times[i].
    package init(times: [Double], outcomes: [Int], cause: Int) {
        let pairs = zip(times, outcomes).map { (time: $0, outcome: $1) }
        let table = RiskTable(pairs, cause: cause)
        let survival = ProductLimit.survival(table.rows)
        var incidence = 0.0
        var before = 1.0
        var steps: [Step] = []
        steps.reserveCapacity(table.rows.count)
        for (row, after) in zip(table.rows, survival) {
            if row.causeEvents > 0 {
                incidence += Double(row.causeEvents) / Double(row.atRisk) * before
            }
            steps.append(Step(time: row.time, incidence: incidence))
            before = after
        }
        self.subjects = table.subjects
        self.causeEvents = table.causeEvents
        self.competingEvents = table.events - table.causeEvents
        self.steps = steps
    }

    /// F(t) as a right-continuous step function: 0 before time 0 (and for NaN), else the last step at or before t.
    package func incidence(at t: Double) -> Double {
        StepSearch.lastIndex(atOrBefore: t, in: steps.map(\.time)).map { steps[$0].incidence } ?? 0
    }
}
