import RegpoolMapping

/// The compact text forms of a staged patient's nested fields (origins, link keys): control
/// characters separate the parts, so a part that holds one cannot be staged.
package enum StagingText {
    static let unit: Character = "\u{1F}", record: Character = "\u{1E}", group: Character = "\u{1D}",
        file: Character = "\u{1C}"
    static let none = "\u{0}"

    /// Throws when `text` holds a separator (the result is then not staged).
    static func checked(_ text: String) throws(StagingError) -> String {
        if text.unicodeScalars.contains(where: { $0.value <= 0x1F && $0.value >= 0x1C || $0.value == 0 }) {
            throw StagingError("a value holds a control character used by staging: \(text.debugDescription)")
        }
        return text
    }

    static func origin(_ o: RecordOrigin?) throws(StagingError) -> String {
        guard let o else { return none }
        return try checked(o.file) + String(unit) + checked(o.locator)
    }

    static func origin(_ text: String) -> RecordOrigin? {
        guard text != none else { return nil }
        let parts = text.split(separator: unit, maxSplits: 1, omittingEmptySubsequences: false)
        return RecordOrigin(file: String(parts[0]), locator: parts.count > 1 ? String(parts[1]) : "")
    }

    /// `table GS origin RS origin … FS table GS …`, tables sorted.
    static func origins(_ byTable: [String: [RecordOrigin?]]) throws(StagingError) -> String {
        var parts: [String] = []
        for table in byTable.keys.sorted() {
            var entries: [String] = []
            for o in byTable[table]! { entries.append(try origin(o)) }
            parts.append(try checked(table) + String(group) + entries.joined(separator: String(record)))
        }
        return parts.joined(separator: String(file))
    }

    static func origins(_ text: String) -> [String: [RecordOrigin?]] {
        guard !text.isEmpty else { return [:] }
        var out: [String: [RecordOrigin?]] = [:]
        for part in text.split(separator: file, omittingEmptySubsequences: false) {
            let pieces = part.split(separator: group, maxSplits: 1, omittingEmptySubsequences: false)
            let body = pieces.count > 1 ? pieces[1] : ""
            out[String(pieces[0])] =
                body.isEmpty
                ? [] : body.split(separator: record, omittingEmptySubsequences: false).map { origin(String($0)) }
        }
        return out
    }

    /// `key US value RS …`, keys sorted.
    static func pairs(_ map: [String: String]) throws(StagingError) -> String {
        var parts: [String] = []
        for key in map.keys.sorted() { parts.append(try checked(key) + String(unit) + checked(map[key]!)) }
        return parts.joined(separator: String(record))
    }

    static func pairs(_ text: String) -> [String: String] {
        guard !text.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for part in text.split(separator: record, omittingEmptySubsequences: false) {
            let kv = part.split(separator: unit, maxSplits: 1, omittingEmptySubsequences: false)
            out[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
        }
        return out
    }

    /// Bytes that must be valid UTF-8 to be staged as text.
    static func text(_ bytes: [UInt8]) throws(StagingError) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        guard Array(s.utf8) == bytes else { throw StagingError("a source value is not valid UTF-8") }
        return s
    }
}
