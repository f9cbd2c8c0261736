/// `Statistics` of one column chunk: null count and the PLAIN-encoded min/max values.
struct ParquetStatistics: Sendable, Equatable {
    var nullCount: Int64
    /// `min_value` (field 6), in the column's sort order.
    var minValue: [UInt8]?
    /// `max_value` (field 5).
    var maxValue: [UInt8]?

    /// Writes the struct's fields in id order (the caller opens and closes the struct).
    func writeFields(to w: inout ThriftCompactWriter) {
        w.writeI64Field(3, nullCount)
        if let maxValue, let minValue {
            w.writeBinaryField(5, maxValue)
            w.writeBinaryField(6, minValue)
        }
    }
}
