/// The `parquet.thrift` enum values the reader meets, with the names used in messages.
///
/// The writer's `ParquetFormat` lists only what it writes; the reader must name everything a
/// file may hold (to say what is not supported), so it keeps its own complete lists.
enum ParquetReadFormat {
    /// `CompressionCodec`.
    enum Codec: Int32, Sendable, CaseIterable {
        case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4 = 5, zstd = 6, lz4Raw = 7

        /// The name `parquet.thrift` gives it.
        var name: String {
            switch self {
            case .uncompressed: return "UNCOMPRESSED"
            case .snappy: return "SNAPPY"
            case .gzip: return "GZIP"
            case .lzo: return "LZO"
            case .brotli: return "BROTLI"
            case .lz4: return "LZ4"
            case .zstd: return "ZSTD"
            case .lz4Raw: return "LZ4_RAW"
            }
        }
    }

    /// `Encoding`.
    enum Encoding: Int32, Sendable {
        case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
        case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9

        /// The name `parquet.thrift` gives `raw` (or the number when it is unknown).
        static func name(_ raw: Int32) -> String {
            switch Encoding(rawValue: raw) {
            case .plain: return "PLAIN"
            case .plainDictionary: return "PLAIN_DICTIONARY"
            case .rle: return "RLE"
            case .bitPacked: return "BIT_PACKED"
            case .deltaBinaryPacked: return "DELTA_BINARY_PACKED"
            case .deltaLengthByteArray: return "DELTA_LENGTH_BYTE_ARRAY"
            case .deltaByteArray: return "DELTA_BYTE_ARRAY"
            case .rleDictionary: return "RLE_DICTIONARY"
            case .byteStreamSplit: return "BYTE_STREAM_SPLIT"
            case nil: return "encoding \(raw)"
            }
        }
    }

    /// `PageType`.
    enum PageType: Int32, Sendable {
        case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3
    }

    /// The name `parquet.thrift` gives a physical `Type` (or the number when it is unknown).
    static func physicalName(_ raw: Int32) -> String {
        switch ParquetFormat.PhysicalType(rawValue: raw) {
        case .boolean: return "BOOLEAN"
        case .int32: return "INT32"
        case .int64: return "INT64"
        case .int96: return "INT96"
        case .float: return "FLOAT"
        case .double: return "DOUBLE"
        case .byteArray: return "BYTE_ARRAY"
        case .fixedLenByteArray: return "FIXED_LEN_BYTE_ARRAY"
        case nil: return "type \(raw)"
        }
    }

    /// `ConvertedType` values the reader looks at.
    enum ConvertedType {
        static let utf8: Int32 = 0
        static let enumeration: Int32 = 4
        static let date: Int32 = 6
        static let int32: Int32 = 17
    }

    /// `LogicalType` union field ids the reader looks at.
    enum LogicalTypeID {
        static let string: Int16 = 1
        static let enumeration: Int16 = 4
        static let date: Int16 = 6
        static let integer: Int16 = 10
    }
}
