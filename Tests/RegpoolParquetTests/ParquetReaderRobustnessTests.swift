import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// Damaged files must end in rows or a `ParquetReadError` — never a trap, a hang or a huge
/// allocation: every truncation, every byte changed to a few values, seeded random edits.
/// Inputs that ever crashed the reader are kept in Tests/fuzz-regressions/parquet/ and replayed.
final class ParquetReaderRobustnessTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A small table of every type written by regpool's writer (no long strings: about 700 bytes).
    static let regpoolSample: (schema: TableSchema, bytes: [UInt8]) = {
        let schema = TableSchema(
            name: "small", meaning: "", naturalKey: [],
            columns: [
                ColumnSchema("s", .string), ColumnSchema("e", .enumeration(["low", "high"]), required: true),
                ColumnSchema("d", .date), ColumnSchema("i", .int32, required: true), ColumnSchema("f", .double),
                ColumnSchema("b", .bool),
            ])
        let strings = ["P-01", ParquetFixtures.nfd, "日本"]
        let rows = (0..<12).map { r -> [Value] in
            let s: Value = r % 3 == 0 ? .null : .string(strings[r % 3])
            let d: Value = r % 4 == 1 ? .null : .date(Int32(r * 1000 - 4000))
            let f: Value = r % 5 == 2 ? .null : .double(Double(r) / 3 - 1)
            let b: Value = r % 6 == 0 ? .null : .bool(r % 2 == 1)
            return [s, .string(r % 2 == 0 ? "low" : "high"), d, .int32(Int32(r * r) - 20), f, b]
        }
        let bytes = try! ParquetTableWriter(createdBy: "regpool test").encode(TableData(schema: schema, rows: rows))
        return (schema, bytes)
    }()

    /// Reads `bytes` as `schema` (and its schema alone); any `ParquetReadError` is fine.
    static func survive(_ bytes: [UInt8], as schema: TableSchema) {
        let reader = ParquetFileReader(bytes: bytes, file: "fuzz.parquet")
        _ = try? reader.schemaColumns()
        do { _ = try reader.read(as: schema) } catch is ParquetReadError {} catch {
            XCTFail("unexpected error \(error)")
        }
    }

    /// Every prefix, every file with one byte removed, every byte set to four other values.
    static func mutateEveryByte(_ original: [UInt8], as schema: TableSchema) {
        for cut in 0..<original.count {
            survive(Array(original[..<cut]), as: schema)
            var shorter = original
            shorter.remove(at: cut)
            survive(shorter, as: schema)
        }
        var bytes = original
        for i in 0..<original.count {
            for value in [0x00, 0xFF, original[i] ^ 0x01, original[i] &+ 0x40] where value != original[i] {
                bytes[i] = value
                survive(bytes, as: schema)
            }
            bytes[i] = original[i]
        }
    }

    func testTheSamplesReadBackBeforeDamage() throws {
        let regpool = try ParquetReaderCheck.read(Self.regpoolSample.bytes, as: Self.regpoolSample.schema)
        XCTAssertEqual(regpool.rows.count, 12)
        let pyarrow = try ParquetReaderCheck.read(ParquetPyarrowSample.bytes, as: ParquetPyarrowSample.schema)
        ParquetReaderCheck.assertSame(pyarrow, ParquetPyarrowSample.table)
    }

    func testRegpoolFileSurvivesEveryTruncationAndByteChange() {
        Self.mutateEveryByte(Self.regpoolSample.bytes, as: Self.regpoolSample.schema)
    }

    func testPyarrowV2DictionaryFileSurvivesEveryTruncationAndByteChange() {
        Self.mutateEveryByte(ParquetPyarrowSample.bytes, as: ParquetPyarrowSample.schema)
    }

    func testSeededRandomEditsAreSurvived() {
        var rng = SplitMix64(seed: 0x5EED_0000_0000_0042)
        let samples = [
            (ParquetPyarrowSample.bytes, ParquetPyarrowSample.schema),
            (Self.regpoolSample.bytes, Self.regpoolSample.schema),
        ]
        for iteration in 0..<3000 {
            let (original, schema) = samples[iteration % samples.count]
            var bytes = original
            for _ in 0...rng.below(4) {
                let at = rng.below(bytes.count)
                switch rng.below(4) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes[at] = [0x00, 0x7F, 0x80, 0xFF, 0x15, 0x19, 0x1C][rng.below(7)]
                case 2:
                    bytes.replaceSubrange(
                        at..<min(bytes.count, at + 4), with: [0xFF, 0xFF, 0xFF, 0x7F].prefix(bytes.count - at))
                default:
                    bytes.insert(
                        contentsOf: bytes[at..<min(bytes.count, at + rng.below(40))], at: rng.below(bytes.count))
                }
            }
            Self.survive(bytes, as: schema)
        }
    }

    func testRegressionInputsStayHandled() throws {
        let folder = Self.root + "/Tests/fuzz-regressions/parquet"
        // The folder holds its README even while no input has ever crashed the reader.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".parquet") }
            .sorted()
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let reader = ParquetFileReader(bytes: bytes, file: name)
            let columns = (try? reader.schemaColumns()) ?? []
            let schema = TableSchema(
                name: name, meaning: "", naturalKey: [],
                columns: columns.map {
                    ColumnSchema($0.name, $0.type ?? .string)
                })
            Self.survive(bytes, as: schema)
            Self.survive(bytes, as: ParquetPyarrowSample.schema)
        }
    }
}
