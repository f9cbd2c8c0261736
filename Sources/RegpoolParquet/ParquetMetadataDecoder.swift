/// Decodes the Thrift compact `FileMetaData` of a file's footer into a `ParquetFooter`; fields
/// the reader does not use (statistics, key/value metadata, column orders, ...) are skipped.
enum ParquetMetadataDecoder {
    /// The footer stored in `bytes[range]`; throws `ParquetDecodeFailure` at the bad byte.
    static func decode(_ bytes: [UInt8], range: Range<Int>) throws -> ParquetFooter {
        var r = ThriftCompactReader(bytes: bytes, range: range)
        var schema: [ParquetFooter.SchemaElement]?
        var numRows: Int64?
        var rowGroups: [ParquetFooter.RowGroup]?
        try r.readStruct { r, id, type in
            switch id {
            case 2: schema = try r.readList(type, of: .struct, schemaElement)
            case 3: numRows = try r.readI64(type)
            case 4: rowGroups = try r.readList(type, of: .struct, rowGroup)
            default: try r.skip(type)
            }
        }
        guard let schema, let numRows, let rowGroups else {
            throw ParquetDecodeFailure(
                index: range.lowerBound, problem: "the footer lacks its schema, num_rows or row_groups")
        }
        return ParquetFooter(schema: schema, numRows: numRows, rowGroups: rowGroups)
    }

    /// `SchemaElement` (fields 1, 3, 4, 5, 6, 10).
    static func schemaElement(_ r: inout ThriftCompactReader) throws -> ParquetFooter.SchemaElement {
        var element = ParquetFooter.SchemaElement(offset: r.position)
        var named = false
        try r.readStruct { r, id, type in
            switch id {
            case 1: element.type = try r.readI32(type)
            case 3: element.repetition = try r.readI32(type)
            case 4:
                element.name = try r.readString(type)
                named = true
            case 5: element.numChildren = try r.readI32(type)
            case 6: element.convertedType = try r.readI32(type)
            case 10: element.logicalType = try logicalType(&r, type)
            default: try r.skip(type)
            }
        }
        guard named else { throw ParquetDecodeFailure(index: element.offset, problem: "a schema element has no name") }
        return element
    }

    /// The `LogicalType` union: the one field set names the member.
    static func logicalType(
        _ r: inout ThriftCompactReader, _ type: ThriftCompactType
    ) throws -> ParquetFooter.LogicalAnnotation? {
        guard type == .struct else {
            try r.skip(type)
            return nil
        }
        var annotation: ParquetFooter.LogicalAnnotation?
        try r.readStruct { r, id, type in
            guard type == .struct else { return try r.skip(type) }
            switch id {
            case ParquetReadFormat.LogicalTypeID.string:
                try r.skip(type)
                annotation = .string
            case ParquetReadFormat.LogicalTypeID.enumeration:
                try r.skip(type)
                annotation = .enumeration
            case ParquetReadFormat.LogicalTypeID.date:
                try r.skip(type)
                annotation = .date
            case ParquetReadFormat.LogicalTypeID.integer: annotation = try integerType(&r)
            default:
                try r.skip(type)
                annotation = .other(id)
            }
        }
        return annotation
    }

    /// `IntType { 1: bitWidth i8, 2: isSigned bool }`.
    private static func integerType(_ r: inout ThriftCompactReader) throws -> ParquetFooter.LogicalAnnotation {
        var bitWidth: Int8 = 0
        var signed = false
        try r.readStruct { r, id, type in
            switch id {
            case 1: bitWidth = try r.readByte(type)
            case 2: signed = try r.readBool(type)
            default: try r.skip(type)
            }
        }
        return .integer(bitWidth: bitWidth, signed: signed)
    }

    /// `RowGroup` (fields 1 and 3).
    static func rowGroup(_ r: inout ThriftCompactReader) throws -> ParquetFooter.RowGroup {
        var group = ParquetFooter.RowGroup(offset: r.position)
        var hasRows = false
        try r.readStruct { r, id, type in
            switch id {
            case 1: group.columns = try r.readList(type, of: .struct, columnChunk)
            case 3:
                group.numRows = try r.readI64(type)
                hasRows = true
            default: try r.skip(type)
            }
        }
        guard hasRows else { throw ParquetDecodeFailure(index: group.offset, problem: "a row group has no num_rows") }
        return group
    }

    /// `ColumnChunk` (fields 1 and 3, the `ColumnMetaData`).
    static func columnChunk(_ r: inout ThriftCompactReader) throws -> ParquetFooter.ColumnChunk {
        var chunk = ParquetFooter.ColumnChunk(offset: r.position)
        try r.readStruct { r, id, type in
            switch id {
            case 1: chunk.filePath = try r.readString(type)
            case 3 where type == .struct: try columnMetaData(&r, into: &chunk)
            default: try r.skip(type)
            }
        }
        return chunk
    }

    /// `ColumnMetaData` (fields 1, 3, 4, 5, 7, 9, 11); the required ones must be there.
    private static func columnMetaData(
        _ r: inout ThriftCompactReader, into chunk: inout ParquetFooter.ColumnChunk
    ) throws {
        let start = r.position
        var seen = Set<Int16>()
        try r.readStruct { r, id, type in
            seen.insert(id)
            switch id {
            case 1: chunk.type = try r.readI32(type)
            case 3: chunk.path = try r.readList(type, of: .binary) { try $0.readStringValue() }
            case 4: chunk.codec = try r.readI32(type)
            case 5: chunk.numValues = try r.readI64(type)
            case 7: chunk.totalCompressedSize = try r.readI64(type)
            case 9: chunk.dataPageOffset = try r.readI64(type)
            case 11: chunk.dictionaryPageOffset = try r.readI64(type)
            default: try r.skip(type)
            }
        }
        guard seen.isSuperset(of: [1, 3, 4, 5, 7, 9]) else {
            throw ParquetDecodeFailure(index: start, problem: "column metadata lacks a required field")
        }
        chunk.hasMetaData = true
    }
}
