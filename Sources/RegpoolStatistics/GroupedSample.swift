/// Usable subjects with a group index (groups numbered in order of first appearance), sorted by time.
struct GroupedSample {
    let subjects: [(time: Double, event: Bool, group: Int)]
    let groupCount: Int

    init(_ data: [SurvivalTime], groups: [String]) {
        var index: [String: Int] = [:]
        var subjects: [(time: Double, event: Bool, group: Int)] = []
        for (subject, label) in zip(data, groups) where SurvivalTime.isUsable(subject.time) {
            let group = index[label] ?? index.count
            index[label] = group
            subjects.append((subject.time, subject.event, group))
        }
        self.subjects = subjects.sorted { $0.time < $1.time }
        self.groupCount = index.count
    }

    /// Observed minus expected events per group, and their covariance matrix (all k groups).
    func observedMinusExpected() -> (z: [Double], v: [[Double]]) {
        let k = groupCount
        var atRisk = [Int](repeating: 0, count: k)
        for s in subjects { atRisk[s.group] += 1 }
        var observed = [Double](repeating: 0, count: k)
        var expected = observed
        var v = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var i = 0
        while i < subjects.count {
            let time = subjects[i].time
            var deaths = [Int](repeating: 0, count: k)
            var leaving = deaths
            while i < subjects.count, subjects[i].time == time {
                if subjects[i].event { deaths[subjects[i].group] += 1 }
                leaving[subjects[i].group] += 1
                i += 1
            }
            let n = atRisk.reduce(0, +)
            let d = deaths.reduce(0, +)
            if d > 0 {
                let share = Double(d) / Double(n)
                let factor = Self.varianceFactor(atRisk: n, deaths: d)
                for j in 0..<k {
                    observed[j] += Double(deaths[j])
                    expected[j] += Double(atRisk[j]) * share
                    for l in 0..<k {
                        let product = Double(atRisk[j]) * (j == l ? Double(n - atRisk[j]) : -Double(atRisk[l]))
                        v[j][l] += factor * product
                    }
                }
            }
            for j in 0..<k { atRisk[j] -= leaving[j] }
        }
        return (zip(observed, expected).map { $0 - $1 }, v)
    }

    /// d (n − d) / ((n − 1) n²), with (n − d)/(n − 1) taken as 1 when n = 1 (lifelines).
    static func varianceFactor(atRisk n: Int, deaths d: Int) -> Double {
        let ratio = n > 1 ? Double(n - d) / Double(n - 1) : 1
        return ratio * Double(d) / (Double(n) * Double(n))
    }
}
