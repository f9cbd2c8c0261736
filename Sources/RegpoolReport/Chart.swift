/// Maps data to a plot area and formats coordinates for SVG (fixed precision: deterministic text).
struct Chart {
    static let width = 720.0, plotLeft = 64.0, plotRight = 700.0, plotTop = 16.0, plotBottom = 256.0
    static let palette = ["#1b6ca8", "#d1495b", "#2e8540", "#edae49", "#6a4c93", "#00798c", "#8d6a9f", "#5c5c5c"]

    let xMax: Double
    let yMax: Double

    func x(_ t: Double) -> Double { Self.plotLeft + (Self.plotRight - Self.plotLeft) * min(max(t / xMax, 0), 1) }
    func y(_ v: Double) -> Double { Self.plotBottom - (Self.plotBottom - Self.plotTop) * min(max(v / yMax, 0), 1) }

    /// A number as SVG text with one decimal.
    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format1: r)
    }

    /// The path of a right-continuous step function through (time, value) points starting at the first.
    func stepPath(_ points: [(time: Double, value: Double)]) -> String {
        guard let first = points.first else { return "" }
        var d = "M\(Self.f(x(first.time))) \(Self.f(y(first.value)))"
        for p in points.dropFirst() { d += " H\(Self.f(x(p.time))) V\(Self.f(y(p.value)))" }
        if let last = points.last, last.time < xMax { d += " H\(Self.f(x(last.time)))" }
        return d
    }

    /// Tick positions and labels on the x axis every `step` months.
    func xTicks(step: Double) -> [[String: String]] {
        stride(from: 0, through: xMax, by: step).map { ["x": Self.f(x($0)), "label": Self.f($0)] }
    }

    /// Tick positions and labels on the y axis at 0, 0.25, … 1 (as percent of yMax).
    func yTicks() -> [[String: String]] {
        stride(from: 0.0, through: 1.0, by: 0.25).map {
            ["y": Self.f(y($0 * yMax)), "label": "\(Int(($0 * yMax * 100).rounded()))%"]
        }
    }
}

extension String {
    /// One decimal, without Foundation's locale.
    init(format1 v: Double) {
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        self = "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
