import RegpoolCodecs

/// CRC-32 (IEEE 802.3, as zlib computes it), for the optional `crc` of a page header.
enum ParquetCRC32 {
    /// The CRC-32 of `bytes` (zlib's implementation, through RegpoolCodecs).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        CRC32.checksum(bytes)
    }
}
