import RegpoolModel

/// One outcome of reading a source file: a record, or a record that could not be read.
package enum ExtractEvent: Sendable {
    case record(SourceRecord)
    case rejected(RejectedRecord)
}
