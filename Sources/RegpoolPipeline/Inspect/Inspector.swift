import Foundation
import RegpoolCohort
import RegpoolExtract
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping
import RegpoolModel

/// `regpool inspect`: reads one export as the pipeline would and prints what it reads, one JSON
/// object per line — with `--mapping`, beside the CDM values the mapping gives and a summary.
package struct Inspector: Sendable {
    package let options: InspectionOptions

    /// An inspector for `options`.
    package init(_ options: InspectionOptions) {
        self.options = options
    }

    /// Reads the file, handing each JSON line (without newline) to `emit` as soon as it is ready and
    /// advice for a person (e.g. a likely wrong delimiter) to `note`; throws an `InspectionError`
    /// when the file cannot be shown (lines already emitted stay valid).
    package func run(_ emit: (String) -> Void, note: (String) -> Void = { _ in }) throws {
        guard FileManager.default.fileExists(atPath: options.file) else {
            throw InspectionError(.inputUnreadable, "\(options.file) does not exist — check the path.")
        }
        if let mapping = options.mapping {
            guard !options.hasFormatOptions else {
                throw InspectionError.usage(
                    "--format, --delimiter, --quote, --encoding and --record cannot be "
                        + "used with --mapping: the mapping's source decides how the file is read.")
            }
            try runMapped(try InspectionSource.load(mapping, options: options), emit)
        } else {
            try runPlain(try InspectionFormat.resolve(options), emit, note)
        }
    }

    private func runPlain(_ format: InspectionFormat, _ emit: (String) -> Void, _ note: (String) -> Void) throws {
        let reader: InspectionReader
        switch format {
        case .csv(let dialect):
            reader = .csv(CSVReader(path: options.file, displayName: options.file, dialect: dialect))
        case .xml(let recordPath?):
            let spec = XMLRecordSpec(recordPath: recordPath, fields: [])
            reader = .xmlAllFields(XMLReader(path: options.file, displayName: options.file, spec: spec))
        case .xml(nil):
            return try survey(emit)
        }
        var records = 0
        var singleFieldHeader = 0
        try each(reader) { event in
            switch event {
            case .record(let r):
                records += 1
                emit(InspectionLine.text(InspectionLine.record(r)))
            case .rejected(let r):
                if r.reason.contains("where the header has 1 —") { singleFieldHeader += 1 }
                emit(InspectionLine.text(InspectionLine.rejected(r)))
            }
        }
        if records == 0, singleFieldHeader > 0, options.delimiter == nil {
            note(
                "every record has more fields than the header's one: the file is probably not separated by "
                    + "the default delimiter — try --delimiter ';' (or '\\t', '|').")
        }
    }

    private func runMapped(_ source: InspectionSource, _ emit: (String) -> Void) throws {
        var previewer = MappingPreviewer(source: source.spec, mapping: source.mapping, centre: source.centre)
        var tally = UnmappedTally()
        var records = 0
        var rejected = 0
        try each(try reader(for: source.spec.format)) { event in
            records += 1
            switch event {
            case .record(let r):
                let preview = previewer.preview(r)
                if preview.patientKey == nil { rejected += 1 }
                tally.add(preview.issues)
                emit(InspectionLine.text(InspectionLine.mapped(r, preview)))
            case .rejected(let r):
                rejected += 1
                emit(InspectionLine.text(InspectionLine.rejected(r)))
            }
        }
        let summary: JSONValue = .object([
            ("records", .int(records)), ("rejected", .int(rejected)), ("unmapped", tally.json),
        ])
        emit(InspectionLine.text([("summary", summary)]))
    }

    private func reader(for format: SourceFormat) throws -> InspectionReader {
        switch format {
        case .csv(let dialect): return .csv(CSVReader(path: options.file, displayName: options.file, dialect: dialect))
        case .xml(let spec): return .xml(XMLReader(path: options.file, displayName: options.file, spec: spec))
        case .odm(let spec): return .odm(ODMReader(path: options.file, displayName: options.file, spec: spec))
        case .redcap(let spec):
            let dictionary = try InspectionSource.dictionary(for: options.file, glob: spec.dictionary)
            return .redcap(
                REDCapReader(
                    path: options.file, displayName: options.file, dictionaryPath: dictionary,
                    dictionaryName: dictionary, spec: spec))
        }
    }

    /// Runs `reader`, passing over `skip` events and stopping after `limit`; extract errors become exit 66.
    private func each(_ reader: InspectionReader, _ body: (ExtractEvent) -> Void) throws {
        var seen = 0
        let end = options.limit.map { options.skip + $0 }
        do {
            try reader.read { event in
                seen += 1
                if let end, seen > end { throw EnoughRead() }
                if seen > options.skip { body(event) }
            }
        } catch is EnoughRead {
            return
        } catch let error as ExtractError {
            throw InspectionError(.inputUnreadable, error.description)
        }
    }

    /// Prints the repeating element paths of an XML file and asks for `--record`.
    private func survey(_ emit: (String) -> Void) throws {
        let repeated: [XMLElementCount]
        do {
            repeated = try XMLStructureSurvey.repeatedElements(path: options.file, displayName: options.file)
        } catch let error as ExtractError {
            throw InspectionError(.inputUnreadable, error.description)
        }
        for element in repeated {
            emit(InspectionLine.text([("element", .string(element.path)), ("count", .int(element.count))]))
        }
        let example =
            repeated.first.map { "e.g. --record \($0.path) (the element paths that repeat are listed on stdout)" }
            ?? "e.g. --record /root/record (no element repeats in this file)"
        throw InspectionError.usage(
            "\(options.file) is XML: name the element that holds one record with --record, \(example).")
    }
}

/// Thrown from the sink to stop reading once `--limit` records are printed.
private struct EnoughRead: Error {}
