import Foundation
import RegpoolCodecs
import RegpoolModel
import RegpoolParquet

// regpool-parquet-bench ROWS OUT.parquet CODEC [TABLE]
// Fills a CDM table (default `patients`) with ROWS rows of plausible values from a fixed seed,
// writes it with regpool's Parquet writer (default options but the codec) and prints one JSON line:
// {"rows", "table", "codec", "generate_seconds", "encode_seconds", "write_seconds", "bytes"}.
// benchmarks/bench_writer.py times pyarrow writing the same table (read back from OUT) against it.

func value(_ column: ColumnSchema, row: Int, _ rng: inout SplitMix64) -> Value {
    if !column.required && rng.below(10) == 0 { return .null }
    switch column.type {
    case .enumeration(let tokens): return .string(tokens[rng.below(tokens.count)])
    case .string:
        if column.name == "pooled_id" { return .string("P-" + String(UInt64(row) &* 0x9E37_79B9_7F4A_7C15, radix: 16)) }
        return .string("\(column.name)-\(rng.below(5_000))")
    case .date: return .date(Int32(10_000 + rng.below(10_000)))
    case .int32: return .int32(Int32(1920 + rng.below(80)))
    case .double: return .double(Double(rng.below(200_000)) / 100)
    case .bool: return .bool(rng.below(2) == 0)
    }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = (ContinuousClock.now - start).components
    return Double(d.seconds) + Double(d.attoseconds) / 1e18
}

/// Generates, writes and times the table (a function: top-level variables would be main-actor globals).
func run() throws {
    let arguments = CommandLine.arguments
    guard arguments.count >= 4, let rows = Int(arguments[1]), let codec = CompressionCodec(rawValue: arguments[3])
    else {
        FileHandle.standardError.write(
            Data("usage: regpool-parquet-bench ROWS OUT.parquet zstd|snappy|gzip|uncompressed [TABLE]\n".utf8))
        exit(64)
    }
    let tableName = arguments.count > 4 ? arguments[4] : "patients"
    guard let schema = CDM.tables.first(where: { $0.name == tableName }) else {
        FileHandle.standardError.write(Data("no CDM table '\(tableName)'\n".utf8))
        exit(64)
    }
    var rng = SplitMix64(seed: 2026)
    var start = ContinuousClock.now
    let table = TableData(schema: schema, rows: (0..<rows).map { r in schema.columns.map { value($0, row: r, &rng) } })
    let generated = seconds(since: start)
    start = ContinuousClock.now
    let bytes = try ParquetTableWriter(
        createdBy: "regpool version bench (build bench)", options: ParquetWriterOptions(codec: codec)
    ).encode(table)
    let encoded = seconds(since: start)
    start = ContinuousClock.now
    try Data(bytes).write(to: URL(fileURLWithPath: arguments[2]))
    let written = seconds(since: start)
    print(
        "{\"rows\": \(rows), \"table\": \"\(tableName)\", \"codec\": \"\(codec.rawValue)\", \"generate_seconds\": \(generated), "
            + "\"encode_seconds\": \(encoded), \"write_seconds\": \(written), \"bytes\": \(bytes.count)}")
}

try run()
