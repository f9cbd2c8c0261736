import RegpoolModel

/// PLAIN encoders per physical type, each returning the values section and min/max statistics.
extension ParquetColumnEncoder {
    typealias EncodedValues = (values: [UInt8], min: [UInt8]?, max: [UInt8]?)

    /// BYTE_ARRAY: 4-byte LE length + UTF-8 bytes per value; min/max by unsigned bytes.
    mutating func encodeByteArrays() throws -> EncodedValues {
        var capacity = 0
        for row in table.rows {
            if case .string(let s) = row[columnIndex] { capacity += 4 + s.utf8.count }
        }
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        for (r, row) in table.rows.enumerated() {
            let value = row[columnIndex]
            guard try isPresent(value, row: r) else { continue }
            guard case .string(var s) = value else { throw mismatch(value, row: r) }
            // withUTF8 gives contiguous bytes for small (inline) strings too: one copy, no per-byte loop.
            s.withUTF8 { bytes in
                ParquetBytes.appendUInt32LE(UInt32(bytes.count), to: &out)
                out.append(contentsOf: bytes)
            }
        }
        let range = ParquetByteArrayOrder.minMax(ofPlainByteArrays: out)
        return (out, range?.min, range?.max)
    }

    /// INT32 (int32 and date): 4-byte LE per value; min/max signed.
    mutating func encodeInt32s(_ payload: (Value) -> Int32?) throws -> EncodedValues {
        var out: [UInt8] = []
        out.reserveCapacity(table.rows.count * 4)
        var low = Int32.max
        var high = Int32.min
        for (r, row) in table.rows.enumerated() {
            let value = row[columnIndex]
            guard try isPresent(value, row: r) else { continue }
            guard let v = payload(value) else { throw mismatch(value, row: r) }
            ParquetBytes.appendUInt32LE(UInt32(bitPattern: v), to: &out)
            low = min(low, v)
            high = max(high, v)
        }
        guard nullCount < table.rows.count else { return (out, nil, nil) }
        return (out, ParquetBytes.int32LE(low), ParquetBytes.int32LE(high))
    }

    /// DOUBLE: 8-byte LE IEEE 754 per value; min/max ignore NaN, zero bounds as parquet-format says.
    mutating func encodeDoubles() throws -> EncodedValues {
        var out: [UInt8] = []
        out.reserveCapacity(table.rows.count * 8)
        var low = Double.infinity
        var high = -Double.infinity
        var sawNumber = false
        for (r, row) in table.rows.enumerated() {
            let value = row[columnIndex]
            guard try isPresent(value, row: r) else { continue }
            guard case .double(let v) = value else { throw mismatch(value, row: r) }
            ParquetBytes.appendUInt64LE(v.bitPattern, to: &out)
            guard !v.isNaN else { continue }
            sawNumber = true
            low = Swift.min(low, v)
            high = Swift.max(high, v)
        }
        guard sawNumber else { return (out, nil, nil) }
        // A zero min is written as -0.0 and a zero max as +0.0, whichever zero was seen.
        if low == 0 { low = -0.0 }
        if high == 0 { high = 0.0 }
        return (out, ParquetBytes.doubleLE(low), ParquetBytes.doubleLE(high))
    }

    /// BOOLEAN: bit-packed, LSB first; false < true.
    mutating func encodeBools() throws -> EncodedValues {
        var bits: [UInt8] = []
        bits.reserveCapacity(table.rows.count)
        for (r, row) in table.rows.enumerated() {
            let value = row[columnIndex]
            guard try isPresent(value, row: r) else { continue }
            guard case .bool(let b) = value else { throw mismatch(value, row: r) }
            bits.append(b ? 1 : 0)
        }
        var out: [UInt8] = []
        out.reserveCapacity((bits.count + 7) / 8)
        ParquetBytes.appendBitPacked(bits, to: &out)
        guard !bits.isEmpty else { return (out, nil, nil) }
        let low: UInt8 = bits.contains(0) ? 0 : 1
        let high: UInt8 = bits.contains(1) ? 1 : 0
        return (out, [low], [high])
    }
}
