/// The rows of one CDM table, each row aligned with the schema's columns.
public struct TableData: Sendable {
    public let schema: TableSchema
    public var rows: [[Value]]

    public init(schema: TableSchema, rows: [[Value]] = []) {
        self.schema = schema
        self.rows = rows
    }

    /// The rows in the contract's deterministic order: `pooled_id`, then the natural key, then
    /// every other column (so even rows equal on the key have one order; ties keep input order).
    ///
    /// Each row's sort columns are encoded once into an order-preserving byte key (see
    /// `SortKeyEncoding`), and a permutation of row indexes is sorted on those keys: no row is
    /// copied or reference-counted during the sort.
    public func sorted() -> TableData {
        let keyIndexes = ([schema.columns[0].name] + schema.naturalKey).compactMap { schema.index(of: $0) }
        let order = keyIndexes + schema.columns.indices.filter { !keyIndexes.contains($0) }
        var keys: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(rows.count + 1)
        for row in rows {
            for i in order { SortKeyEncoding.append(row[i], to: &keys) }
            starts.append(keys.count)
        }
        let permutation = keys.withUnsafeBufferPointer { k in
            starts.withUnsafeBufferPointer { s in
                Array(rows.indices).sorted { a, b in
                    let c = SortKeyEncoding.compare(k, s[a]..<s[a + 1], s[b]..<s[b + 1])
                    return c != 0 ? c < 0 : a < b
                }
            }
        }
        return TableData(schema: schema, rows: permutation.map { rows[$0] })
    }

    /// The values of column `name` (for tests and derivations).
    public func column(_ name: String) -> [Value] {
        guard let i = schema.index(of: name) else { return [] }
        return rows.map { $0[i] }
    }
}

/// Byte keys whose unsigned lexicographic order is the CDM's row order for values of one type:
/// null first; strings by UTF-8 bytes; numbers and dates numerically.
enum SortKeyEncoding {
    static func append(_ value: Value, to key: inout [UInt8]) {
        switch value {
        case .null:
            key.append(0)
        case .string(let s):
            key.append(1)
            for b in s.utf8 {
                key.append(b)
                if b == 0 { key.append(0xFF) }
            }
            key.append(contentsOf: [0, 0])
        case .int32(let i), .date(let i):
            key.append(1)
            appendBigEndian(UInt64(UInt32(bitPattern: i) ^ 0x8000_0000), bytes: 4, to: &key)
        case .double(let d):
            key.append(1)
            let bits = d.bitPattern
            appendBigEndian(bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63), bytes: 8, to: &key)
        case .bool(let b):
            key.append(contentsOf: [1, b ? 1 : 0])
        }
    }

    static func appendBigEndian(_ v: UInt64, bytes: Int, to key: inout [UInt8]) {
        for shift in stride(from: (bytes - 1) * 8, through: 0, by: -8) { key.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    static func compare(_ k: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        var i = a.lowerBound, j = b.lowerBound
        while i < a.upperBound, j < b.upperBound {
            if k[i] != k[j] { return k[i] < k[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
