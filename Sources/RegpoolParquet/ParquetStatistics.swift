/// `Statistics` of one column chunk: null count and the PLAIN-encoded min/max values.
struct ParquetStatistics: Sendable, Equatable {
    var nullCount: Int64
    /// `min_value` (field 6), in the column's sort order.
    var minValue: [UInt8]?
    /// `max_value` (field 5).
    var maxValue: [UInt8]?
    /// True for types whose legacy (signed) order equals their type-defined order (INT32, DATE,
    /// DOUBLE, BOOLEAN): only those also get the deprecated `min`/`max` fields 2/1, which old
    /// readers compare signed. Strings sort unsigned, so they never do.
    var signedOrder: Bool = false

    /// Writes the struct's fields in id order (the caller opens and closes the struct).
    func writeFields(to w: inout ThriftCompactWriter) {
        let range = minValue.flatMap { low in maxValue.map { (low, $0) } }
        if let (low, high) = range, signedOrder {
            w.writeBinaryField(1, high)
            w.writeBinaryField(2, low)
        }
        w.writeI64Field(3, nullCount)
        if let (low, high) = range {
            w.writeBinaryField(5, high)
            w.writeBinaryField(6, low)
        }
    }
}
