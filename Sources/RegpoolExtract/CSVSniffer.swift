import RegpoolModel

/// Proposes a CSV file's encoding, delimiter, quote, line ends, decimal comma and header from its
/// first 64 KiB, each with a reason — a helper for data managers writing a mapping, never used to
/// read data (regpool reads files only as their mapping declares).
package enum CSVSniffer {
    /// How much of the file is looked at.
    package static let sampleSize = 64 * 1024

    /// The proposal for the file at `path`; throws `ExtractError` when it cannot be read.
    package static func propose(path: String) throws -> CSVDialectProposal {
        try propose(sample: readSample(path: path), wholeFile: false)
    }

    /// The proposal for `sample`, the start of a file (`wholeFile`: the sample is the whole file).
    static func propose(sample: [UInt8], wholeFile: Bool) -> CSVDialectProposal {
        let encoding = guessEncoding(sample)
        var text = decode(sample, as: encoding.value)
        if !wholeFile, sample.count >= sampleSize { text = dropPartialLastLine(text) }
        let quote = guessQuote(text)
        let delimiter = guessDelimiter(text, quote: quote.value)
        let records = SniffedRecords(text, delimiter: delimiter.value, quote: quote.value, limit: 500).records
        return CSVDialectProposal(
            encoding: encoding, delimiter: delimiter, quote: quote,
            lineEnd: guessLineEnd(text), decimalComma: guessDecimalComma(records, delimiter.value),
            header: guessHeader(records))
    }

    private static func readSample(path: String) throws -> [UInt8] {
        let file = try InputFile(path: path, displayName: path)
        var sample = [UInt8](repeating: 0, count: sampleSize)
        var count = 0
        try sample.withUnsafeMutableBytes { buffer in
            while count < sampleSize {
                let n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                if n == 0 { break }
                count += n
            }
        }
        return Array(sample[..<count])
    }

    /// The sample as UTF-8 (byte-order mark dropped), transcoded as `encoding` says.
    static func decode(_ sample: [UInt8], as encoding: TextEncoding) -> [UInt8] {
        let mark = sample.withUnsafeBytes { ByteOrderMark($0) }
        let scheme = (try? ByteOrderMark.scheme(for: encoding, mark: mark, file: "")) ?? nil
        let body = Array(sample.dropFirst(mark?.length ?? 0))
        guard let scheme else { return body }
        var transcoder = TextTranscoder(scheme: scheme)
        var out = [UInt8](repeating: 0, count: TextTranscoder.capacity(for: body.count))
        let written = out.withUnsafeMutableBufferPointer { out in
            body.withUnsafeBufferPointer { transcoder.transcode($0, into: out.baseAddress!) }
        }
        return Array(out[..<written])
    }

    /// The text up to its last line end (the sample cut a line short).
    private static func dropPartialLastLine(_ text: [UInt8]) -> [UInt8] {
        guard let last = text.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        return Array(text[...last])
    }
}
