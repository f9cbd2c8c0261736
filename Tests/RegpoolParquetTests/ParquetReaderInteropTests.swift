import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// Files written by pyarrow (many layouts), DuckDB and polars from the same table, read back by
/// `ParquetFileReader` (`write_parquet_variants.py`; skipped without Python unless interop is required).
final class ParquetReaderInteropTests: XCTestCase {
    static let table = ParquetReaderFixtures.interopTable()
    static let readable = [
        "plain-v1", "dictionary-v1", "plain-small-pages", "dictionary-small-pages", "dictionary-fallback",
        "row-groups", "no-statistics", "plain-v2", "dictionary-v2", "checksums", "v2-checksums-row-groups",
        "empty", "duckdb", "polars", "snappy", "gzip", "zstd", "duckdb-zstd", "polars-gzip",
    ]

    /// The files, written once for all tests of the class (Python takes seconds to start).
    nonisolated(unsafe) private static var files: (dir: URL, written: [ParquetVariants.Written])?

    private var written: [ParquetVariants.Written] = []

    override func setUpWithError() throws {
        if Self.files == nil {
            let dir = try ParquetInterop.temporaryDirectory()
            Self.files = (dir, try ParquetVariants.write(Self.table, into: dir))
        }
        written = Self.files?.written ?? []
    }

    override class func tearDown() {
        if let dir = files?.dir { try? FileManager.default.removeItem(at: dir) }
        files = nil
        super.tearDown()
    }

    private func bytes(_ variant: String) throws -> (ParquetVariants.Written, [UInt8]) {
        let file = try XCTUnwrap(written.first { $0.variant == variant }, "no file for \(variant)")
        return (file, [UInt8](try Data(contentsOf: URL(fileURLWithPath: file.file))))
    }

    func testEveryLayoutReadsBackTheValuesWritten() throws {
        XCTAssertEqual(Set(written.map(\.variant)), Set(Self.readable + ["brotli", "int64"]))
        for variant in Self.readable {
            let (file, bytes) = try bytes(variant)
            let expected = variant == "empty" ? TableData(schema: Self.table.schema) : Self.table
            do {
                let read = try ParquetFileReader(bytes: bytes, file: variant + ".parquet").read(as: Self.table.schema)
                ParquetReaderCheck.assertSame(read, expected, exactNaN: file.exact_nan, "\(variant) (\(file.writer))")
            } catch {
                XCTFail("\(variant): \(error)")
            }
        }
    }

    func testVariantsHoldTheLayoutsTheyAreNamedFor() throws {
        // pyarrow's empty file has a dictionary page, no data page and data_page_offset 0: not summarised.
        let variants = Self.readable.filter { $0 != "empty" }
        let summary = try Dictionary(uniqueKeysWithValues: variants.map { ($0, try pages(try bytes($0).1)) })
        XCTAssertGreaterThan(summary["plain-small-pages"]!.dataPages, 150, "\(summary)")
        XCTAssertEqual(summary["plain-small-pages"]!.encodings, ["PLAIN"])
        XCTAssertGreaterThan(summary["dictionary-small-pages"]!.dataPages, 150)
        XCTAssertEqual(summary["dictionary-fallback"]!.encodings, ["PLAIN", "RLE_DICTIONARY"])
        XCTAssertEqual(summary["row-groups"]!.rowGroups, 43)  // 300 rows / 7
        XCTAssertEqual(summary["plain-v2"]!.types, [ParquetReadFormat.PageType.dataPageV2.rawValue])
        XCTAssertEqual(summary["plain-v2"]!.encodings, ["PLAIN", "RLE"], "booleans are RLE-encoded in v2 pages")
        XCTAssertTrue(summary["dictionary-v2"]!.types.contains(ParquetReadFormat.PageType.dataPageV2.rawValue))
        XCTAssertTrue(summary["dictionary-v2"]!.types.contains(ParquetReadFormat.PageType.dictionaryPage.rawValue))
        XCTAssertEqual(summary["checksums"]!.withCRC, summary["checksums"]!.pages)
        XCTAssertEqual(summary["v2-checksums-row-groups"]!.withCRC, summary["v2-checksums-row-groups"]!.pages)
        XCTAssertEqual(summary["dictionary-v1"]!.withCRC, 0)
    }

    func testBrotliNamesTheCodecAndHowToAvoidIt() throws {
        let (_, bytes) = try bytes("brotli")
        let error = ParquetReaderCheck.error {
            try ParquetFileReader(bytes: bytes, file: "brotli.parquet").read(as: Self.table.schema)
        }
        XCTAssertEqual(error?.file, "brotli.parquet")
        XCTAssertEqual(error?.column, "s_req")
        XCTAssertNotNil(error?.offset)
        XCTAssertTrue(error?.problem.contains("BROTLI") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.fix.contains("ZSTD, SNAPPY, GZIP") ?? false, "\(String(describing: error))")
    }

    func testInt64ColumnHasNoCDMTypeAndIsRefusedByName() throws {
        let (_, bytes) = try bytes("int64")
        let reader = ParquetFileReader(bytes: bytes, file: "int64.parquet")
        let columns = try reader.schemaColumns()
        XCTAssertEqual(columns.count, 22)
        XCTAssertEqual(columns.last?.name, "count64")
        XCTAssertNil(columns.last?.type ?? nil)
        XCTAssertEqual(columns.first?.type, .string)
        var columnsWithCount = Self.table.schema.columns
        columnsWithCount.append(ColumnSchema("count64", .int32, required: true))
        let schema = TableSchema(name: "all_types", meaning: "", naturalKey: [], columns: columnsWithCount)
        let error = ParquetReaderCheck.error { try reader.read(as: schema) }
        XCTAssertEqual(error?.column, "count64")
        XCTAssertTrue(error?.problem.contains("INT64") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.fix.contains("pa.int32()") ?? false, "\(String(describing: error))")
    }

    /// What the pages of a file are: types, data page encodings, how many carry a CRC.
    struct PageSummary: CustomStringConvertible {
        var rowGroups = 0, pages = 0, dataPages = 0, withCRC = 0, dictionaryOffsetsIgnored = 0
        var types: Set<Int32> = []
        var encodings: Set<String> = []
        var description: String {
            "\(rowGroups) row groups, \(pages) pages (\(dataPages) data, \(withCRC) with CRC), types \(types.sorted()), \(encodings.sorted()), \(dictionaryOffsetsIgnored) dictionary offsets ignored"
        }
    }

    private func pages(_ bytes: [UInt8]) throws -> PageSummary {
        let footer = try ParquetFileReader(bytes: bytes, file: "p").footer()
        var summary = PageSummary(rowGroups: footer.rowGroups.count)
        for chunk in footer.rowGroups.flatMap(\.columns) {
            let dictionary = chunk.dictionaryPageOffset.flatMap { $0 >= 4 && $0 < chunk.dataPageOffset ? $0 : nil }
            if chunk.dictionaryPageOffset != nil && dictionary == nil { summary.dictionaryOffsetsIgnored += 1 }
            var position = Int(dictionary ?? chunk.dataPageOffset)
            let end = position + Int(chunk.totalCompressedSize)
            while position < end {
                let header = try ParquetReadPageHeader.decode(bytes, range: position..<end)
                position = header.bodyOffset + Int(header.compressedSize)
                summary.pages += 1
                summary.types.insert(header.type)
                if header.crc != nil { summary.withCRC += 1 }
                if let encoding = header.dataPage?.encoding ?? header.dataPageV2?.encoding {
                    summary.dataPages += 1
                    summary.encodings.insert(ParquetReadFormat.Encoding.name(encoding))
                }
            }
        }
        return summary
    }
}
