/// The parts of a file's `FileMetaData` the reader uses, as decoded (not yet checked against a
/// table schema). Offsets are where each struct starts in the file, for messages.
struct ParquetFooter: Sendable {
    /// One `SchemaElement`: the root group or a leaf column (or a nested group, which is refused).
    struct SchemaElement: Sendable {
        var offset: Int
        var name = ""
        var type: Int32?
        var repetition: Int32?
        var numChildren: Int32?
        var convertedType: Int32?
        var logicalType: LogicalAnnotation?
    }

    /// The `LogicalType` union member, with INTEGER's parameters.
    enum LogicalAnnotation: Sendable, Equatable {
        case string, enumeration, date
        case integer(bitWidth: Int8, signed: Bool)
        /// Any other member, by its union field id.
        case other(Int16)
    }

    /// One `ColumnChunk` with its `ColumnMetaData`.
    struct ColumnChunk: Sendable {
        var offset: Int
        /// Set when the chunk lives in another file (not supported).
        var filePath: String?
        var hasMetaData = false
        var type: Int32 = -1
        var path: [String] = []
        var codec: Int32 = 0
        var numValues: Int64 = -1
        var totalCompressedSize: Int64 = -1
        var dataPageOffset: Int64 = -1
        var dictionaryPageOffset: Int64?
    }

    /// One `RowGroup`.
    struct RowGroup: Sendable {
        var offset: Int
        var columns: [ColumnChunk] = []
        var numRows: Int64 = -1
    }

    var schema: [SchemaElement]
    var numRows: Int64
    var rowGroups: [RowGroup]
}
