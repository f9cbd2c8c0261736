/// The body of one v1 data page: definition levels (length-prefixed RLE, optional columns only),
/// then the values: PLAIN, or the index bit width and RLE/bit-packed dictionary indices.
enum ParquetPageBody {
    /// The uncompressed body of the page covering `span`.
    static func encode(
        _ column: ParquetEncodedColumn, _ span: ParquetPageSpan, dictionary: ParquetDictionary?
    ) -> [UInt8] {
        var body =
            column.column.required
            ? [] : RLEBitPackedHybridEncoder.encodeWithLengthPrefix(Array(column.levels[span.rows]))
        if let dictionary {
            body.append(UInt8(dictionary.bitWidth))
            RLEBitPackedHybridEncoder.encode(
                indices: dictionary.indices[span.values], bitWidth: dictionary.bitWidth, into: &body)
            return body
        }
        switch column.column.type {
        case .string, .enumeration:
            let start = span.values.lowerBound == 0 ? 0 : column.valueEnds[span.values.lowerBound - 1]
            let end = span.values.isEmpty ? start : column.valueEnds[span.values.upperBound - 1]
            body.append(contentsOf: column.values[start..<end])
        case .date, .int32:
            body.append(contentsOf: column.values[(span.values.lowerBound * 4)..<(span.values.upperBound * 4)])
        case .double:
            body.append(contentsOf: column.values[(span.values.lowerBound * 8)..<(span.values.upperBound * 8)])
        case .bool:
            ParquetBytes.appendBitPacked(Array(column.bits[span.values]), to: &body)
        }
        return body
    }
}
