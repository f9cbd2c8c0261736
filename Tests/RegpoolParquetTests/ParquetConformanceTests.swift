import Foundation
import RegpoolCodecs
import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// The conformance suite: the fixture written with every codec (several row groups, several pages
/// per chunk, dictionary and PLAIN chunks, a dictionary that overflows its limit) and an empty
/// table, read back by pyarrow (page checksums verified), DuckDB, polars, fastparquet and pyspark;
/// every value and type asserted, DuckDB's statistics equal to the true min/max/null counts of
/// every row group (Tests/interop/conformance.py).
final class ParquetConformanceTests: XCTestCase {
    static let script = ParquetInterop.packageRoot.appendingPathComponent("Tests/interop/conformance.py")
    static let rows = 3_000
    static let layout = ParquetWriterOptions(rowGroupRows: 1_000, pageBytes: 1_024)

    struct Extras: Decodable {
        let readers: [String: [String]]
        let row_groups: [Int]
        let codecs: [String]
        let encodings: [[String]]
    }

    /// name → (table, options) of every file in the suite.
    static var files: [(name: String, table: TableData, options: ParquetWriterOptions)] {
        let table = ParquetConformanceFixture.table(rows: rows)
        var files = CompressionCodec.allCases.map { codec -> (String, TableData, ParquetWriterOptions) in
            var options = layout
            options.codec = codec
            return ("codec-\(codec.rawValue)", table, options)
        }
        var plain = layout
        plain.dictionary = false
        files.append(("plain-zstd", table, plain))
        var overflow = layout
        overflow.dictionaryPageLimit = 2_000
        files.append(("dictionary-overflow-zstd", table, overflow))
        files.append(("empty-zstd", TableData(schema: ParquetConformanceFixture.schema), layout))
        return files
    }

    func testFiveReadersReadEveryCodecAndLayoutExactly() throws {
        let dir = try ParquetInterop.temporaryDirectory()
        let writer = ParquetTableWriter(createdBy: "regpool version 0.1.0 (build conformance)")
        var urls: [URL] = []
        var written: [(table: TableData, options: ParquetWriterOptions, bytes: [UInt8])] = []
        for file in Self.files {
            let bytes = try ParquetTableWriter(createdBy: writer.createdBy, options: file.options).encode(file.table)
            let url = dir.appendingPathComponent("\(file.name).parquet")
            try Data(bytes).write(to: url)
            urls.append(url)
            written.append((file.table, file.options, bytes))
        }
        let lines = try ParquetInterop.run(Self.script, urls)
        XCTAssertEqual(lines.count, urls.count)
        for (line, file) in zip(lines, written) {
            let report = try JSONDecoder().decode(ParquetReport.self, from: line)
            let extras = try JSONDecoder().decode(Extras.self, from: line)
            ParquetReportCheck.checkTypes(report, file.table)
            ParquetReportCheck.checkValues(report, file.table, file: #filePath, line: #line)
            checkReaderTypes(extras, file.table)
            checkLayout(extras, file, report.file)
        }
    }

    /// Spark and fastparquet see the CDM types (fastparquet as pandas dtypes).
    private func checkReaderTypes(_ extras: Extras, _ table: TableData) {
        let spark: [String: String] = [
            "string": "string", "enum": "string", "date": "date", "int32": "int", "double": "double", "bool": "boolean",
        ]
        XCTAssertEqual(extras.readers["spark"]?.count, table.schema.columns.count)
        XCTAssertEqual(extras.readers["fastparquet"]?.count, table.schema.columns.count)
        for (c, column) in table.schema.columns.enumerated() {
            let key: ColumnType = column.type.tokens == nil ? column.type : .string
            XCTAssertEqual(extras.readers["spark"]?[c], spark[column.type.name], "spark type of \(column.name)")
            let pandas = extras.readers["fastparquet"]?[c] ?? ""
            let allowed: Set<String> =
                switch key {
                case .string, .enumeration: ["object", "string"]
                case .date: ["datetime64[ns]"]
                // An empty file gives fastparquet no nulls to see: it picks the plain dtypes.
                case .int32: column.required ? ["int32"] : table.rows.isEmpty ? ["int32", "Int32"] : ["Int32"]
                case .double: ["float64"]
                case .bool: column.required ? ["bool"] : table.rows.isEmpty ? ["bool", "boolean"] : ["boolean"]
                }
            XCTAssertTrue(allowed.contains(pandas), "fastparquet dtype of \(column.name): \(pandas)")
        }
    }

    /// Row groups, codec, encodings and pages are what the options asked for.
    private func checkLayout(
        _ extras: Extras, _ file: (table: TableData, options: ParquetWriterOptions, bytes: [UInt8]), _ name: String
    ) {
        let rows = file.table.rows.count
        let groups =
            rows == 0
            ? [0]
            : stride(from: 0, to: rows, by: file.options.rowGroupRows).map {
                min(file.options.rowGroupRows, rows - $0)
            }
        XCTAssertEqual(extras.row_groups, groups, name)
        let codec = file.options.codec == .uncompressed ? "UNCOMPRESSED" : file.options.codec.rawValue.uppercased()
        XCTAssertEqual(Set(extras.codecs), [codec], name)
        let columns = file.table.schema.columns
        for (c, column) in columns.enumerated() where rows > 0 {
            let size = Self.dictionaryPageSize(file.table.rows.prefix(file.options.rowGroupRows).map { $0[c] })
            let dictionary =
                file.options.dictionary && column.type != .bool && size > 0
                && size <= file.options.dictionaryPageLimit
            XCTAssertEqual(
                extras.encodings[c].contains("RLE_DICTIONARY"), dictionary,
                "\(name) \(column.name): \(extras.encodings[c])")
        }
        guard rows > 0, let pages = try? ParquetConformanceFixture.dataPagesPerChunk(file.bytes) else { return }
        let idColumn = columns.firstIndex { $0.name == "id" }!
        XCTAssertGreaterThan(pages[idColumn], 1, "\(name): the id chunk spans several pages")
        XCTAssertEqual(pages.count, columns.count)
    }

    /// The PLAIN size of the distinct present values of one column (0 when all are null).
    static func dictionaryPageSize(_ values: [Value]) -> Int {
        var seen = Set<[UInt8]>()
        var size = 0
        for value in values {
            let key: [UInt8]
            let bytes: Int
            switch value {
            case .null, .bool: continue
            case .string(let s): (key, bytes) = (Array(s.utf8), s.utf8.count + 4)
            case .int32(let i): (key, bytes) = (ParquetBytes.int32LE(i), 4)
            case .date(let d): (key, bytes) = (ParquetBytes.int32LE(d), 4)
            case .double(let d): (key, bytes) = (ParquetBytes.doubleLE(d), 8)
            }
            if seen.insert(key).inserted { size += bytes }
        }
        return size
    }

    func testEveryCodecIsByteIdenticalAcrossRuns() throws {
        for file in Self.files {
            let first = try ParquetTableWriter(createdBy: "regpool version 0.1.0 (build t)", options: file.options)
                .encode(file.table)
            let second = try ParquetTableWriter(createdBy: "regpool version 0.1.0 (build t)", options: file.options)
                .encode(file.table)
            XCTAssertEqual(first, second, file.name)
        }
    }

    func testCodecsReallyCompressAndAllReadBackThroughRegpoolsReader() throws {
        let table = ParquetConformanceFixture.table(rows: Self.rows)
        var sizes: [CompressionCodec: Int] = [:]
        for codec in CompressionCodec.allCases {
            var options = Self.layout
            options.codec = codec
            let bytes = try ParquetTableWriter(createdBy: "regpool version 0.1.0 (build t)", options: options).encode(
                table)
            sizes[codec] = bytes.count
            let read = try ParquetFileReader(bytes: bytes, file: codec.rawValue).read(as: table.schema)
            XCTAssertEqual(read.rows.count, table.rows.count, codec.rawValue)
        }
        for codec in [CompressionCodec.snappy, .gzip, .zstd] {
            XCTAssertLessThan(sizes[codec]!, sizes[.uncompressed]!, "\(codec) output is smaller than uncompressed")
        }
    }
}
