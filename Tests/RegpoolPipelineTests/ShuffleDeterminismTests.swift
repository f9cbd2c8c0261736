import Foundation
import RegpoolModel
import RegpoolPipeline
import XCTest

/// Shuffling the rows inside every CSV export (and so the order records arrive in) changes no
/// byte of the cohort: the tables (but for the build id in their footers), the crosswalk and the
/// clerical review are identical. Only
/// `source_records.source_locator` (the line a record now sits on, also named in the reason of a
/// rejected row) follows the rows; the rest of each source_records row is identical.
final class ShuffleDeterminismTests: XCTestCase {
    /// The CSV exports of the samples (not the REDCap data dictionary: it is metadata, not records).
    static let exports = [
        "fr-lyon/patients_2026-11-21.csv", "fr-lyon/traitements_2026-11-21.csv", "fr-lyon/greffes_2026-11-21.csv",
        "be-gent/patienten_2026-11-20.csv", "be-gent/patienten_2026-11-21.csv", "be-gent/behandelingen_2026-11-20.csv",
        "kr-seoul/seoul_mds_20261120.csv", "ca-toronto/MDSLEN_DATA_2026-11-21_1200.csv",
    ]

    func testShuffledRowsGiveTheSameCohort() throws {
        let original = try SampleCopy("unshuffled").build()
        let copy = try SampleCopy("shuffled")
        var changed = 0
        for export in Self.exports where try Self.shuffleRows(copy.root + "/samples/" + export) {
            changed += 1
        }
        XCTAssertGreaterThanOrEqual(changed, 6, "most exports have several rows to shuffle")
        let shuffled = try copy.build()
        XCTAssertNotEqual(original.buildID, shuffled.buildID, "the inputs' bytes differ, so the build ids do")

        let compared = original.tables.map(\.schema.name).filter { $0 != "source_records" }
        for name in compared + ["crosswalk.csv", "clerical-review.csv"] {
            let file = name.hasSuffix(".csv") ? name : "\(name).parquet"
            let a = try Data(contentsOf: URL(fileURLWithPath: original.buildPath + "/" + file))
            var b = try Data(contentsOf: URL(fileURLWithPath: shuffled.buildPath + "/" + file))
            if file.hasSuffix(".parquet") {
                // The footer names the build (regpool.build_id), which names the input bytes: the
                // only bytes allowed to differ. Both ids have the same length.
                XCTAssertNotNil(a.range(of: Data(original.buildID.utf8)), "\(file) names its build")
                b = Self.replacing(Data(shuffled.buildID.utf8), with: Data(original.buildID.utf8), in: b)
            }
            XCTAssertEqual(a, b, "\(file) differs after shuffling the rows of the exports")
        }
        let (a, b) = (try Self.lineage(original), try Self.lineage(shuffled))
        XCTAssertEqual(a.count, b.count)
        for (x, y) in zip(a, b) where x != y { XCTFail("source_records differ:\n  \(x)\n  \(y)") }
    }

    /// `data` with every occurrence of `old` replaced by `new`.
    static func replacing(_ old: Data, with new: Data, in data: Data) -> Data {
        var out = data
        var start = out.startIndex
        while let range = out.range(of: old, in: start..<out.endIndex) {
            out.replaceSubrange(range, with: new)
            start = range.lowerBound + new.count
        }
        return out
    }

    /// source_records without the locator (nor the line a rejection reason names), sorted, each row as text.
    static func lineage(_ summary: RunSummary) throws -> [String] {
        let table = summary.tables.first { $0.schema.name == "source_records" }!
        let locator = table.schema.index(of: "source_locator")!
        return table.rows.map { row in
            row.enumerated().filter { $0.offset != locator }.map { Self.withoutLineNumbers($0.element.text) }
                .joined(separator: "|")
        }.sorted()
    }

    /// `text` with every "line N" written "line #".
    static func withoutLineNumbers(_ text: String) -> String {
        text.replacingOccurrences(of: #"line [0-9]+"#, with: "line #", options: .regularExpression)
    }

    /// Reorders the lines after the header at byte level (encodings and line ends kept) by their
    /// bytes read backwards — a fixed permutation unrelated to the file's order; true when the
    /// file changed.
    static func shuffleRows(_ path: String) throws -> Bool {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var lines: [[UInt8]] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(Array(bytes[start...i]))
            start = i + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...]) + [0x0A]) }
        let rows = lines.dropFirst().sorted { $0.reversed().lexicographicallyPrecedes($1.reversed()) }
        let out = (lines.first ?? []) + rows.flatMap { $0 }
        try Data(out).write(to: URL(fileURLWithPath: path))
        return out != bytes
    }
}
