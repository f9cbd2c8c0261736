import ArgumentParser
import Foundation
import RegpoolPipeline

/// `regpool inspect FILE`: what regpool reads from one export, to write or check a mapping.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what regpool reads from one export (JSON Lines), optionally through a mapping.",
        discussion: """
            Prints one JSON object per record: {"file", "locator", "line", "sha256", "fields"} with the \
            fields in source order (CSV header order; for XML every attribute and leaf element of the \
            record, e.g. @id, demographics/sex, birth/@year). A record that cannot be read prints as \
            {"file", "locator", "line", "rejected": reason}.

            The format comes from the extension (.csv, .txt, .tsv = CSV with tab; .xml = XML) or \
            --format. For XML, --record names the record element; without it, the element paths that \
            repeat are listed (path and count) and regpool exits 64.

            With --mapping, the file is read as the mapping's source whose `files:` match its name \
            (--source picks one when several match), and each line adds "patient_key", "cdm" (per table, \
            each column's value with the source text, field and mapping line it came from) and "issues" \
            (the record's audit events). A last line {"summary": {"records", "rejected", "unmapped"}} \
            lists the source values no rule maps, with counts and the first locator.

            With --sniff (CSV), prints instead one line proposing the file's dialect — encoding, \
            delimiter, quote, line ends, decimal comma, header — each with its reason, and the \
            mapping's `csv:` line to start from.

            Exit codes: 0 read; 64 bad arguments or XML without --record; 65 invalid mapping; \
            66 file unreadable or not well-formed.
            """)

    @Argument(help: "The export to read, e.g. samples/fr-lyon/patients_2026-11-21.csv.")
    var file: String

    @Option(help: "csv or xml (default: from the file's extension).")
    var format: String?

    @Option(help: "CSV delimiter: one character, or \\t for tab (default: ',', tab for .tsv).")
    var delimiter: String?

    @Option(help: "CSV quote character (default: '\"').")
    var quote: String?

    @Option(
        help: ArgumentHelp("CSV encoding: \(InspectionOptions.encodingNames.joined(separator: ", ")) (default: utf-8).")
    )
    var encoding: String?

    @Option(help: "XML record element path, e.g. /registry/patient.")
    var record: String?

    @Option(help: "A mapping file: show the CDM values it gives for each record, e.g. mappings/fr-lyon.yaml.")
    var mapping: String?

    @Option(help: "The mapping source to use when the file matches several.")
    package var source: String?

    @Flag(help: "Propose the CSV dialect (encoding, delimiter, quote, line ends, decimal comma, header) and stop.")
    var sniff = false

    @Option(help: "Pass over this many records first.")
    var skip: Int = 0

    @Option(help: "Print at most this many records.")
    var limit: Int?

    func validate() throws {
        guard skip >= 0 else { throw ValidationError("--skip must be 0 or more (got \(skip)).") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more (got \(limit)).") }
        if source != nil, mapping == nil { throw ValidationError("--source needs --mapping.") }
    }

    func run() throws {
        if sniff { return try printSniff() }
        var options = InspectionOptions(file: file, skip: skip, limit: limit)
        options.format = format
        options.delimiter = delimiter
        options.quote = quote
        options.encoding = encoding
        options.record = record
        options.mapping = mapping
        options.source = source
        do {
            try Inspector(options).run(
                { print($0) },
                note: { text in
                    FileHandle.standardError.write(Data("regpool: note: \(text)\n".utf8))
                })
        } catch let error as InspectionError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            throw ExitCode(error.status.rawValue)
        }
    }

    private func printSniff() throws {
        do {
            print(try Inspector.sniff(file))
        } catch let error as InspectionError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            throw ExitCode(error.status.rawValue)
        }
    }
}
