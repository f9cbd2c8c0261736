/// The distinct observed times of a sample, time 0 first, with the risk set and what leaves it at each —
/// lifelines' event table. A subject censored at t is still at risk at t.
struct RiskTable {
    /// One distinct time.
    struct Row {
        let time: Double
        /// Subjects with time >= this time.
        let atRisk: Int
        /// Events of any cause at this time.
        let events: Int
        /// Events of the cause of interest at this time.
        let causeEvents: Int
        let censored: Int
    }

    /// The rows, ascending; the first is time 0 (with whatever happened at 0).
    let rows: [Row]
    /// Subjects with a usable time and outcome.
    let subjects: Int

    /// The table of `(time, outcome)` pairs: outcome 0 = censored, else an event of that cause.
    /// Pairs with a non-finite or negative time or a negative outcome are skipped.
    init(_ pairs: [(time: Double, outcome: Int)], cause: Int) {
        let usable = pairs.filter { SurvivalTime.isUsable($0.time) && $0.outcome >= 0 }
            .sorted { $0.time < $1.time }
        var rows: [Row] = []
        var remaining = usable.count
        var i = 0
        repeat {
            let time = rows.isEmpty ? 0 : usable[i].time
            var events = 0
            var causeEvents = 0
            var censored = 0
            while i < usable.count, usable[i].time == time {
                let outcome = usable[i].outcome
                if outcome == 0 { censored += 1 } else { events += 1 }
                if outcome != 0, outcome == cause { causeEvents += 1 }
                i += 1
            }
            rows.append(
                Row(time: time, atRisk: remaining, events: events, causeEvents: causeEvents, censored: censored))
            remaining -= events + censored
        } while i < usable.count
        self.rows = rows
        self.subjects = usable.count
    }

    /// Events of any cause over all rows.
    var events: Int { rows.reduce(0) { $0 + $1.events } }
    /// Events of the cause of interest over all rows.
    var causeEvents: Int { rows.reduce(0) { $0 + $1.causeEvents } }
}
