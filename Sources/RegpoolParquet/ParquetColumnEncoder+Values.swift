import RegpoolModel

/// PLAIN encoders per physical type: one value at a time, then the values section and min/max
/// statistics.
extension ParquetColumnEncoder {
    typealias ValueRange = (min: [UInt8]?, max: [UInt8]?)

    /// Strings longer than this get no min/max statistics (parquet-java and DuckDB truncate or
    /// drop such statistics; a footer carrying them grows without bound).
    static let maxStatisticsStringBytes = 4096

    /// BYTE_ARRAY: 4-byte LE length + UTF-8 bytes per value.
    mutating func appendByteArray(_ value: Value, row: Int) throws {
        guard case .string(var s) = value else { throw mismatch(value, row: row) }
        // withUTF8 gives contiguous bytes for small (inline) strings too: one copy, no per-byte loop.
        s.withUTF8 { bytes in
            ParquetBytes.appendUInt32LE(UInt32(bytes.count), to: &values)
            values.append(contentsOf: bytes)
        }
        valueEnds.append(values.count)
    }

    /// INT32 (int32 and date): 4-byte LE per value; min/max signed.
    mutating func appendInt32(_ value: Value, row: Int, _ payload: (Value) -> Int32?) throws {
        guard let v = payload(value) else { throw mismatch(value, row: row) }
        ParquetBytes.appendUInt32LE(UInt32(bitPattern: v), to: &values)
        int32Range = (min(int32Range.low, v), max(int32Range.high, v))
    }

    /// DOUBLE: 8-byte LE IEEE 754 per value; min/max ignore NaN.
    mutating func appendDouble(_ value: Value, row: Int) throws {
        guard case .double(let v) = value else { throw mismatch(value, row: row) }
        ParquetBytes.appendUInt64LE(v.bitPattern, to: &values)
        guard !v.isNaN else { return }
        doubleRange = (Swift.min(doubleRange.low, v), Swift.max(doubleRange.high, v), true)
    }

    /// BOOLEAN: collected as 0/1, bit-packed per page.
    mutating func appendBool(_ value: Value, row: Int) throws {
        guard case .bool(let b) = value else { throw mismatch(value, row: row) }
        bits.append(b ? 1 : 0)
    }

    /// The min/max statistics of everything appended.
    func finishedRange(rowCount: Int) -> ValueRange {
        switch column.type {
        case .string, .enumeration:
            // min/max by unsigned bytes; none when either is too long to be worth a footer entry.
            guard let range = ParquetByteArrayOrder.minMax(ofPlainByteArrays: values),
                range.min.count <= Self.maxStatisticsStringBytes, range.max.count <= Self.maxStatisticsStringBytes
            else { return (nil, nil) }
            return (range.min, range.max)
        case .date, .int32:
            guard nullCount < rowCount else { return (nil, nil) }
            return (ParquetBytes.int32LE(int32Range.low), ParquetBytes.int32LE(int32Range.high))
        case .double:
            return finishedDoubles()
        case .bool:
            return finishedBools()
        }
    }

    /// Zero bounds as parquet-format says: a zero min is -0.0 and a zero max +0.0, whichever zero was seen.
    private func finishedDoubles() -> ValueRange {
        guard doubleRange.sawNumber else { return (nil, nil) }
        var (low, high) = (doubleRange.low, doubleRange.high)
        if low == 0 { low = -0.0 }
        if high == 0 { high = 0.0 }
        return (ParquetBytes.doubleLE(low), ParquetBytes.doubleLE(high))
    }

    /// false < true.
    private func finishedBools() -> ValueRange {
        guard !bits.isEmpty else { return (nil, nil) }
        let low: UInt8 = bits.contains(0) ? 0 : 1
        let high: UInt8 = bits.contains(1) ? 1 : 0
        return ([low], [high])
    }
}
