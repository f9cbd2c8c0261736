/// Turns Latin-1, Windows-1252 or UTF-16 bytes into UTF-8 chunk by chunk, carrying a split UTF-16
/// code unit or surrogate pair over to the next chunk. Characters that cannot be decoded become
/// U+FFFD and are counted.
struct TextTranscoder {
    /// The source encoding, once the byte-order mark has decided it.
    enum Scheme: Equatable {
        case latin1
        case windows1252
        case utf16(bigEndian: Bool)
    }

    let scheme: Scheme
    /// How many U+FFFD were written for undecodable input.
    private(set) var replacements = 0
    /// Offset in the UTF-8 output of the first U+FFFD written for undecodable input.
    private(set) var firstReplacementOffset: Int?
    /// UTF-8 bytes written so far, over all chunks.
    private var produced = 0
    private var oddByte: UInt8?
    private var highSurrogate: UInt16?

    init(scheme: Scheme) { self.scheme = scheme }

    /// The most UTF-8 bytes `count` input bytes (plus any carried bytes) can become.
    static func capacity(for count: Int) -> Int { 3 * count + 16 }

    /// Transcodes `input` into `out` (at least `capacity(for: input.count)` bytes); returns the bytes written.
    mutating func transcode(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var writer = UTF8Writer(out: out, base: produced)
        switch scheme {
        case .latin1: Self.latin1(input, &writer)
        case .windows1252: Self.windows1252(input, &writer)
        case .utf16(let bigEndian): utf16(input, bigEndian: bigEndian, &writer)
        }
        return settle(writer)
    }

    /// Ends the input: a dangling half code unit or high surrogate becomes U+FFFD.
    mutating func finish(into out: UnsafeMutablePointer<UInt8>) -> Int {
        var writer = UTF8Writer(out: out, base: produced)
        if highSurrogate != nil { writer.replacement() }
        if oddByte != nil { writer.replacement() }
        highSurrogate = nil
        oddByte = nil
        return settle(writer)
    }

    private mutating func settle(_ writer: UTF8Writer) -> Int {
        if firstReplacementOffset == nil { firstReplacementOffset = writer.firstReplacement }
        replacements += writer.replacements
        produced += writer.count
        return writer.count
    }

    private static func latin1(_ input: UnsafeBufferPointer<UInt8>, _ writer: inout UTF8Writer) {
        for byte in input {
            if byte < 0x80 { writer.ascii(byte) } else { writer.twoBytes(UInt32(byte)) }
        }
    }

    private static func windows1252(_ input: UnsafeBufferPointer<UInt8>, _ writer: inout UTF8Writer) {
        for byte in input {
            if byte < 0x80 {
                writer.ascii(byte)
            } else if byte >= 0xA0 {
                writer.twoBytes(UInt32(byte))
            } else {
                let scalar = Windows1252.high[Int(byte - 0x80)]
                if scalar == 0 { writer.replacement() } else { writer.scalar(UInt32(scalar)) }
            }
        }
    }

    private mutating func utf16(_ input: UnsafeBufferPointer<UInt8>, bigEndian: Bool, _ writer: inout UTF8Writer) {
        var index = 0
        if let odd = oddByte, !input.isEmpty {
            oddByte = nil
            unit(Self.unit(odd, input[0], bigEndian), &writer)
            index = 1
        }
        while index + 1 < input.count {
            unit(Self.unit(input[index], input[index + 1], bigEndian), &writer)
            index += 2
        }
        if index < input.count { oddByte = input[index] }
    }

    private static func unit(_ first: UInt8, _ second: UInt8, _ bigEndian: Bool) -> UInt16 {
        bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }

    /// One UTF-16 code unit: pairs surrogates; an unpaired one becomes U+FFFD.
    private mutating func unit(_ unit: UInt16, _ writer: inout UTF8Writer) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                writer.scalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))
                return
            }
            writer.replacement()
        }
        switch unit {
        case 0..<0x80: writer.ascii(UInt8(unit))
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: writer.replacement()
        default: writer.scalar(UInt32(unit))
        }
    }
}

/// Writes Unicode scalars as UTF-8 into a buffer large enough for them.
private struct UTF8Writer {
    let out: UnsafeMutablePointer<UInt8>
    /// Output bytes written before this writer started.
    let base: Int
    var count = 0
    var replacements = 0
    var firstReplacement: Int?

    init(out: UnsafeMutablePointer<UInt8>, base: Int) {
        self.out = out
        self.base = base
    }

    mutating func ascii(_ byte: UInt8) {
        out[count] = byte
        count += 1
    }

    mutating func twoBytes(_ scalar: UInt32) {
        out[count] = UInt8(0xC0 | (scalar >> 6))
        out[count + 1] = UInt8(0x80 | (scalar & 0x3F))
        count += 2
    }

    mutating func scalar(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80: ascii(UInt8(scalar))
        case 0x80..<0x800: twoBytes(scalar)
        case 0x800..<0x10000:
            out[count] = UInt8(0xE0 | (scalar >> 12))
            out[count + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[count + 2] = UInt8(0x80 | (scalar & 0x3F))
            count += 3
        default:
            out[count] = UInt8(0xF0 | (scalar >> 18))
            out[count + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[count + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[count + 3] = UInt8(0x80 | (scalar & 0x3F))
            count += 4
        }
    }

    /// U+FFFD for input that cannot be decoded, counted.
    mutating func replacement() {
        if firstReplacement == nil { firstReplacement = base + count }
        replacements += 1
        scalar(0xFFFD)
    }
}

/// The Windows-1252 characters of bytes 0x80–0x9F (0 = undefined: 0x81, 0x8D, 0x8F, 0x90, 0x9D).
enum Windows1252 {
    static let high: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
