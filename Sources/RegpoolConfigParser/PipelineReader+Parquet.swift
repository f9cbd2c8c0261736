import RegpoolConfig
import RegpoolModel
import Yams

/// The `parquet:` section: codec, layout and partitioning, every key checked.
extension PipelineReader {
    static let parquetKeys = [
        "codec", "compression_level", "row_group_rows", "page_bytes", "dictionary", "dictionary_page_limit",
        "page_checksums", "partition_by",
    ]

    /// The settings, or nil after reporting every problem.
    func parquetSettings(_ node: Node) -> ParquetSettings? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.parquetKeys, in: "'parquet'") else { return nil }
        var settings = ParquetSettings.defaults
        var valid = true
        func read<T>(_ key: String, _ parse: (Node) -> T?, _ apply: (T) -> Void) {
            guard let value = keyed[key] else { return }
            if let parsed = parse(value) { apply(parsed) } else { valid = false }
        }
        read("codec", { choice($0, "'parquet.codec'", ParquetSettings.codecs) }, { settings.codec = $0 })
        read(
            "compression_level", { d.integer($0, "'parquet.compression_level'", minimum: 1) },
            { settings.compressionLevel = $0 })
        read(
            "row_group_rows", { d.integer($0, "'parquet.row_group_rows'", minimum: 1) }, { settings.rowGroupRows = $0 })
        read("page_bytes", { d.integer($0, "'parquet.page_bytes'", minimum: 1024) }, { settings.pageBytes = $0 })
        read("dictionary", { boolean($0, "'parquet.dictionary'") }, { settings.dictionary = $0 })
        read(
            "dictionary_page_limit", { d.integer($0, "'parquet.dictionary_page_limit'", minimum: 0) },
            { settings.dictionaryPageLimit = $0 })
        read("page_checksums", { boolean($0, "'parquet.page_checksums'") }, { settings.pageChecksums = $0 })
        read(
            "partition_by", { choice($0, "'parquet.partition_by'", ParquetSettings.partitionColumns) },
            { settings.partitionBy = $0 })
        if let level = settings.compressionLevel, settings.codec == "snappy" || settings.codec == "uncompressed" {
            d.report(
                keyed["compression_level"] ?? node,
                "'parquet.compression_level' \(level) has no meaning for \(settings.codec)",
                hint: "remove it, or choose codec zstd (levels 1-22) or gzip (1-9)")
            valid = false
        }
        return valid ? settings : nil
    }

    /// One of `allowed`, or nil after reporting the allowed values.
    private func choice(_ node: Node, _ what: String, _ allowed: [String]) -> String? {
        guard let text = diagnostics.text(node, what) else { return nil }
        guard allowed.contains(text) else {
            diagnostics.report(
                node, "\(what) must be one of \(allowed.joined(separator: ", ")), found '\(text)'",
                hint: Suggestion.closest(to: text, in: allowed).map { "did you mean '\($0)'?" })
            return nil
        }
        return text
    }

    /// `true` or `false`, or nil after reporting.
    private func boolean(_ node: Node, _ what: String) -> Bool? {
        guard let text = diagnostics.text(node, what) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.report(node, "\(what) must be true or false, found '\(text)'")
            return nil
        }
    }
}
