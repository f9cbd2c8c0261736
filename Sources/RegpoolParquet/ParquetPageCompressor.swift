import RegpoolCodecs

/// Compresses page bodies with the writer's codec and names the codec in `parquet.thrift` terms.
struct ParquetPageCompressor: Sendable {
    let codec: CompressionCodec
    let level: Int?

    /// The `CompressionCodec` value of the footer.
    var thriftCodec: ParquetFormat.Codec {
        switch codec {
        case .uncompressed: .uncompressed
        case .snappy: .snappy
        case .gzip: .gzip
        case .zstd: .zstd
        }
    }

    /// The page body as stored.
    func compress(_ body: [UInt8], table: String, column: String) throws -> [UInt8] {
        if codec == .uncompressed { return body }
        do {
            return try codec.compress(body, level: level)
        } catch {
            throw ParquetWriteError(
                table: table, column: column, problem: "\(codec.rawValue) compression failed: \(error)")
        }
    }
}
