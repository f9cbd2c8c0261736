/// A small quote-aware CSV splitter for the sniffer's sample: records of fields (quotes removed,
/// doubled quotes kept single); lines end at `\n`, `\r\n` or `\r` outside quotes; blank lines are skipped.
struct SniffedRecords {
    /// One record's fields and whether each was quoted.
    struct Record {
        var fields: [[UInt8]] = []
        var quoted: [Bool] = []
    }

    private(set) var records: [Record] = []

    /// The first `limit` records of `text`.
    init(_ text: [UInt8], delimiter: UInt8, quote: UInt8, limit: Int) {
        var record = Record()
        var field: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        var index = 0
        func endField() {
            record.fields.append(field)
            record.quoted.append(wasQuoted)
            field = []
            wasQuoted = false
        }
        while index < text.count, records.count < limit {
            let byte = text[index]
            index += 1
            if inQuotes {
                if byte != quote {
                    field.append(byte)
                    continue
                }
                if index < text.count, text[index] == quote {
                    field.append(quote)
                    index += 1
                } else {
                    inQuotes = false
                }
            } else if byte == quote, field.isEmpty {
                inQuotes = true
                wasQuoted = true
            } else if byte == delimiter {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index < text.count, text[index] == 0x0A { index += 1 }
                if !record.fields.isEmpty || !field.isEmpty || wasQuoted {
                    endField()
                    records.append(record)
                }
                record = Record()
            } else {
                field.append(byte)
            }
        }
        if records.count < limit, !record.fields.isEmpty || !field.isEmpty || wasQuoted {
            endField()
            records.append(record)
        }
    }
}
