import RegpoolModel

/// One broken validation rule: which value (table, row, column) it judges and why.
struct Finding {
    let code: AuditCode
    let table: String
    let row: Int
    package let column: Int
    /// A sentence saying what is wrong, naming the values compared.
    let detail: String
    /// What `drop_value` puts in place of the value (null unless the CDM defines a replacement).
    var replacement: Value = .null
    /// The record the replacement came from (it becomes the value's origin).
    var replacementOrigin: RecordOrigin? = nil
}
