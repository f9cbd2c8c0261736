import Foundation
import RegpoolModel

@testable import RegpoolParquet

/// A small file written by pyarrow 26: data page v2, dictionary pages, RLE booleans, two row
/// groups of 12 rows, many pages per chunk, no statistics. Made with:
///
/// ```python
/// names = ["low", "int1", None, "high", "caf\u00e9", "cafe\u0301"]
/// n = 24
/// t = pa.table({"risk": pa.array([names[i % 6] for i in range(n)], pa.string()),
///               "n": pa.array([i * i - 50 for i in range(n)], pa.int32()),
///               "day": pa.array([None if i % 5 == 0 else i * 400 - 9000 for i in range(n)], pa.int32()).view(pa.date32()),
///               "ok": pa.array([None if i % 4 == 1 else i % 3 == 0 for i in range(n)], pa.bool_()),
///               "x": pa.array([None if i % 6 == 2 else (i - 7) / 4 for i in range(n)], pa.float64())},
///              schema=pa.schema([pa.field("risk", pa.string()), pa.field("n", pa.int32(), nullable=False),
///                                pa.field("day", pa.date32()), pa.field("ok", pa.bool_()), pa.field("x", pa.float64())]))
/// pq.write_table(t, "small-v2.parquet", compression="NONE", write_statistics=False, store_schema=False,
///                data_page_version="2.0", use_dictionary=True, data_page_size=40, write_batch_size=6, row_group_size=12)
/// ```
enum ParquetPyarrowSample {
    static let schema = TableSchema(
        name: "sample", meaning: "", naturalKey: [],
        columns: [
            ColumnSchema("risk", .string), ColumnSchema("n", .int32, required: true), ColumnSchema("day", .date),
            ColumnSchema("ok", .bool), ColumnSchema("x", .double),
        ])

    /// The rows the Python above writes, computed the same way.
    static let table: TableData = {
        let names: [String?] = ["low", "int1", nil, "high", "caf\u{E9}", "cafe\u{301}"]
        let rows = (0..<24).map { i -> [Value] in
            let risk: Value = names[i % 6].map(Value.string) ?? .null
            let day: Value = i % 5 == 0 ? .null : .date(Int32(i * 400 - 9000))
            let ok: Value = i % 4 == 1 ? .null : .bool(i % 3 == 0)
            let x: Value = i % 6 == 2 ? .null : .double(Double(i - 7) / 4)
            return [risk, .int32(Int32(i * i - 50)), day, ok, x]
        }
        return TableData(schema: schema, rows: rows)
    }()

    static let bytes = [UInt8](Data(base64Encoded: base64.filter { !$0.isWhitespace })!)

    private static let base64 = """
        UEFSMRUEFVQVVEwVChUAEgAAAwAAAGxvdwQAAABpbnQxBAAAAGhpZ2gFAAAAY2Fmw6kGAAAAY2FmZcyBFQYVDhUOXBUMFQIV
        DBUQFQQVABIcAAAAAzsDA4hGABUGFQ4VDlwVDBUCFQwVEBUEFQASHAAAAAM7AwOIRgAVBBVgFWBMFRgVABIAAM7////P////
        0v///9f////e////5/////L/////////DgAAAB8AAAAyAAAARwAAABUGFQoVClwVDBUAFQwVEBUAFQASHAAAAAMDiMYCFQYV
        DBUMXBUMFQAVDBUQFQAVABIcAAAABAN2mLoAFQQVSBVITBUSFQASAABo3v//+N///4jh//8Y4///OOb//8jn//9Y6f//6Or/
        /wju//8VBhUMFQxcFQwVBBUMFRAVBBUAEhwAAAADHgID5AAVBhUQFRBcFQwVAhUMFRAVBBUAEhwAAAADLwQDVHYIABUGFRAV
        EFwVDBUEFQwVBhUEFQASHAAAAAMdAgAAAAMFFQYVEBUQXBUMFQIVDBUGFQQVABIcAAAAAzcCAAAAAwEVBBWgARWgAUwVFBUA
        EgAAAAAAAAAA/L8AAAAAAAD4vwAAAAAAAPC/AAAAAAAA6L8AAAAAAADgvwAAAAAAANC/AAAAAAAAAAAAAAAAAADgPwAAAAAA
        AOg/AAAAAAAA8D8VBhUOFQ5cFQwVAhUMFRAVBBUAEhwAAAADOwMDiEYAFQYVEBUQXBUMFQIVDBUQFQQVABIcAAAAAzsEA2WH
        CQAVBBVUFVRMFQoVABIAAAMAAABsb3cEAAAAaW50MQQAAABoaWdoBQAAAGNhZsOpBgAAAGNhZmXMgRUGFQ4VDlwVDBUCFQwV
        EBUEFQASHAAAAAM7AwOIRgAVBhUOFQ5cFQwVAhUMFRAVBBUAEhwAAAADOwMDiEYAFQQVYBVgTBUYFQASAABeAAAAdwAAAJIA
        AACvAAAAzgAAAO8AAAASAQAANwEAAF4BAACHAQAAsgEAAN8BAAAVBhUKFQpcFQwVABUMFRAVABUAEhwAAAADA4jGAhUGFQwV
        DFwVDBUAFQwVEBUAFQASHAAAAAQDdpi6ABUEFVAVUEwVFBUAEgAAmO///yjx//+48v//2PX//2j3///4+P//iPr//6j9//84
        ////yAAAABUGFQ4VDlwVDBUCFQwVEBUEFQASHAAAAAM3AwOIRgAVBhUQFRBcFQwVAhUMFRAVBBUAEhwAAAADOwQDZYcJABUG
        FRAVEFwVDBUEFQwVBhUEFQASHAAAAAMdAgAAAAMFFQYVEBUQXBUMFQIVDBUGFQQVABIcAAAAAzcCAAAAAwEVBBWgARWgAUwV
        FBUAEgAAAAAAAAAA9D8AAAAAAAD4PwAAAAAAAABAAAAAAAAAAkAAAAAAAAAEQAAAAAAAAAZAAAAAAAAACEAAAAAAAAAMQAAA
        AAAAAA5AAAAAAAAAEEAVBhUOFQ5cFQwVAhUMFRAVBBUAEhwAAAADOwMDiEYAFQYVEBUQXBUMFQIVDBUQFQQVABIcAAAAAzsE
        A2WHCQAVBBlsNQAYBnNjaGVtYRUKABUMJQIYBHJpc2slAEwcAAAAFQIlABgBbgAVAiUCGANkYXklDExsAAAAFQAlAhgCb2sA
        FQolAhgBeAAWMBksGVwmABwVDBk1AAYQGRgEcmlzaxUAFhgW7AEW7AEmeCYIKSwVBBUAFQIAFQAVEBUEADwWWBkGGSYEFAAA
        ACYAHBUCGTUABhAZGAFuFQAWGBbyARbyASbwAib0ASksFQQVABUCABUAFRAVBAAAACYAHBUCGTUABhAZGANkYXkVABYYFuAB
        FuABJsoEJuYDKSwVBBUAFQIAFQAVEBUEADwpBhkmBhIAAAAmABwVABkVBhkYAm9rFQAWGBaAARaAASbGBUkcFQAVBhUEADwp
        BhkmBhIAAAAmABwVChk1AAYQGRgBeBUAFhgWvgIWvgImhggmxgYpLBUEFQAVAgAVABUQFQQAPCkGGSYEFAAAABb8CBYYJggW
        /AgAGVwmABwVDBk1AAYQGRgEcmlzaxUAFhgW7AEW7AEm9AkmhAkpLBUEFQAVAgAVABUQFQQAPBZYGQYZJgQUAAAAJgAcFQIZ
        NQAGEBkYAW4VABYYFvIBFvIBJuwLJvAKKSwVBBUAFQIAFQAVEBUEAAAAJgAcFQIZNQAGEBkYA2RheRUAFhgW6gEW6gEmzg0m
        4gwpLBUEFQAVAgAVABUQFQQAPCkGGSYEFAAAACYAHBUAGRUGGRgCb2sVABYYFoABFoABJswOSRwVABUGFQQAPCkGGSYGEgAA
        ACYAHBUKGTUABhAZGAF4FQAWGBa+Aha+AiaMESbMDyksFQQVABUCABUAFRAVBAA8KQYZJgQUAAAAFoYJFhgmhAkWhgkAKCBw
        YXJxdWV0LWNwcC1hcnJvdyB2ZXJzaW9uIDI2LjAuMRlcHAAAHAAAHAAAHAAAHAAAALQCAABQQVIx
        """
}
