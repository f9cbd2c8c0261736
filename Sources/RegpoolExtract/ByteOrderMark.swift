import RegpoolModel

/// The byte-order mark a text file starts with, and what it means for the declared encoding.
enum ByteOrderMark: Equatable {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian

    /// The mark at the start of `bytes`, if any.
    init?(_ bytes: UnsafeRawBufferPointer) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            self = .utf8
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            self = .utf16LittleEndian
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            self = .utf16BigEndian
        } else {
            return nil
        }
    }

    /// Length of the mark in bytes.
    var length: Int { self == .utf8 ? 3 : 2 }

    /// The encoding name the mark stands for, as a mapping would declare it.
    var declaration: String { self == .utf8 ? "utf-8" : "utf-16" }

    /// How to transcode a file declared `encoding` that starts with `mark` (nil: UTF-8, pass through);
    /// throws when the mark contradicts the declaration or a required mark is missing.
    static func scheme(
        for encoding: TextEncoding, mark: ByteOrderMark?,
        file: String
    ) throws -> TextTranscoder.Scheme? {
        switch (encoding, mark) {
        case (.utf8, .utf8), (.utf8, nil): return nil
        case (.latin1, nil): return .latin1
        case (.windows1252, nil): return .windows1252
        case (.utf16, .utf16LittleEndian), (.utf16le, .utf16LittleEndian), (.utf16le, nil):
            return .utf16(bigEndian: false)
        case (.utf16, .utf16BigEndian), (.utf16be, .utf16BigEndian), (.utf16be, nil):
            return .utf16(bigEndian: true)
        case (.utf16, nil):
            throw ExtractError(
                file: file, line: 1,
                message: "declared utf-16 but the file has no byte-order mark,"
                    + " so its byte order is unknown",
                hint: "declare encoding: utf-16le (Windows \"Unicode\" exports) or utf-16be,"
                    + " or export the file with a byte-order mark")
        case (_, let mark?):
            let found =
                mark == .utf8
                ? "UTF-8"
                : mark == .utf16LittleEndian
                    ? "UTF-16 little-endian"
                    : "UTF-16 big-endian"
            throw ExtractError(
                file: file, line: 1,
                message: "the file starts with a \(found) byte-order mark but"
                    + " the mapping declares encoding \(encoding.rawValue)",
                hint: "declare encoding: \(mark.declaration) in the mapping's csv settings")
        }
    }
}
