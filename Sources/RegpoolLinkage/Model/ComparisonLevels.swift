import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// A comparison ready for millions of pairs: its tolerances (widened by a hair against rounding
/// of decimal doses) and whether it compares categories (codes equal or not).
struct ComparisonLevels: Sendable {
    let tolerances: [Double]
    let isCategory: Bool
    /// Levels including "disagree"; also the pattern digit of "missing".
    let levelCount: Int

    init(_ spec: ComparisonSpec) {
        tolerances = spec.tolerances.map { $0 + 1e-9 * max(1, $0) }
        isCategory = spec.field.kind == .category
        levelCount = spec.levelCount
    }

    /// The level of two numbers (NaN = missing → nil).
    func level(_ a: Double, _ b: Double) -> Int? {
        let d = digit(a, b)
        return d == levelCount ? nil : d
    }

    /// The pattern digit of two numbers: the level, `levelCount` when either is missing.
    func digit(_ a: Double, _ b: Double) -> Int {
        tolerances.withUnsafeBufferPointer { Self.digit(a, b, $0, isCategory: isCategory, levelCount: levelCount) }
    }

    /// The pattern digit: `levelCount` when either value is NaN; categories 0 when equal, else
    /// disagree; numbers the first tolerance `|a - b|` is within, else disagree (`levelCount - 1`).
    @inline(__always)
    static func digit(
        _ a: Double, _ b: Double, _ tolerances: UnsafeBufferPointer<Double>, isCategory: Bool,
        levelCount: Int
    ) -> Int {
        if a.isNaN || b.isNaN { return levelCount }
        if isCategory { return a == b ? 0 : levelCount - 1 }
        let d = abs(a - b)
        var k = 0
        while k < tolerances.count, d > tolerances[k] { k += 1 }
        return k < tolerances.count ? k : levelCount - 1
    }
}
