/// The rows of one CDM table, each row aligned with the schema's columns.
package struct TableData: Sendable {
    package let schema: TableSchema
    package var rows: [[Value]]

    package init(schema: TableSchema, rows: [[Value]] = []) {
        self.schema = schema
        self.rows = rows
    }

    /// The rows in the contract's deterministic order: `pooled_id`, then the natural key, then
    /// every other column (so even rows equal on the key have one order; ties keep input order).
    ///
    /// The order is that of each row's byte key (see `SortKeyEncoding`) over all those columns.
    /// Only the key columns (`pooled_id` and the natural key) are encoded up front; the rest of
    /// two rows' keys is encoded only when their key columns do not decide (rare). A permutation
    /// of row indexes is sorted: no row is copied or reference-counted during the sort.
    ///
    /// Rows that already come in `pooled_id` order (the cohort assembler writes them so) are only
    /// sorted within each patient's run: the same order, without sorting the whole table.
    package func sorted() -> TableData {
        let keyIndexes = ([schema.columns[0].name] + schema.naturalKey).compactMap { schema.index(of: $0) }
        let order = keyIndexes + schema.columns.indices.filter { !keyIndexes.contains($0) }
        guard let runs = SortKeyEncoding.runs(of: rows, column: 0) else {
            return TableData(
                schema: schema, rows: permutation(Array(rows.indices), keys: keyIndexes, order: order).map { rows[$0] })
        }
        var permuted: [[Value]] = []
        permuted.reserveCapacity(rows.count)
        var scratch = SortKeyEncoding.Scratch()
        for run in runs {
            if run.count == 1 {
                permuted.append(rows[run.lowerBound])
            } else if run.count <= 16 {
                // A patient's few rows: a stable insertion sort on the whole-row key (the key
                // columns lead it, so it is the same order).
                var run = Array(run)
                for i in 1..<run.count {
                    var j = i
                    while j > 0, scratch.compare(rows[run[j]], rows[run[j - 1]], columns: order) < 0 {
                        run.swapAt(j, j - 1)
                        j -= 1
                    }
                }
                for i in run { permuted.append(rows[i]) }
            } else {
                for i in permutation(Array(run), keys: keyIndexes, order: order) { permuted.append(rows[i]) }
            }
        }
        return TableData(schema: schema, rows: permuted)
    }

    /// `indexes` (of rows) in the order of the rows' keys over `keys`, then over `order` where the
    /// key columns do not decide, then by index.
    private func permutation(_ indexes: [Int], keys: [Int], order: [Int]) -> [Int] {
        let subset = indexes.count == rows.count ? rows : indexes.map { rows[$0] }
        let prefix = SortKeyEncoding.keys(of: subset, columns: keys)
        var full = SortKeyEncoding.Scratch()
        let local = prefix.bytes.withUnsafeBufferPointer { k in
            prefix.starts.withUnsafeBufferPointer { s in
                Array(subset.indices).sorted { a, b in
                    let p = SortKeyEncoding.compare(k, s[a]..<s[a + 1], s[b]..<s[b + 1])
                    let c = p.decided ? p.order : full.compare(subset[a], subset[b], columns: order)
                    return c != 0 ? c < 0 : a < b
                }
            }
        }
        return local.map { indexes[$0] }
    }

    /// The values of `column` in every row; the table must be `column`'s table.
    package func column<T: CDMTable>(_ column: Column<T>) -> [Value] {
        values(at: column.index, of: T.schema.name, column: column.name)
    }

    /// The values at `index` of every row (the loop of `column(_:)`, kept out of generic code).
    private func values(at index: Int, of table: String, column: String) -> [Value] {
        precondition(schema.name == table, "column \(column) of \(table) read from \(schema.name)")
        return rows.map { $0[index] }
    }
}

/// Byte keys whose unsigned lexicographic order is the CDM's row order for values of one type:
/// null first; strings by UTF-8 bytes; numbers and dates numerically.
package enum SortKeyEncoding {
    /// The keys of `columns` of every row, back to back; row i's key is `bytes[starts[i]..<starts[i + 1]]`.
    static func keys(of rows: [[Value]], columns: [Int]) -> (bytes: [UInt8], starts: [Int]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 24 * max(columns.count, 1))
        var starts: [Int] = [0]
        starts.reserveCapacity(rows.count + 1)
        for row in rows {
            for i in columns { append(row[i], to: &bytes) }
            starts.append(bytes.count)
        }
        return (bytes, starts)
    }

    /// The runs of rows with equal keys of `column` when the rows are in non-decreasing order of
    /// it, else nil (adjacent values compared in the keys' order, see `compare(_:_:scratch:)`).
    package static func runs(of rows: [[Value]], column: Int) -> [Range<Int>]? {
        guard !rows.isEmpty else { return [] }
        var scratch = Scratch()
        var runs: [Range<Int>] = []
        var start = 0
        for i in 1..<rows.count {
            let c = compare(rows[i - 1][column], rows[i][column], scratch: &scratch)
            if c > 0 { return nil }
            if c < 0 {
                runs.append(start..<i)
                start = i
            }
        }
        runs.append(start..<rows.count)
        return runs
    }

    /// Two buffers for comparing whole-row keys on demand.
    struct Scratch {
        var a: [UInt8] = []
        var b: [UInt8] = []

        /// Three-way comparison of the keys of `columns` of two rows: column by column (each
        /// column's key is prefix-free, so this is the order of the concatenated keys), values of
        /// one type compared directly, anything else through its key bytes.
        mutating func compare(_ x: [Value], _ y: [Value], columns: [Int]) -> Int {
            for i in columns {
                let c = SortKeyEncoding.compare(x[i], y[i], scratch: &self)
                if c != 0 { return c }
            }
            return 0
        }
    }

    /// The order of two values' keys (see `append`), without making the keys when both are of one type.
    static func compare(_ x: Value, _ y: Value, scratch: inout Scratch) -> Int {
        switch (x, y) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.string(let p), .string(let q)): return Value.compareUTF8(p, q)
        case (.int32(let p), .int32(let q)), (.date(let p), .date(let q)): return p == q ? 0 : (p < q ? -1 : 1)
        case (.bool(let p), .bool(let q)): return p == q ? 0 : (p ? 1 : -1)
        case (.double(let p), .double(let q)):
            let (kp, kq) = (doubleKey(p), doubleKey(q))
            return kp == kq ? 0 : (kp < kq ? -1 : 1)
        default:
            scratch.a.removeAll(keepingCapacity: true)
            scratch.b.removeAll(keepingCapacity: true)
            append(x, to: &scratch.a)
            append(y, to: &scratch.b)
            return scratch.a.withUnsafeBufferPointer { pa in
                scratch.b.withUnsafeBufferPointer { pb in compare(pa, 0..<pa.count, pb, 0..<pb.count).order }
            }
        }
    }

    /// A double's key as one unsigned integer: negative numbers reversed, so unsigned order is numeric.
    static func doubleKey(_ d: Double) -> UInt64 {
        let bits = d.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    static func append(_ value: Value, to key: inout [UInt8]) {
        switch value {
        case .null:
            key.append(0)
        case .string(var s):
            key.append(1)
            s.withUTF8 { bytes in
                for b in bytes {
                    key.append(b)
                    if b == 0 { key.append(0xFF) }
                }
            }
            key.append(0)
            key.append(0)
        case .int32(let i), .date(let i):
            key.append(1)
            appendBigEndian(UInt64(UInt32(bitPattern: i) ^ 0x8000_0000), bytes: 4, to: &key)
        case .double(let d):
            key.append(1)
            appendBigEndian(doubleKey(d), bytes: 8, to: &key)
        case .bool(let b):
            key.append(1)
            key.append(b ? 1 : 0)
        }
    }

    static func appendBigEndian(_ v: UInt64, bytes: Int, to key: inout [UInt8]) {
        for shift in stride(from: (bytes - 1) * 8, through: 0, by: -8) {
            key.append(UInt8(truncatingIfNeeded: v >> UInt64(shift)))
        }
    }

    /// Unsigned lexicographic comparison of two keys in `k`; `decided` is false when one is a
    /// prefix of the other (or they are equal), where bytes after them could still decide.
    static func compare(
        _ k: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>
    ) -> (order: Int, decided: Bool) {
        compare(k, a, k, b)
    }

    /// The same for keys in two buffers.
    static func compare(
        _ ka: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ kb: UnsafeBufferPointer<UInt8>,
        _ b: Range<Int>
    ) -> (order: Int, decided: Bool) {
        var i = a.lowerBound
        var j = b.lowerBound
        while i < a.upperBound, j < b.upperBound {
            if ka[i] != kb[j] { return (ka[i] < kb[j] ? -1 : 1, true) }
            i += 1
            j += 1
        }
        return (a.count == b.count ? 0 : (a.count < b.count ? -1 : 1), false)
    }
}
