import RegpoolModel

extension CSVSniffer {
    typealias Guess = CSVDialectProposal.Guess

    /// Byte-order mark, NUL pattern of BOM-less UTF-16, valid UTF-8, or which single-byte encoding.
    static func guessEncoding(_ sample: [UInt8]) -> Guess<TextEncoding> {
        if let mark = sample.withUnsafeBytes({ ByteOrderMark($0) }) {
            switch mark {
            case .utf8: return Guess(.utf8, "starts with a UTF-8 byte-order mark (EF BB BF)")
            case .utf16LittleEndian: return Guess(.utf16, "starts with a UTF-16 little-endian byte-order mark (FF FE)")
            case .utf16BigEndian: return Guess(.utf16, "starts with a UTF-16 big-endian byte-order mark (FE FF)")
            }
        }
        if let utf16 = guessBOMlessUTF16(sample) { return utf16 }
        if let nonASCII = validUTF8Characters(sample) {
            return nonASCII == 0
                ? Guess(.utf8, "ASCII only: utf-8, latin-1 and windows-1252 read it the same")
                : Guess(.utf8, "valid UTF-8 with \(nonASCII) non-ASCII character\(nonASCII == 1 ? "" : "s")")
        }
        return guessSingleByte(sample)
    }

    private static func guessBOMlessUTF16(_ sample: [UInt8]) -> Guess<TextEncoding>? {
        guard sample.count >= 8 else { return nil }
        var nulAtEven = 0
        var nulAtOdd = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { nulAtEven += 1 } else { nulAtOdd += 1 }
        }
        let half = sample.count / 2
        if nulAtOdd * 2 > half, nulAtEven * 10 < nulAtOdd {
            return Guess(.utf16le, "no byte-order mark, but most odd bytes are NUL: UTF-16 little endian")
        }
        if nulAtEven * 2 > half, nulAtOdd * 10 < nulAtEven {
            return Guess(.utf16be, "no byte-order mark, but most even bytes are NUL: UTF-16 big endian")
        }
        return nil
    }

    private static func guessSingleByte(_ sample: [UInt8]) -> Guess<TextEncoding> {
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let windowsOnly = sample.filter { (0x80...0x9F).contains($0) }
        if let odd = windowsOnly.first(where: undefined.contains) {
            return Guess(.latin1, "not valid UTF-8; byte 0x\(hex(odd)) is undefined in windows-1252")
        }
        if let first = windowsOnly.first {
            let scalar = Unicode.Scalar(UInt32(Windows1252.high[Int(first - 0x80)]))!
            return Guess(
                .windows1252,
                "not valid UTF-8; \(windowsOnly.count) byte\(windowsOnly.count == 1 ? "" : "s")"
                    + " in 0x80–0x9F, Windows-1252 characters such as 0x\(hex(first)) = '\(Character(scalar))'"
                    + " (control codes in latin-1)")
        }
        let high = sample.filter { $0 >= 0xA0 }.count
        return Guess(
            .latin1,
            "not valid UTF-8; \(high) byte\(high == 1 ? "" : "s") ≥ 0xA0 (e.g. é = E9) and none in"
                + " 0x80–0x9F, so latin-1 and windows-1252 read it the same")
    }

    /// The number of non-ASCII characters when `bytes` is valid UTF-8 (a sequence cut short at the
    /// very end is allowed: the sample may end mid-character), else nil.
    static func validUTF8Characters(_ bytes: [UInt8]) -> Int? {
        var index = 0
        var nonASCII = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return nil
            }
            let end = min(index + length, bytes.count)
            guard bytes[(index + 1)..<end].allSatisfy({ $0 & 0xC0 == 0x80 }) else { return nil }
            if end - index < length, end != bytes.count { return nil }
            nonASCII += 1
            index = end
        }
        return nonASCII
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
