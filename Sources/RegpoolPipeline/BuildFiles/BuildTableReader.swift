import Foundation
import RegpoolLoad
import RegpoolModel
import RegpoolParquet

/// Reads a CDM table back from a build: `TABLE.parquet`, or every `TABLE/COLUMN=VALUE/part-N.parquet`
/// of a Hive-partitioned build (partitions in name order; a partition column that belongs to the
/// table is put back from the folder name).
struct BuildTableReader {
    let buildPath: String

    /// The table's rows as `schema` says.
    func read(_ schema: TableSchema) throws -> TableData {
        let single = "\(buildPath)/\(schema.name).parquet"
        if FileManager.default.fileExists(atPath: single) { return try readFile(single, as: schema) }
        let folder = "\(buildPath)/\(schema.name)"
        guard let segments = try? FileManager.default.contentsOfDirectory(atPath: folder), !segments.isEmpty else {
            throw PipelineError(
                .input, "\(single) cannot be read; a build holds every CDM table. Is \(buildPath) a regpool build?")
        }
        var rows: [[Value]] = []
        for segment in segments.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            rows += try readPartition("\(folder)/\(segment)", segment: segment, as: schema)
        }
        return TableData(schema: schema, rows: rows)
    }

    /// The rows of one `COLUMN=VALUE` folder, with the partition column re-inserted when the table has it.
    private func readPartition(_ folder: String, segment: String, as schema: TableSchema) throws -> [[Value]] {
        guard let equals = segment.firstIndex(of: "=") else {
            throw PipelineError(
                .input, "\(folder) is not a Hive partition folder (COLUMN=VALUE); was the build altered?")
        }
        let column = String(segment[..<equals])
        let raw = String(segment[segment.index(after: equals)...])
        let value: Value = raw == HivePartitioning.nullValue ? .null : .string(Self.percentDecoded(raw))
        let index = schema.index(of: column)
        let fileSchema =
            index.map { drop in
                TableSchema(
                    name: schema.name, meaning: schema.meaning, naturalKey: schema.naturalKey,
                    columns: schema.columns.enumerated().filter { $0.offset != drop }.map(\.element))
            } ?? schema
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".parquet") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var rows: [[Value]] = []
        for file in files {
            for var row in try readFile("\(folder)/\(file)", as: fileSchema).rows {
                if let index { row.insert(value, at: index) }
                rows.append(row)
            }
        }
        return rows
    }

    private func readFile(_ path: String, as schema: TableSchema) throws -> TableData {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(
                .input, "\(path) cannot be read; a build holds every CDM table. Is \(buildPath) a regpool build?")
        }
        do {
            return try ParquetFileReader(bytes: Array(data), file: path).read(as: schema)
        } catch {
            throw PipelineError(.input, "\(error)")
        }
    }

    /// `%XX` sequences turned back into bytes (invalid sequences kept as written).
    static func percentDecoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]),
                let low = hexValue(bytes[i + 2])
            {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
