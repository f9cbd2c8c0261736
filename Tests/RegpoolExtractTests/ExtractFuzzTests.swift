import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// Seeded mutation fuzzing of the C-facing readers: thousands of broken variants of the sample
/// exports must each end in records, rejections or an ExtractError — never a crash or a hang.
/// Inputs in Tests/fuzz-regressions/ are replayed every run.
final class ExtractFuzzTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// One random edit: flip a byte, insert a syntax byte, delete a run, truncate, or duplicate a run.
    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64, syntax: [UInt8]) -> [UInt8] {
        var b = input
        for _ in 0...rng.below(4) {
            guard !b.isEmpty else { break }
            let at = rng.below(b.count)
            switch rng.below(5) {
            case 0: b[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: b.insert(syntax[rng.below(syntax.count)], at: at)
            case 2: b.removeSubrange(at..<min(b.count, at + 1 + rng.below(64)))
            case 3: b.removeSubrange(at..<b.count)
            default: b.insert(contentsOf: b[at..<min(b.count, at + rng.below(200))], at: rng.below(b.count))
            }
        }
        return b
    }

    func fuzz(sample: String, syntax: String, iterations: Int, read: (String) throws -> Void) throws {
        let original = try XCTUnwrap(FileManager.default.contents(atPath: Self.root + "/" + sample))
        let scratch = try Scratch()
        var rng = SplitMix64(seed: 0x5EED_0000_0000_0001)
        for i in 0..<iterations {
            let input = Self.mutate([UInt8](original), &rng, syntax: Array(syntax.utf8))
            let path = try scratch.write("case-\(i % 8)", bytes: input)
            do { try read(path) } catch is ExtractError {}
        }
    }

    func testCSVReaderSurvivesMutatedExports() throws {
        let dialect = CSVDialect(delimiter: UInt8(ascii: ";"))
        try fuzz(sample: "samples/fr-lyon/patients_2026-11-21.csv", syntax: "\";\r\n\0", iterations: 400) { path in
            try CSVReader(path: path, displayName: "fuzz.csv", dialect: dialect).read { _ in }
        }
    }

    func testXMLReaderSurvivesMutatedExports() throws {
        let spec = XMLRecordSpec(
            recordPath: "/registry/patient", fields: ["@id", "sex", "birth/@year", "../@exported"])
        try fuzz(sample: "samples/us-lakeside/export_2026-11-21.xml", syntax: "<>/&\"'=!?[]", iterations: 300) { path in
            try XMLReader(path: path, displayName: "fuzz.xml", spec: spec).read { _ in }
        }
    }

    func testRegressionInputsStayHandled() throws {
        let folder = Self.root + "/Tests/fuzz-regressions"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder + "/csv")) ?? [] {
            do {
                try CSVReader(path: "\(folder)/csv/\(name)", displayName: name, dialect: CSVDialect()).read { _ in }
            } catch is ExtractError {}
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder + "/xml")) ?? [] {
            do {
                try XMLReader(
                    path: "\(folder)/xml/\(name)", displayName: name,
                    spec: XMLRecordSpec(recordPath: "/registry/patient", fields: ["@id", "sex"])
                ).read { _ in }
            } catch is ExtractError {}
        }
    }
}
