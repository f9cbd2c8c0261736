extension KaplanMeier {
    /// S(t) as a right-continuous step function: 1 before time 0 (and for NaN), else the last step at or before t.
    package func survival(at t: Double) -> Double {
        StepSearch.lastIndex(atOrBefore: t, in: steps.map(\.time)).map { steps[$0].survival } ?? 1
    }

    /// Subjects with time >= t (all subjects for t <= 0; 0 for NaN or after the last time).
    package func atRisk(at t: Double) -> Int {
        StepSearch.firstIndex(atOrAfter: t, in: steps.map(\.time)).map { steps[$0].atRisk } ?? 0
    }
}
