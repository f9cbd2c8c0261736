import Foundation

@testable import RegpoolStatistics

/// A deterministic pseudo-random stream (64-bit LCG, Knuth's MMIX constants), so datasets never change.
struct LCG {
    var state: UInt64

    /// A uniform value in [0, 1).
    mutating func uniform() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / 9_007_199_254_740_992
    }

    /// An exponential value with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -log(1 - uniform()) * mean
    }
}

/// One survival dataset with group labels.
struct SurvivalDataset {
    let name: String
    let data: [SurvivalTime]
    let groups: [String]
}

/// One competing-risks dataset.
struct CompetingDataset {
    let name: String
    let times: [Double]
    let outcomes: [Int]
    let cause: Int
}

/// The synthetic datasets the lifelines cross-check runs on.
enum SyntheticData {
    static let daysPerMonth = 30.4375

    /// Times rounded to whole days, in months (heavy ties, as in registry data).
    static func dayResolution(_ months: Double) -> Double {
        (months * daysPerMonth).rounded() / daysPerMonth
    }

    /// `sizes[g]` subjects in group g, exponential times with mean `means[g]`, censored with probability `censoring`.
    static func survival(
        _ name: String, seed: UInt64, sizes: [Int], means: [Double], censoring: Double,
        round: (Double) -> Double = { $0 }
    ) -> SurvivalDataset {
        var rng = LCG(state: seed)
        var data: [SurvivalTime] = []
        var groups: [String] = []
        for (g, size) in sizes.enumerated() {
            for _ in 0..<size {
                let time = round(rng.exponential(mean: means[g % means.count]))
                data.append(SurvivalTime(time: time, event: rng.uniform() >= censoring))
                groups.append("g\(g)")
            }
        }
        // Interleave groups deterministically so first-appearance order is not simply g0, g1, …
        let order = (0..<data.count).sorted { ($0 * 7919) % data.count < ($1 * 7919) % data.count }
        return SurvivalDataset(name: name, data: order.map { data[$0] }, groups: order.map { groups[$0] })
    }

    static let survivalSets: [SurvivalDataset] = [
        SurvivalDataset(name: "one-event", data: [SurvivalTime(time: 2.5, event: true)], groups: ["a"]),
        SurvivalDataset(name: "one-censored", data: [SurvivalTime(time: 3, event: false)], groups: ["a"]),
        SurvivalDataset(
            name: "two-tied", data: [SurvivalTime(time: 4, event: true), SurvivalTime(time: 4, event: false)],
            groups: ["a", "b"]),
        SurvivalDataset(
            name: "exact-half-4", data: [1, 2, 3, 4].map { SurvivalTime(time: Double($0), event: true) },
            groups: ["a", "a", "b", "b"]),
        SurvivalDataset(
            name: "exact-half-10", data: (0..<10).map { SurvivalTime(time: Double($0 % 5 + 1), event: $0 != 9) },
            groups: (0..<10).map { $0 < 6 ? "x" : "y" }),
        survival("continuous-30", seed: 1, sizes: [10, 20], means: [15, 30], censoring: 0.3),
        survival(
            "days-116", seed: 2, sizes: [50, 40, 20, 6], means: [20, 14, 30, 8], censoring: 0.35, round: dayResolution),
        survival(
            "days-500", seed: 3, sizes: [200, 150, 90, 50, 10], means: [1.5, 20, 12, 25, 6], censoring: 0.3,
            round: dayResolution),
        survival("all-censored-30", seed: 4, sizes: [12, 18], means: [20], censoring: 1.1, round: dayResolution),
        survival(
            "all-events-40", seed: 5, sizes: [20, 15, 5], means: [10, 18, 6], censoring: -1, round: { $0.rounded() }),
        survival(
            "months-200", seed: 6, sizes: [120, 60, 20], means: [14, 22, 9], censoring: 0.4, round: { $0.rounded() }),
        survival(
            "weeks-2-groups", seed: 7, sizes: [80, 30], means: [12, 16], censoring: 0.5,
            round: { ($0 * 4).rounded() / 4 }),
        SurvivalDataset(
            name: "uninformative-group",
            data: [5, 6, 7, 8, 9].map { SurvivalTime(time: Double($0), event: true) }
                + [1, 2].map { SurvivalTime(time: Double($0) / 2, event: false) }
                + [5, 7, 10].map { SurvivalTime(time: Double($0), event: $0 != 10) },
            groups: ["a", "a", "a", "a", "a", "c", "c", "b", "b", "b"]),
    ]

    /// `n` subjects: exponential times, outcome 0 with probability `censoring`, else a cause 1...causes.
    static func competing(
        _ name: String, seed: UInt64, n: Int, mean: Double, censoring: Double, causes: Int,
        cause: Int = 1, round: (Double) -> Double = { $0 }
    ) -> CompetingDataset {
        var rng = LCG(state: seed)
        var times: [Double] = []
        var outcomes: [Int] = []
        for _ in 0..<n {
            times.append(round(rng.exponential(mean: mean)))
            let u = rng.uniform()
            outcomes.append(u < censoring ? 0 : 1 + Int((u - censoring) / (1 - censoring) * Double(causes)))
        }
        return CompetingDataset(name: name, times: times, outcomes: outcomes, cause: cause)
    }

    /// Cause-1 events on even days, cause-2 on odd days, censorings on any day: events tie with censorings
    /// but never with an event of the other cause, so lifelines does not jitter.
    static func separatedCauses(seed: UInt64, n: Int) -> CompetingDataset {
        var rng = LCG(state: seed)
        var times: [Double] = []
        var outcomes: [Int] = []
        for _ in 0..<n {
            var days = (rng.exponential(mean: 18) * daysPerMonth).rounded()
            let u = rng.uniform()
            let outcome = u < 0.4 ? 0 : (u < 0.65 ? 1 : 2)
            if outcome != 0, Int(days) % 2 != outcome % 2 { days += 1 }
            times.append(days / daysPerMonth)
            outcomes.append(outcome)
        }
        return CompetingDataset(name: "separated-causes-300", times: times, outcomes: outcomes, cause: 1)
    }

    static let competingSets: [CompetingDataset] = [
        CompetingDataset(name: "one-cause", times: [5], outcomes: [1], cause: 1),
        CompetingDataset(name: "two-tied", times: [3, 3], outcomes: [1, 0], cause: 1),
        competing("continuous-30", seed: 11, n: 30, mean: 20, censoring: 0.3, causes: 2),
        competing("days-116", seed: 12, n: 116, mean: 22, censoring: 0.4, causes: 2, round: dayResolution),
        competing("days-500", seed: 13, n: 500, mean: 22, censoring: 0.35, causes: 2, round: dayResolution),
        competing(
            "months-200-three-causes", seed: 14, n: 200, mean: 15, censoring: 0.3, causes: 3, cause: 2,
            round: { $0.rounded() }),
        competing("all-censored", seed: 15, n: 30, mean: 20, censoring: 1.1, causes: 2, round: dayResolution),
        separatedCauses(seed: 16, n: 300),
        CompetingDataset(
            name: "cause-at-zero", times: [0, 0, 0, 1, 2, 2, 3, 4, 5, 6],
            outcomes: [1, 2, 0, 1, 2, 0, 1, 0, 2, 1], cause: 1),
        CompetingDataset(
            name: "cause-at-zero-untied", times: [0, 0, 1, 2, 2, 3, 4, 5],
            outcomes: [1, 0, 2, 1, 0, 2, 1, 0], cause: 1),
    ]

    /// The lifelines_check.py input for all datasets plus the distribution grids.
    static func json(chiSquare: [(Double, Int)], quantiles: [Double]) -> String {
        func numbers(_ xs: [Double]) -> String { "[" + xs.map { "\($0)" }.joined(separator: ",") + "]" }
        func strings(_ xs: [String]) -> String { "[" + xs.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        let km = survivalSets.map { d in
            "{\"name\":\"\(d.name)\",\"times\":\(numbers(d.data.map(\.time))),"
                + "\"events\":\(numbers(d.data.map { $0.event ? 1 : 0 })),\"groups\":\(strings(d.groups))}"
        }
        let aj = competingSets.map { d in
            "{\"name\":\"\(d.name)\",\"times\":\(numbers(d.times)),\"outcomes\":\(numbers(d.outcomes.map(Double.init))),"
                + "\"cause\":\(d.cause)}"
        }
        let chi2 = chiSquare.map { "[\($0.0),\($0.1)]" }
        return "{\"km\":[" + km.joined(separator: ",") + "],\"aj\":[" + aj.joined(separator: ",") + "],"
            + "\"chi2\":[" + chi2.joined(separator: ",") + "],\"ppf\":" + numbers(quantiles) + "}"
    }
}
