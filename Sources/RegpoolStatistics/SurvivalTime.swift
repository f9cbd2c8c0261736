/// One subject's follow-up: time (months) and whether the event was observed (else censored).
package struct SurvivalTime: Sendable, Equatable {
    /// Months from the time origin to the event or to censoring.
    package var time: Double
    /// True when the event was observed at `time`; false when the subject was censored then.
    package var event: Bool

    /// A subject followed for `time` months, with the event observed or not.
    package init(time: Double, event: Bool) {
        self.time = time
        self.event = event
    }

    /// True for a time the estimators use: finite and not negative (others are skipped, never a crash).
    static func isUsable(_ time: Double) -> Bool {
        time.isFinite && time >= 0
    }
}
