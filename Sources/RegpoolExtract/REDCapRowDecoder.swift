import RegpoolModel

/// Adds the decoded labels to the rows of one REDCap export header: `variable#label` for each coded
/// column, and `variable` (checked labels joined with "; ", in dictionary order) for each checkbox.
final class REDCapRowDecoder {
    /// One field added after the columns as sent.
    enum Extra {
        /// The label of the code in `column`.
        case label(column: Int, variable: REDCapVariable)
        /// The labels of the checked (`1`) columns, in dictionary order.
        case checkbox([(column: Int, label: String)])
    }

    /// Codes not listed in the dictionary met so far.
    private(set) var unknownCodes = 0
    /// `line N, field = code` of the first of them.
    private(set) var firstUnknown: String?
    private let dictionary: REDCapDictionary
    private var header: FieldNames?
    private var names = FieldNames([])
    private var extras: [Extra] = []

    init(dictionary: REDCapDictionary) {
        self.dictionary = dictionary
    }

    /// `record` with the decoded fields appended (same file, locator, line and hash).
    func decode(_ record: SourceRecord) -> SourceRecord {
        if header !== record.names { plan(record.names) }
        var bytes: [UInt8] = []
        var bounds: [Int32] = []
        bounds.reserveCapacity(names.count * 2)
        func append<S: Sequence>(_ value: S?) where S.Element == UInt8 {
            guard let value else { return bounds.append(contentsOf: [-1, -1]) }
            bounds.append(Int32(bytes.count))
            bytes.append(contentsOf: value)
            bounds.append(Int32(bytes.count))
        }
        for i in 0..<record.names.count { append(record.bytes(at: i)) }
        for extra in extras { append(value(of: extra, in: record).map(\.utf8)) }
        return SourceRecord(
            file: record.file, locator: record.locator, line: record.line, sha256: record.sha256,
            names: names, bytes: bytes, bounds: bounds)
    }

    private func value(of extra: Extra, in record: SourceRecord) -> String? {
        switch extra {
        case .label(let column, let variable):
            guard let raw = record.string(at: column) else { return nil }
            let code = REDCapDictionary.trimmed(raw)
            if code.isEmpty { return "" }
            if let label = variable.label(of: code) { return label }
            unknownCodes += 1
            if firstUnknown == nil { firstUnknown = "line \(record.line), \(variable.name) = \(code)" }
            return code
        case .checkbox(let columns):
            let checked = columns.filter { record.string(at: $0.column).map(REDCapDictionary.trimmed) == "1" }
            return checked.map(\.label).joined(separator: "; ")
        }
    }

    /// Works out the added fields of `header`, in the order their columns first appear.
    private func plan(_ header: FieldNames) {
        self.header = header
        let boxes = checkboxColumns()
        var added: [String] = []
        var extras: [Extra] = []
        var boxIndex: [String: Int] = [:]
        var boxChoices: [String: [(column: Int, label: String, order: Int)]] = [:]
        for (column, name) in header.names.enumerated() {
            if let box = boxes[name] {
                if boxIndex[box.variable] == nil, header.index(of: box.variable) == nil {
                    boxIndex[box.variable] = extras.count
                    extras.append(.checkbox([]))
                    added.append(box.variable)
                }
                boxChoices[box.variable, default: []].append((column, box.label, box.order))
            } else if let v = dictionary.variable(name), v.fieldType != "checkbox",
                REDCapDictionary.isCoded(v.fieldType),
                header.index(of: name + "#label") == nil
            {
                extras.append(.label(column: column, variable: v))
                added.append(name + "#label")
            }
        }
        for (variable, index) in boxIndex {
            let ordered = (boxChoices[variable] ?? []).sorted { $0.order < $1.order }
            extras[index] = .checkbox(ordered.map { ($0.column, $0.label) })
        }
        self.extras = extras
        names = FieldNames(header.names + added)
    }

    /// Export column name (`variable___code`, code lowercased, other characters as `_`) → its choice.
    private func checkboxColumns() -> [String: (variable: String, label: String, order: Int)] {
        var columns: [String: (variable: String, label: String, order: Int)] = [:]
        for v in dictionary.variables where v.fieldType == "checkbox" {
            for (order, choice) in v.choices.enumerated() {
                columns[v.name + "___" + Self.columnSuffix(choice.code)] = (v.name, choice.label, order)
            }
        }
        return columns
    }

    /// How REDCap writes a checkbox code in a column name: lowercase, characters other than
    /// letters, digits and `_` replaced by `_` (code `-1` → `_1`).
    static func columnSuffix(_ code: String) -> String {
        String(code.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    }
}
