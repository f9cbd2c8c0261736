/// Writes one column chunk: an optional dictionary page first, then v1 data pages of about
/// `pageBytes`, each compressed and (optionally) checksummed; returns the chunk's metadata.
struct ParquetChunkEncoder: Sendable {
    let options: ParquetWriterOptions
    let table: String

    private var compressor: ParquetPageCompressor {
        ParquetPageCompressor(codec: options.codec, level: options.compressionLevel)
    }

    /// Appends the chunk's pages to `out`.
    func write(_ column: ParquetEncodedColumn, into out: inout [UInt8]) throws -> ParquetColumnChunk {
        let dictionary = options.dictionary ? ParquetDictionary.build(column, limit: options.dictionaryPageLimit) : nil
        var sizes = (uncompressed: Int64(0), compressed: Int64(0))
        var dictionaryOffset: Int64?
        if let dictionary {
            dictionaryOffset = Int64(out.count)
            try writePage(dictionary.page, values: dictionary.count, nil, column, into: &out, sizes: &sizes)
        }
        let dataOffset = Int64(out.count)
        let dataEncoding: ParquetFormat.Encoding = dictionary == nil ? .plain : .rleDictionary
        let spans = ParquetPagePlan.spans(of: column, indexBitWidth: dictionary?.bitWidth, pageBytes: options.pageBytes)
        for span in spans {
            let body = ParquetPageBody.encode(column, span, dictionary: dictionary)
            try writePage(body, values: span.rows.count, dataEncoding, column, into: &out, sizes: &sizes)
        }
        var encodings: Set<ParquetFormat.Encoding> = [dataEncoding]
        if dictionary != nil { encodings.insert(.plain) }
        if !column.column.required { encodings.insert(.rle) }
        return ParquetColumnChunk(
            type: ParquetLeafType(column.column.type).physical, encodings: encodings.sorted(),
            pathInSchema: [column.column.name], codec: compressor.thriftCodec, numValues: Int64(column.rowCount),
            totalUncompressedSize: sizes.uncompressed, totalCompressedSize: sizes.compressed,
            dataPageOffset: dataOffset, dictionaryPageOffset: dictionaryOffset, statistics: column.statistics,
            dataPages: Int32(spans.count), dataPageEncoding: dataEncoding)
    }

    /// Compresses `body`, writes its header (with the CRC of the stored bytes) and the body: a
    /// data page of values in `encoding`, or the dictionary page when `encoding` is nil.
    private func writePage(
        _ body: [UInt8], values: Int, _ encoding: ParquetFormat.Encoding?, _ column: ParquetEncodedColumn,
        into out: inout [UInt8],
        sizes: inout (uncompressed: Int64, compressed: Int64)
    ) throws {
        let stored = try compressor.compress(body, table: table, column: column.column.name)
        guard let uncompressedSize = Int32(exactly: body.count), let storedSize = Int32(exactly: stored.count),
            let valueCount = Int32(exactly: values)
        else {
            throw ParquetWriteError(
                table: table, column: column.column.name,
                problem: "a page of \(body.count) bytes exceeds 2 GiB; lower the page size")
        }
        var header = ParquetPageHeader(
            uncompressedPageSize: uncompressedSize, compressedPageSize: storedSize, numValues: valueCount)
        header.isDictionary = encoding == nil
        header.encoding = encoding ?? .plain
        if options.pageChecksums { header.crc = ParquetCRC32.checksum(stored[...]) }
        let headerBytes = header.encoded()
        out.append(contentsOf: headerBytes)
        out.append(contentsOf: stored)
        sizes.uncompressed += Int64(headerBytes.count + body.count)
        sizes.compressed += Int64(headerBytes.count + stored.count)
    }
}
