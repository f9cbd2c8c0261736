import Logging
import RegpoolCohort
import RegpoolConfig
import RegpoolExtract
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// Extracts and maps one centre's files. A file that fails as a whole is rolled back: nothing of
/// it reaches the build, and the audit says why (FileRejected).
struct CentreExtraction {
    let inbox: CentreInbox
    let mapping: MappingConfig
    /// The pipeline's validation actions.
    var validation: ValidationSettings = .defaults
    let logger: Logger
    /// Where the records' rows are built (see `CentreMapper.map(_:source:workers:)`).
    var workers: Workers = .threads

    /// Records read before they are mapped together.
    static let batchSize = 4096

    struct Outcome: Sendable {
        let result: CentreResult
        let audit: AuditLog
        let recordsRead: Int
        let filesRejected: Int
    }

    func run() -> Outcome {
        var mapper = CentreMapper(centre: inbox.centre, mapping: mapping, validation: validation)
        var audit = AuditLog()
        for event in inbox.events { audit.record(event) }
        var read = 0
        var rejectedFiles = 0
        for file in inbox.files {
            mapper.beginFile()
            do {
                let (fileRead, fileAudit) = try readFile(file, into: &mapper)
                mapper.commitFile()
                read += fileRead
                audit.merge(fileAudit)
            } catch {
                mapper.rollBackFile()
                rejectedFiles += 1
                audit.record(fileRejection(file, error))
                logger.warning("file rejected", metadata: ["centre": "\(inbox.centre.id)", "file": "\(file.name)"])
            }
        }
        let result = mapper.finish(workers: workers)
        // Its per-patient accumulators are freed on another thread (the run goes on and reuses the memory).
        Disposal.background.release(mapper)
        return Outcome(result: result, audit: audit, recordsRead: read, filesRejected: rejectedFiles)
    }

    /// Streams one file through each of its sources into `mapper`; returns the records read and
    /// the file's extract audit (kept apart until the whole file has been read).
    private func readFile(_ file: CentreInbox.File, into mapper: inout CentreMapper) throws -> (Int, AuditLog) {
        var fileAudit = AuditLog()
        var fileRead = 0
        for source in file.sources {
            var count = 0
            var batch: [MapperInput] = []
            batch.reserveCapacity(Self.batchSize)
            let replaced = try reader(for: file, source: source).read { event in
                switch event {
                case .record(let record):
                    batch.append(.record(record))
                    count += 1
                case .rejected(let record):
                    batch.append(.rejected(record))
                    fileAudit.record(rejectionEvent(record, source: source))
                }
                if batch.count == Self.batchSize {
                    mapper.map(batch, source: source, workers: workers)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            mapper.map(batch, source: source, workers: workers)
            fileRead += count
            if let replaced { fileAudit.record(replacementEvent(replaced, file: file, source: source)) }
            fileAudit.record(
                AuditEvent(
                    .fileRead, centre: inbox.centre.id, file: file.name, field: source.name, count: count,
                    message: "\(file.name) gave \(count) record(s) for source \(source.name)."))
        }
        return (fileRead, fileAudit)
    }

    func reader(for file: CentreInbox.File, source: SourceSpec) throws -> AnyReader {
        switch source.format {
        case .csv(let dialect): return .csv(CSVReader(path: file.path, displayName: file.name, dialect: dialect))
        case .xml(let spec): return .xml(XMLReader(path: file.path, displayName: file.name, spec: spec))
        case .odm(let spec): return .odm(ODMReader(path: file.path, displayName: file.name, spec: spec))
        case .redcap(let spec): return .redcap(try redcapReader(for: file, spec: spec))
        }
    }

    /// The export read with the one data dictionary of the inbox matching the source's glob.
    private func redcapReader(for file: CentreInbox.File, spec: REDCapSourceSpec) throws -> REDCapReader {
        let found = inbox.dictionaries(matching: spec.dictionary)
        guard found.count == 1, let dictionary = found.first else {
            let what =
                found.isEmpty
                ? "no file in the inbox matches the data dictionary glob '\(spec.dictionary)'"
                : "\(found.count) files match the data dictionary glob '\(spec.dictionary)' (\(found.map(\.name).joined(separator: ", ")))"
            throw ExtractError(
                file: file.name, message: "REDCap export without its data dictionary: \(what)",
                hint:
                    "put exactly one data dictionary of this export in the inbox, or correct `redcap.dictionary` in the mapping"
            )
        }
        return REDCapReader(
            path: file.path, displayName: file.name, dictionaryPath: dictionary.path,
            dictionaryName: dictionary.name, spec: spec)
    }

    private func replacementEvent(_ summary: CSVReadSummary, file: CentreInbox.File, source: SourceSpec) -> AuditEvent {
        AuditEvent(
            .charactersReplaced, centre: inbox.centre.id, file: file.name,
            locator: summary.firstReplacementLine.map { "line \($0)" }, field: source.name,
            count: summary.replacedCharacters,
            message:
                "\(file.name): \(summary.replacedCharacters) character(s) could not be decoded with the declared encoding "
                + "and became U+FFFD. Check the source's `csv.encoding` (regpool inspect proposes one).")
    }

    private func rejectionEvent(_ record: RejectedRecord, source: SourceSpec) -> AuditEvent {
        AuditEvent(
            .recordUnreadable, centre: inbox.centre.id, file: record.file, locator: record.locator,
            field: source.name, sourceValue: record.firstField.isEmpty ? nil : record.firstField,
            message:
                "\(record.file) \(record.reason) (the record starts at byte \(record.byteOffset)). The rest of the file was read."
        )
    }

    private func fileRejection(_ file: CentreInbox.File, _ error: Error) -> AuditEvent {
        if let e = error as? ExtractError {
            let locator = e.line.map { line in "line \(line)" + (e.column.map { ", column \($0)" } ?? "") }
            return AuditEvent(
                .fileRejected, centre: inbox.centre.id, file: file.name, locator: locator,
                message: "\(e.message) — \(e.hint). Nothing from this file is in the build.")
        }
        return AuditEvent(
            .fileRejected, centre: inbox.centre.id, file: file.name,
            message: "\(error). Nothing from this file is in the build.")
    }
}

/// One of the extractors, chosen by the source's format.
enum AnyReader {
    case csv(CSVReader)
    case xml(XMLReader)
    case odm(ODMReader)
    case redcap(REDCapReader)

    /// Reads every event; for CSV (and REDCap), returns the decoding summary when characters were replaced.
    func read(_ sink: (ExtractEvent) throws -> Void) throws -> CSVReadSummary? {
        switch self {
        case .csv(let r):
            let summary = try r.read(sink)
            return summary.replacedCharacters > 0 ? summary : nil
        case .xml(let r):
            try r.read(sink)
            return nil
        case .odm(let r):
            try r.read(sink)
            return nil
        case .redcap(let r):
            let summary = try r.read(sink).csv
            return summary.replacedCharacters > 0 ? summary : nil
        }
    }
}
