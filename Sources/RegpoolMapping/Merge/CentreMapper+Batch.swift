import RegpoolConfig
import RegpoolModel

/// What a source's reader gave, in file order: a record to map, or one it could not read.
package enum MapperInput: Sendable {
    case record(SourceRecord)
    case rejected(RejectedRecord)
}

/// A record's contribution before it meets its patient (`CentreMapper.prepare`).
struct PreparedRecord: Sendable {
    /// The patient key; nil = the record has none (rejected when absorbed).
    let key: String?
    let updated: Int32?
    /// The rows it gives, each with the index of the compiled row that built it, in row order.
    let rows: [(row: Int, produced: ProducedRow)]
}

extension CentreMapper {
    /// How many records of a batch one worker prepares at a time.
    static let pieceSize = 512

    /// Maps a batch of one source's reader output, in order, as `map` and `reject` would one by
    /// one: the records' rows are built on `workers` (each piece of records into its own audit,
    /// merged in record order, so every summary keeps its first occurrence), then each record is
    /// merged into its patient in arrival order.
    package mutating func map(_ batch: [MapperInput], source: SourceSpec, workers: Workers) {
        var compiled: CompiledSource?
        var names: FieldNames?
        for case .record(let record) in batch where record.names !== names {
            compiled = compiledSource(source, for: record.names)
            names = record.names
        }
        guard let compiled else {
            for case .rejected(let r) in batch { reject(r, source: source) }
            return
        }
        let pieces = (batch.count + Self.pieceSize - 1) / Self.pieceSize
        let prepared = workers.map(pieces) { piece -> (records: [PreparedRecord?], audit: AuditLog) in
            var audit = AuditLog()
            let range = piece * Self.pieceSize..<min(batch.count, (piece + 1) * Self.pieceSize)
            let records = batch[range].map { input -> PreparedRecord? in
                guard case .record(let record) = input else { return nil }
                return Self.prepare(record, source: compiled, audit: &audit)
            }
            return (records, audit)
        }
        for (piece, (records, pieceAudit)) in prepared.enumerated() {
            audit.merge(pieceAudit)
            for (offset, input) in batch[piece * Self.pieceSize..<piece * Self.pieceSize + records.count].enumerated() {
                switch input {
                case .record(let record): absorb(records[offset]!, record: record, source: compiled)
                case .rejected(let r): reject(r, source: source)
                }
            }
        }
    }
}
