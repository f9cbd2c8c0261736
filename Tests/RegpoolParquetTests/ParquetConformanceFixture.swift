import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// The conformance fixture: every CDM type, required and optional, nulls in runs and scattered,
/// an all-null column of every type, long (> 4 KB) and non-ASCII strings with NFC and NFD
/// spellings, NaN, ±0.0, ±∞, extreme integers, plus high-cardinality columns whose dictionaries
/// need wide indices. Dates stay inside 1677–2262 (fastparquet reads dates via datetime64[ns]).
enum ParquetConformanceFixture {
    static let dates: [Int32] = [0, -1, -25_567, 47_482, 19_000, 11_016, -3, 20_412, -2_000, 99_999]

    static let schema = TableSchema(
        name: "conformance", meaning: "Every CDM type, for the reader conformance suite.", naturalKey: [],
        columns: ParquetFixtures.typesSchema.columns + [
            ColumnSchema("id", .string, required: true, "unique per row"),
            ColumnSchema("code", .int32, "300 distinct values"),
            ColumnSchema("measure", .double, required: true, "unique per row"),
            ColumnSchema("visit", .date, "1,000 distinct dates"),
        ])

    /// `rows` rows: the all-types fixture with plausible dates, plus the wide columns.
    static func table(rows: Int) -> TableData {
        let base = ParquetFixtures.allTypes(rows: rows)
        let dateColumns = ["d_req", "d_opt"].compactMap { base.schema.index(of: $0) }
        let extended = base.rows.enumerated().map { i, row -> [Value] in
            var row = row
            for c in dateColumns where !row[c].isNull { row[c] = .date(dates[(i + c) % dates.count]) }
            return row + [
                .string(String(format: "P-%05d-%@", i, i % 2 == 0 ? ParquetFixtures.nfc : ParquetFixtures.nfd)),
                i % 11 == 0 ? .null : .int32(Int32(i % 300) - 150),
                .double(Double(i) * 0.37 - 100),
                i % 13 == 0 ? .null : .date(Int32(15_000 + i % 1_000)),
            ]
        }
        return TableData(schema: schema, rows: extended)
    }

    /// The data pages of each column chunk of row group 0, counted by walking the page headers.
    static func dataPagesPerChunk(_ bytes: [UInt8]) throws -> [Int] {
        let footer = try ParquetFileReader(bytes: bytes, file: "conformance").footer()
        guard let group = footer.rowGroups.first else { return [] }
        return try group.columns.map { chunk in
            var position = Int(chunk.dictionaryPageOffset ?? chunk.dataPageOffset)
            let end = position + Int(chunk.totalCompressedSize)
            var pages = 0
            while position < end {
                let header = try ParquetReadPageHeader.decode(bytes, range: position..<end)
                if header.dataPage != nil { pages += 1 }
                position = header.bodyOffset + Int(header.compressedSize)
            }
            return pages
        }
    }
}
