import RegpoolModel

/// The identity of a rule for the audit lines its noted decisions make (shared by reference).
package final class RuleTag: Sendable {
    package let field: String?
    /// `table.column`.
    package let target: String
    /// `file:line table.column`.
    package let reference: String

    package init(field: String?, target: String, reference: String) {
        self.field = field
        self.target = target
        self.reference = reference
    }
}

/// A decision about one mapped value (a unit conversion, a date imputation) that the audit counts
/// only when the value reaches the output, so the counts equal the affected output values.
package struct ValueNote: Sendable {
    package enum Kind: Sendable {
        /// A number converted to the canonical unit: source unit label and factor.
        case unitConverted(unit: String, factor: Double)
        /// A partial date completed by the rule's imputation (`15`, `07-01`), read with `pattern`.
        case dateImputed(pattern: String, imputation: String)
    }

    package let kind: Kind

    /// The decision in words, for `regpool explain`: `× 0.1 from g/L`, `partial date 03/2011 (MM/yyyy) → day 15`.
    var described: String {
        switch kind {
        case .unitConverted(let unit, let factor): return "× \(factor) from \(unit)"
        case .dateImputed(let pattern, let imputation):
            return "partial date \(String(decoding: source, as: UTF8.self)) (\(pattern)) completed with \(imputation)"
        }
    }

    /// The column of the row the value is in.
    package let column: Int
    package let tag: RuleTag
    /// The trimmed source text (a copy: record buffers are not kept alive).
    package let source: [UInt8]

    /// A value with every stored property given.
    package init(kind: Kind, column: Int, tag: RuleTag, source: [UInt8]) {
        self.kind = kind
        self.column = column
        self.tag = tag
        self.source = source
    }
}

/// A note on a value of a merged patient: which table row holds the value (the record that gave
/// it is the value's origin in the `LocalPatient`).
package struct LocatedNote: Sendable {
    /// The CDM table name.
    package let table: String
    /// The row within the patient's rows of that table (0 for `patients` and `outcomes`).
    package internal(set) var row: Int
    package let note: ValueNote

    /// A value with every stored property given.
    package init(table: String, row: Int, note: ValueNote) {
        self.table = table
        self.row = row
        self.note = note
    }

    /// The column index of the noted value in its table's schema.
    package var column: Int { note.column }
}
