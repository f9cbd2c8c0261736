/// Enum values of parquet-format's `parquet.thrift` that this writer uses.
enum ParquetFormat {
    /// The four magic bytes at the start and end of every file.
    static let magic: [UInt8] = Array("PAR1".utf8)

    /// `Type`: the physical storage type.
    enum PhysicalType: Int32, Sendable {
        case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5
        case byteArray = 6, fixedLenByteArray = 7
    }

    /// `ConvertedType` (the legacy logical annotation).
    enum ConvertedType: Int32, Sendable {
        case utf8 = 0, date = 6, int32 = 17
    }

    /// `LogicalType`: the union field id and, for INTEGER, its parameters.
    enum LogicalType: Sendable, Equatable {
        case string
        case date
        case integer(bitWidth: Int8, signed: Bool)
    }

    /// `FieldRepetitionType`.
    enum Repetition: Int32, Sendable {
        case required = 0, optional = 1, repeated = 2
    }

    /// `Encoding`.
    enum Encoding: Int32, Sendable, Comparable {
        case plain = 0, rle = 3, rleDictionary = 8

        static func < (a: Encoding, b: Encoding) -> Bool { a.rawValue < b.rawValue }
    }

    /// `CompressionCodec`.
    enum Codec: Int32, Sendable {
        case uncompressed = 0, snappy = 1, gzip = 2, zstd = 6
    }

    /// `PageType`.
    enum PageType: Int32, Sendable {
        case dataPage = 0, dictionaryPage = 2
    }
}
