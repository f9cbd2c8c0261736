import RegpoolConfig
import RegpoolModel
import Yams

/// One source of a mapping file: its files, format and tables.
extension MappingReader {
    static let sourceKeys = [
        "name", "files", "format", "csv", "xml", "odm", "redcap", "patient_key", "tables",
        "updated", "link",
    ]
    static let requiredSourceKeys = ["name", "files", "format", "patient_key", "tables"]
    static let csvKeys = ["delimiter", "quote", "encoding"]
    static let formats = ["csv", "xml", "odm", "redcap"]

    /// One source, or nil after reporting its problems. Its location is that of its `name` value;
    /// `seen` maps the names met so far to their lines.
    package func source(_ node: Node, seen: inout [String: Int]) -> SourceSpec? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.sourceKeys, required: Self.requiredSourceKeys, in: "a source")
        else { return nil }
        let before = d.count
        let name = keyed["name"].flatMap { sourceName($0, seen: &seen) }
        let files = keyed["files"].flatMap { d.texts($0, "'files'", nonEmpty: true) }
        let patientKey = keyed["patient_key"].flatMap { d.text($0, "'patient_key'") }
        let format = keyed["format"].flatMap { readFormat($0, keyed) }
        let tables = keyed["tables"].flatMap(tables)
        let updated = keyed.pairs.first { $0.key == "updated" }.flatMap { updateDate($0.value, keyNode: $0.keyNode) }
        let link = keyed["link"].flatMap(linkKeys) ?? []
        guard d.count == before, let name, let files, let patientKey, let format, let tables else { return nil }
        let location = d.location(keyed["name"] ?? node)
        var spec = SourceSpec(
            name: name, files: files, format: format, patientKey: patientKey, tables: tables,
            location: location)
        spec.updated = updated
        spec.link = link
        spec.format = Self.gatherFields(spec)
        return spec
    }

    /// A source name not met before in this file.
    private func sourceName(_ node: Node, seen: inout [String: Int]) -> String? {
        guard let name = diagnostics.text(node, "'name'") else { return nil }
        if let first = seen[name] {
            diagnostics.report(
                node, "duplicate source name '\(name)' (first at line \(first))",
                hint: "give each source its own name")
            return nil
        }
        seen[name] = diagnostics.location(node).line
        return name
    }

    /// The format with its `csv` or `xml` settings; settings of the other format are errors.
    private func readFormat(_ node: Node, _ keyed: KeyedNode) -> SourceFormat? {
        let d = diagnostics
        guard let format = d.text(node, "'format'") else { return nil }
        rejectODMSettings(keyed, format: format)
        switch format {
        case "csv":
            if let xml = keyed.keyNode("xml") { d.report(xml, "'xml' applies only to format xml; this source is csv") }
            if let redcap = keyed.keyNode("redcap") {
                d.report(redcap, "'redcap' applies only to format redcap; this source is csv")
            }
            return keyed["csv"].map(csvDialect) ?? .csv(CSVDialect())
        case "xml":
            if let csv = keyed.keyNode("csv") { d.report(csv, "'csv' applies only to format csv; this source is xml") }
            if let redcap = keyed.keyNode("redcap") {
                d.report(redcap, "'redcap' applies only to format redcap; this source is xml")
            }
            guard let xml = keyed["xml"] else {
                d.report(
                    node, "format xml needs an 'xml' key naming the record element",
                    hint: "add 'xml: { record: /registry/patient }'")
                return nil
            }
            return recordPath(xml).map { .xml(XMLRecordSpec(recordPath: $0, fields: [])) }
        case "odm":
            return odmFormat(node, keyed)
        case "redcap":
            return redcapFormat(node, keyed)
        default:
            d.report(
                node, "unknown format '\(format)'; allowed formats: \(Self.formats.joined(separator: ", "))",
                hint: Suggestion.hint(for: format, in: Self.formats))
            return nil
        }
    }

    /// The `csv` settings: one-character delimiter (or `\t`) and quote, and the text encoding.
    private func csvDialect(_ node: Node) -> SourceFormat? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.csvKeys, in: "'csv'") else { return nil }
        var dialect = CSVDialect()
        if let delimiter = keyed["delimiter"].flatMap({ byte($0, "'delimiter'") }) { dialect.delimiter = delimiter }
        if let quote = keyed["quote"].flatMap({ byte($0, "'quote'") }) { dialect.quote = quote }
        if let node = keyed["encoding"], let encoding = encoding(node) { dialect.encoding = encoding }
        if dialect.delimiter == dialect.quote, let node = keyed["quote"] ?? keyed["delimiter"] {
            d.report(node, "the quote and the delimiter must differ")
        }
        return .csv(dialect)
    }

    /// `csv.encoding`: a `TextEncoding` name or alias, any case.
    private func encoding(_ node: Node) -> TextEncoding? {
        guard let text = diagnostics.text(node, "'encoding'") else { return nil }
        if let encoding = TextEncoding(name: text) { return encoding }
        let names = TextEncoding.allCases.map(\.rawValue)
        let known = names + TextEncoding.aliases.map(\.name)
        let suggestion = Suggestion.closest(to: text, in: known).map { "did you mean '\($0)'? " } ?? ""
        diagnostics.report(
            node,
            "unknown encoding '\(text)'; valid encodings: \(names.joined(separator: ", "))"
                + " (also iso-8859-1, cp1252)",
            hint: suggestion + "write the encoding the centre's export is saved in")
        return nil
    }

    /// One ASCII character (or the text `\t` for tab) as a byte.
    private func byte(_ node: Node, _ what: String) -> UInt8? {
        guard let text = diagnostics.text(node, what) else { return nil }
        if text == "\\t" { return UInt8(ascii: "\t") }
        let bytes = Array(text.utf8)
        guard bytes.count == 1, bytes[0] != UInt8(ascii: "\n"), bytes[0] != UInt8(ascii: "\r") else {
            diagnostics.report(
                node, "\(what) must be one ASCII character, found '\(text)'",
                hint: "e.g. \";\" or \"\\t\" for tab")
            return nil
        }
        return bytes[0]
    }

    /// `xml.record`: an absolute element path such as `/registry/patient`.
    private func recordPath(_ node: Node) -> String? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: ["record"], required: ["record"], in: "'xml'"),
            let recordNode = keyed["record"], let record = d.text(recordNode, "'xml.record'")
        else { return nil }
        let steps = record.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard record.hasPrefix("/"), !steps.isEmpty, steps.allSatisfy({ !$0.isEmpty && !$0.contains("@") }) else {
            d.report(
                recordNode, "'xml.record' must be an absolute element path, found '\(record)'",
                hint: "start with '/', e.g. /registry/patient")
            return nil
        }
        return record
    }

    /// For XML: the patient key, every rule's field, then the `updated` and `link` fields,
    /// deduplicated, in first-appearance order.
    static func gatherFields(_ source: SourceSpec) -> SourceFormat {
        guard case .xml(var spec) = source.format else { return source.format }
        var fields = [source.patientKey]
        func add(_ field: String?) {
            if let field, !fields.contains(field) { fields.append(field) }
        }
        for table in source.tables {
            for row in table.rows {
                add(row.unpack?.field)
                let itemFields = Set((row.unpack?.groups ?? []) + (row.unpack == nil ? [] : [UnpackSpec.itemField]))
                for rule in row.columns {
                    if let field = rule.input.fieldName, !itemFields.contains(field) { add(field) }
                    add(rule.unitField)
                }
            }
        }
        add(source.updated?.field)
        for key in source.link { add(key.field) }
        spec.fields = fields
        return .xml(spec)
    }
}
