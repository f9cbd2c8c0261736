/// A column chunk's dictionary: the PLAIN dictionary page body and one index per present value.
///
/// Entries are numbered in order of first appearance, so the same values give the same bytes.
/// Strings are deduplicated on their UTF-8 bytes (never `String` equality, which would merge NFC
/// and NFD spellings of one text); doubles on their bit patterns (0.0 and -0.0 stay apart).
struct ParquetDictionary: Sendable {
    /// The dictionary page body: every distinct value, PLAIN-encoded.
    var page: [UInt8]
    /// How many distinct values.
    var count: Int
    /// One dictionary index per present value, in row order.
    var indices: [UInt32]

    /// The bit width of the indices in the data pages.
    var bitWidth: Int { RLEBitPackedHybridEncoder.bitWidth(forCount: count) }

    /// The dictionary of the column's present values, or nil when the chunk should stay PLAIN:
    /// BOOLEAN columns, chunks without a present value (an empty dictionary page crashes some
    /// readers), and chunks whose dictionary page would pass `limit` bytes.
    static func build(_ column: ParquetEncodedColumn, limit: Int) -> ParquetDictionary? {
        guard column.presentCount > 0 else { return nil }
        switch column.column.type {
        case .bool: return nil
        case .string, .enumeration: return byteArrays(column, limit: limit)
        case .date, .int32: return fixedWidth(column.values, width: 4, limit: limit)
        case .double: return fixedWidth(column.values, width: 8, limit: limit)
        }
    }

    /// BYTE_ARRAY values through a byte-keyed hash table.
    private static func byteArrays(_ column: ParquetEncodedColumn, limit: Int) -> ParquetDictionary? {
        var interner = ParquetByteArrayInterner(expected: min(column.presentCount, 1 << 16))
        var indices: [UInt32] = []
        indices.reserveCapacity(column.presentCount)
        let complete = column.values.withUnsafeBufferPointer { buffer -> Bool in
            var start = 0
            for end in column.valueEnds {
                indices.append(interner.intern(UnsafeBufferPointer(rebasing: buffer[(start + 4)..<end])))
                start = end
                if interner.page.count > limit { return false }
            }
            return true
        }
        guard complete else { return nil }
        return ParquetDictionary(page: interner.page, count: interner.count, indices: indices)
    }

    /// INT32 / DOUBLE values (`width` bytes each), keyed by their bit patterns.
    private static func fixedWidth(_ values: [UInt8], width: Int, limit: Int) -> ParquetDictionary? {
        var positions: [UInt64: UInt32] = [:]
        var page: [UInt8] = []
        var indices: [UInt32] = []
        let count = values.count / width
        indices.reserveCapacity(count)
        var complete = true
        values.withUnsafeBytes { raw in
            for i in 0..<count {
                let key =
                    width == 4
                    ? UInt64(raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                    : raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                if let index = positions[key] {
                    indices.append(index)
                    continue
                }
                let index = UInt32(positions.count)
                positions[key] = index
                indices.append(index)
                page.append(contentsOf: raw[(i * width)..<(i * width + width)])
                if page.count > limit {
                    complete = false
                    return
                }
            }
        }
        guard complete else { return nil }
        return ParquetDictionary(page: page, count: positions.count, indices: indices)
    }
}
