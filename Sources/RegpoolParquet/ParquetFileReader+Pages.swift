import RegpoolModel

/// What one column chunk's pages have given so far.
struct ParquetChunkState {
    let leaf: ParquetLeafColumn
    let codec: ParquetReadFormat.Codec
    /// Values (nulls included) still to come.
    var remaining: Int
    var dictionary: [Value]?
    var sawDataPage = false
}

extension ParquetFileReader {
    /// Appends the `rows` values of one column chunk to `out`, page by page.
    func readChunk(
        _ chunk: ParquetFooter.ColumnChunk, of leaf: ParquetLeafColumn, rows: Int, into out: inout [Value]
    ) throws {
        let codec = try checkChunk(chunk, of: leaf, rows: rows)
        guard rows > 0 else { return }
        let range = try chunkRange(chunk, of: leaf)
        var state = ParquetChunkState(leaf: leaf, codec: codec, remaining: rows)
        var position = range.lowerBound
        while state.remaining > 0 {
            guard position < range.upperBound else {
                throw error(
                    at: position, column: leaf.name,
                    "the column chunk ends after \(rows - state.remaining) of its \(rows) values")
            }
            let header = try pageHeader(at: position, end: range.upperBound, of: leaf)
            let body = header.bodyOffset..<(header.bodyOffset + Int(header.compressedSize))
            guard body.upperBound <= range.upperBound else {
                throw error(
                    at: position, column: leaf.name,
                    "a page of \(header.compressedSize) bytes runs past the end of its column chunk")
            }
            try checkCRC(header, body: body, at: position, of: leaf)
            try readPage(header, at: position, body: bytes[body], state: &state, into: &out)
            position = body.upperBound
        }
    }

    /// The chunk's metadata agrees with its column and the row group; returns its codec.
    private func checkChunk(
        _ chunk: ParquetFooter.ColumnChunk, of leaf: ParquetLeafColumn, rows: Int
    ) throws -> ParquetReadFormat.Codec {
        guard chunk.filePath == nil else {
            throw error(
                at: chunk.offset, column: leaf.name, "the column's data is in another file ('\(chunk.filePath ?? "")')",
                fix: "write the table as one self-contained file")
        }
        guard chunk.hasMetaData, chunk.type == leaf.physicalRaw, chunk.path == [leaf.name] else {
            throw error(
                at: chunk.offset, column: leaf.name,
                "the column chunk's metadata (type, path) does not match the schema's column")
        }
        guard chunk.numValues == Int64(rows) else {
            throw error(
                at: chunk.offset, column: leaf.name,
                "the column chunk holds \(chunk.numValues) values for \(rows) rows")
        }
        guard let codec = ParquetReadFormat.Codec(rawValue: chunk.codec) else {
            throw error(at: chunk.offset, column: leaf.name, "unknown compression codec \(chunk.codec)")
        }
        guard ParquetPageDecompressor.supports(codec) else {
            throw error(
                at: chunk.offset, column: leaf.name,
                "the column is compressed with \(codec.name), which this reader does not support",
                fix:
                    "write the file with ZSTD, SNAPPY, GZIP or no compression (pyarrow: compression='zstd'; DuckDB: COMPRESSION 'zstd')"
            )
        }
        return codec
    }

    /// The bytes of the chunk's pages: from its dictionary page (if any) or first data page,
    /// `total_compressed_size` long, between the leading magic and the footer.
    private func chunkRange(_ chunk: ParquetFooter.ColumnChunk, of leaf: ParquetLeafColumn) throws -> Range<Int> {
        var start = chunk.dataPageOffset
        if let dictionary = chunk.dictionaryPageOffset, dictionary >= 4, dictionary < start { start = dictionary }
        let data = dataRange
        guard start >= Int64(data.lowerBound), chunk.totalCompressedSize >= 0,
            chunk.totalCompressedSize <= Int64(data.upperBound) - start
        else {
            throw error(
                at: chunk.offset, column: leaf.name,
                "the column chunk (offset \(start), \(chunk.totalCompressedSize) bytes) lies outside the data "
                    + "(bytes \(data.lowerBound)..<\(data.upperBound))")
        }
        return Int(start)..<Int(start + chunk.totalCompressedSize)
    }

    private func pageHeader(at position: Int, end: Int, of leaf: ParquetLeafColumn) throws -> ParquetReadPageHeader {
        do {
            return try ParquetReadPageHeader.decode(bytes, range: position..<end)
        } catch let failure as ParquetDecodeFailure {
            throw error(at: failure.index, column: leaf.name, "a page header is malformed: \(failure.problem)")
        }
    }

    /// A page's CRC-32, when the header has one, must be that of the page's stored bytes.
    private func checkCRC(
        _ header: ParquetReadPageHeader, body: Range<Int>, at position: Int, of leaf: ParquetLeafColumn
    ) throws {
        guard let crc = header.crc else { return }
        let actual = ParquetCRC32.checksum(bytes[body])
        guard actual == UInt32(bitPattern: crc) else {
            throw error(
                at: position, column: leaf.name,
                "the page's CRC-32 is \(hex(actual)) but its header says \(hex(UInt32(bitPattern: crc)))")
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Decodes one page into `state` and `out`; index pages and unknown page types are skipped.
    private func readPage(
        _ header: ParquetReadPageHeader, at offset: Int, body: ArraySlice<UInt8>,
        state: inout ParquetChunkState, into out: inout [Value]
    ) throws {
        switch ParquetReadFormat.PageType(rawValue: header.type) {
        case .dictionaryPage?:
            try readDictionaryPage(header, at: offset, body: body, state: &state)
        case .dataPage?:
            try readDataPageV1(header, at: offset, body: body, state: &state, into: &out)
        case .dataPageV2?:
            try readDataPageV2(header, at: offset, body: body, state: &state, into: &out)
        case .indexPage?, nil:
            return
        }
    }

    private func readDictionaryPage(
        _ header: ParquetReadPageHeader, at offset: Int, body: ArraySlice<UInt8>,
        state: inout ParquetChunkState
    ) throws {
        let leaf = state.leaf
        guard let page = header.dictionaryPage else {
            throw error(at: offset, column: leaf.name, "a dictionary page has no DictionaryPageHeader")
        }
        guard state.dictionary == nil, !state.sawDataPage else {
            throw error(at: offset, column: leaf.name, "a second dictionary page, or one after a data page")
        }
        guard
            page.encoding == ParquetReadFormat.Encoding.plain.rawValue
                || page.encoding == ParquetReadFormat.Encoding.plainDictionary.rawValue
        else {
            throw error(
                at: offset, column: leaf.name,
                "the dictionary page is encoded \(ParquetReadFormat.Encoding.name(page.encoding)), not PLAIN")
        }
        let count = Int(page.numValues)
        guard count >= 0, count <= Int(header.uncompressedSize) * 8 else {
            throw error(
                at: offset, column: leaf.name,
                "the dictionary page claims \(page.numValues) values in \(header.uncompressedSize) bytes")
        }
        let data = try decompress(body, size: Int(header.uncompressedSize), at: offset, state)
        state.dictionary = try decoding(at: offset, state) {
            try ParquetValueDecoder(leaf: leaf).plain(data, count: count)
        }
    }

    private func readDataPageV1(
        _ header: ParquetReadPageHeader, at offset: Int, body: ArraySlice<UInt8>,
        state: inout ParquetChunkState, into out: inout [Value]
    ) throws {
        guard let page = header.dataPage else {
            throw error(at: offset, column: state.leaf.name, "a data page has no DataPageHeader")
        }
        let count = try checkedCount(page.numValues, at: offset, state)
        let data = try decompress(body, size: Int(header.uncompressedSize), at: offset, state)
        let dictionary = state.dictionary
        try decoding(at: offset, state) {
            let decoder = ParquetValueDecoder(leaf: state.leaf)
            var cursor = data.startIndex
            let present =
                try state.leaf.optional
                ? decoder.definitionLevelsV1(
                    data, cursor: &cursor, count: count, encoding: page.definitionLevelEncoding)
                : nil
            let nonNull = present?.reduce(0) { $0 + ($1 ? 1 : 0) } ?? count
            let values = try decoder.values(
                data[cursor...], encoding: page.encoding, count: nonNull, dictionary: dictionary)
            ParquetValueDecoder.append(values, present: present, to: &out)
        }
        state.remaining -= count
        state.sawDataPage = true
    }

    private func readDataPageV2(
        _ header: ParquetReadPageHeader, at offset: Int, body: ArraySlice<UInt8>,
        state: inout ParquetChunkState, into out: inout [Value]
    ) throws {
        let leaf = state.leaf
        guard let page = header.dataPageV2 else {
            throw error(at: offset, column: leaf.name, "a data page v2 has no DataPageHeaderV2")
        }
        let count = try checkedCount(page.numValues, at: offset, state)
        let levelsLength = Int(page.definitionLevelsByteLength)
        guard page.repetitionLevelsByteLength == 0, levelsLength >= 0, levelsLength <= body.count,
            page.numNulls >= 0, Int(page.numNulls) <= count, leaf.optional || page.numNulls == 0
        else {
            throw error(
                at: offset, column: leaf.name,
                "the data page v2 header's level lengths or null count do not fit a flat column of this page")
        }
        let levels = body.prefix(levelsLength)
        let stored = body.dropFirst(levelsLength)
        let data =
            page.isCompressed
            ? try decompress(stored, size: Int(header.uncompressedSize) - levelsLength, at: offset, state) : stored
        let dictionary = state.dictionary
        try decoding(at: offset, state) {
            let decoder = ParquetValueDecoder(leaf: leaf)
            let present = try leaf.optional ? decoder.definitionLevels(levels, count: count) : nil
            let nonNull = present?.reduce(0) { $0 + ($1 ? 1 : 0) } ?? count
            guard nonNull == count - Int(page.numNulls) else {
                throw ParquetDecodeFailure(
                    index: levels.startIndex,
                    problem: "the definition levels hold \(count - nonNull) nulls, the header says \(page.numNulls)")
            }
            let values = try decoder.values(data, encoding: page.encoding, count: nonNull, dictionary: dictionary)
            ParquetValueDecoder.append(values, present: present, to: &out)
        }
        state.remaining -= count
        state.sawDataPage = true
    }

    /// A data page's value count: not negative, not more than the chunk still needs.
    private func checkedCount(_ numValues: Int32, at offset: Int, _ state: ParquetChunkState) throws -> Int {
        guard numValues >= 0, Int(numValues) <= state.remaining else {
            throw error(
                at: offset, column: state.leaf.name,
                "a data page holds \(numValues) values where the column chunk has \(state.remaining) left")
        }
        return Int(numValues)
    }

    /// A page's bytes after its codec (the stored bytes for UNCOMPRESSED).
    private func decompress(
        _ stored: ArraySlice<UInt8>, size: Int, at offset: Int, _ state: ParquetChunkState
    ) throws -> ArraySlice<UInt8> {
        guard state.codec != .uncompressed else { return stored }
        guard size >= 0, size <= ParquetPageDecompressor.maxUncompressedSize(fileSize: bytes.count) else {
            throw error(at: offset, column: state.leaf.name, "a page claims an uncompressed size of \(size) bytes")
        }
        return try decoding(at: offset, state) {
            try ParquetPageDecompressor.decompress(stored, codec: state.codec, uncompressedSize: size)
        }
    }

    /// Runs `body`, turning its `ParquetDecodeFailure` into a `ParquetReadError`. Indexes are file
    /// offsets for pages stored uncompressed; in decompressed bytes the page's offset is named.
    private func decoding<T>(at pageOffset: Int, _ state: ParquetChunkState, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ParquetDecodeFailure {
            throw error(
                at: state.codec == .uncompressed ? failure.index : pageOffset, column: state.leaf.name,
                failure.problem, fix: failure.fix ?? ParquetReadError.damagedFix)
        }
    }
}
