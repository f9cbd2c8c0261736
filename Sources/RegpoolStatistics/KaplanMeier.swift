/// The Kaplan–Meier estimate with lifelines' defaults (exponential Greenwood / log(-log) 95 % CI).
///
/// Computed as lifelines' `KaplanMeierFitter` does: one step at time 0 and at every distinct observed
/// time; a subject censored at t is still at risk at t; S(t) = exp(Σ log(n − d) − log(n)); the median
/// and its CI are lifelines' `median_survival_time_` and `median_survival_times(confidence_interval_)`.
/// Subjects whose time is not finite or is negative are skipped (the caller should have filtered them).
package struct KaplanMeier: Sendable {
    /// The estimate at one distinct observed time.
    package struct Step: Sendable, Equatable {
        /// A distinct observed time (event or censoring), ascending; the first step is time 0.
        package let time: Double
        /// Subjects with time >= this time.
        package let atRisk: Int
        /// Events at this time.
        package let events: Int
        /// Subjects censored at this time.
        package let censored: Int
        /// S(t) just after this time.
        package let survival: Double
        /// Lower pointwise bound, as lifelines' `confidence_interval_` (1 where lifelines fills 1).
        package let lower: Double
        /// Upper pointwise bound, as lifelines' `confidence_interval_` (1 where lifelines fills 1).
        package let upper: Double
    }

    /// Subjects with a usable time.
    package let subjects: Int
    /// Observed events.
    package let events: Int
    /// The step function, ascending, starting at time 0.
    package let steps: [Step]
    /// The first time S(t) <= 0.5; nil when not reached (lifelines: inf).
    package let median: Double?
    /// The first time the lower bound is <= 0.5 (lifelines' median of `confidence_interval_`); nil = inf.
    package let medianLower: Double?
    /// The first time the upper bound is <= 0.5 (lifelines' median of `confidence_interval_`); nil = inf.
    package let medianUpper: Double?

    /// Estimates S(t) from `data` with a 1 − `alpha` pointwise confidence interval (alpha in (0, 1)).
    package init(_ data: [SurvivalTime], alpha: Double = 0.05) {
        let table = RiskTable(data.map { ($0.time, $0.event ? 1 : 0) }, cause: 1)
        let survival = ProductLimit.survival(table.rows)
        let greenwood = ProductLimit.greenwood(table.rows)
        let z = Distribution.normalQuantile(1 - alpha / 2)
        var steps: [Step] = []
        steps.reserveCapacity(table.rows.count)
        for (i, row) in table.rows.enumerated() {
            let (lower, upper) = ProductLimit.bounds(survival: survival[i], greenwood: greenwood[i], z: z)
            steps.append(
                Step(
                    time: row.time, atRisk: row.atRisk, events: row.events, censored: row.censored,
                    survival: survival[i], lower: lower, upper: upper))
        }
        self.subjects = table.subjects
        self.events = table.events
        self.steps = steps
        self.median = Self.medianTime(steps, \.survival)
        self.medianLower = Self.medianTime(steps, \.lower)
        self.medianUpper = Self.medianTime(steps, \.upper)
    }

    /// The time where the curve `value` first reaches 0.5 the way lifelines finds it, or nil.
    private static func medianTime(_ steps: [Step], _ value: KeyPath<Step, Double>) -> Double? {
        ProductLimit.crossing(steps.map { $0[keyPath: value] }, q: 0.5).map { steps[$0].time }
    }
}
