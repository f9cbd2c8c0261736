import RegpoolModel

/// A centre's mapping file (`mappings/<centre>.yaml`): which files it sends and how each source
/// field becomes a CDM value. Version 1.
package struct MappingConfig: Sendable, Equatable {
    package var version: Int
    /// The centre this mapping is written for (checked against the pipeline when given).
    package var centre: String?
    /// Source values that mean "not known" for every rule of this mapping (default `[""]`).
    package var missing: [String]
    package var sources: [SourceSpec]
    /// The mapping file as given (for `rule` references in the audit).
    package var file: String
    /// Shared vocabularies this mapping uses (`vocabularies:`), by name, in document order.
    package var vocabularies: [VocabularyDeclaration] = []
    /// Whole-patient derivations to run (`derive:`), in file order.
    package var derive: [DerivationSpec]

    package init(
        version: Int, centre: String?, missing: [String], sources: [SourceSpec], file: String,
        derive: [DerivationSpec] = []
    ) {
        self.version = version
        self.centre = centre
        self.missing = missing
        self.sources = sources
        self.file = file
        self.derive = derive
    }

    /// The names of every link key the sources declare (`link:`), sorted by UTF-8 bytes, each once.
    package var linkKeyNames: [String] {
        Set(sources.flatMap { $0.link.map(\.name) }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// One kind of file a centre sends (patients, treatments, …) and how its records map.
package struct SourceSpec: Sendable, Equatable {
    package var name: String
    /// Globs relative to the inbox, e.g. `patients_*.csv`. Files are read in byte order of name.
    package var files: [String]
    /// The format, with the XML field list already gathered from every rule of this source.
    package var format: SourceFormat
    /// The source field holding the centre's patient key.
    package var patientKey: String
    package var tables: [TableMapping]
    package var location: SourceLocation
    /// The field naming each record's export or update date (`updated:`); nil = file order decides
    /// which of a patient's records is the most recent.
    package var updated: UpdateDateSpec?
    /// Link keys for cross-centre linkage (`link:`), in document order; never CDM columns.
    package var link: [LinkKeySpec] = []

    package init(
        name: String, files: [String], format: SourceFormat, patientKey: String,
        tables: [TableMapping], location: SourceLocation
    ) {
        self.name = name
        self.files = files
        self.format = format
        self.patientKey = patientKey
        self.tables = tables
        self.location = location
    }
}

/// The rows one source record contributes to one CDM table.
package struct TableMapping: Sendable, Equatable {
    /// A mappable CDM table name (see `CDM.mappableTables`).
    package var table: String
    /// One row spec (a mapping) or several (a list); each gives at most one row per record.
    package var rows: [RowMapping]
    package var location: SourceLocation

    package init(table: String, rows: [RowMapping], location: SourceLocation) {
        self.table = table
        self.rows = rows
        self.location = location
    }
}

/// One row of a CDM table built from one source record.
package struct RowMapping: Sendable, Equatable {
    package var columns: [ColumnRule]
    package var location: SourceLocation
    /// For a packed cell: the field split into items, each giving one row (`unpack:`).
    package var unpack: UnpackSpec?

    package init(columns: [ColumnRule], location: SourceLocation) {
        self.columns = columns
        self.location = location
    }
}

/// Where a column's value comes from.
package enum RuleInput: Sendable, Equatable {
    /// A source field (CSV header name or XML path).
    case field(String)
    /// A constant written in the mapping (`value:`), e.g. an analyte token.
    case constant(String)

    /// The source field, or nil for a constant.
    package var fieldName: String? {
        if case .field(let name) = self { return name }
        return nil
    }
}

/// How one CDM column is filled from one source record.
package struct ColumnRule: Sendable, Equatable {
    /// The CDM column name within the row's table.
    package var column: String
    package var input: RuleInput
    /// Source label → CDM token (or `true`/`false`, or a number), compared on exact trimmed text.
    package var map: [MapEntry]?
    /// The date pattern such as `dd/MM/yyyy`, compiled with the rule's pivot (default: `yyyy-MM-dd`).
    package var datePattern: DatePattern?
    /// The decimal separator for numbers (default `.`).
    package var decimal: Character
    /// Multiply numbers by this to reach the CDM's canonical unit.
    package var factor: Double?
    /// The unit the centre sends, kept in the audit (and lab_results.source_unit).
    package var unit: String?
    /// Tokens meaning "not known" for this rule; nil = the mapping's `missing`.
    package var missing: [String]?
    package var location: SourceLocation
    /// How labels compare with the map (`fold:`): exact text by default.
    package var fold: TextFold = .none
    /// The shared vocabulary whose labels complete `map` (`vocabulary:`); bound by `bound(to:)`.
    package var vocabulary: String?
    /// What a label no map lists becomes (`unknown:`); nil = null with T3001.
    package var unknown: UnknownDefault?
    /// The first year of the window of two-digit years (`pivot:`).
    package var pivot: Int?
    /// Partial date patterns and how each is completed (`partial:`), in document order.
    package var partial: [PartialDateRule] = []
    /// A thousands separator numbers may hold (`thousands:`).
    package var thousands: Character?
    /// The plausible range after conversion (`range:`); nil = the CDM's, if any.
    package var range: CDM.PlausibleRange?
    /// The field naming each value's unit (`unit_field:`), read with `units`.
    package var unitField: String?
    /// Unit label → factor to the canonical unit (`units:`), in document order.
    package var units: [UnitFactor]?

    package init(
        column: String, input: RuleInput, map: [MapEntry]? = nil, datePattern: DatePattern? = nil,
        decimal: Character = ".", factor: Double? = nil, unit: String? = nil,
        missing: [String]? = nil, location: SourceLocation
    ) {
        self.column = column
        self.input = input
        self.map = map
        self.datePattern = datePattern
        self.decimal = decimal
        self.factor = factor
        self.unit = unit
        self.missing = missing
        self.location = location
    }

    /// The audit `rule` reference: `file:line table.column`.
    package func reference(table: String) -> String {
        "\(location.file):\(location.line) \(table).\(column)"
    }
}

/// One entry of a value map: a source label and what it becomes.
package struct MapEntry: Sendable, Equatable {
    package var source: String
    /// The CDM token, or nil when the label explicitly means "not known" (`~` in YAML).
    package var target: String?

    package init(source: String, target: String?) {
        self.source = source
        self.target = target
    }
}

/// What a label that no map lists becomes.
package enum UnknownDefault: Sendable, Equatable {
    /// A CDM value (audited as T3010 ValueDefaulted).
    case value(String)
    /// Null, audited as T3010 rather than as an unmapped value.
    case null
}

/// A partial date pattern of a rule (`MM/yyyy`, `yyyy`) and its imputation (`15`, `07-01`),
/// both compiled by the parser.
package struct PartialDateRule: Sendable, Equatable {
    package var pattern: DatePattern
    package var imputation: DateImputation
    /// The imputation as written, for the audit.
    package var imputationText: String

    package init(pattern: DatePattern, imputation: DateImputation, imputationText: String) {
        self.pattern = pattern
        self.imputation = imputation
        self.imputationText = imputationText
    }
}

/// A unit label a centre writes and the factor that takes its numbers to the canonical unit.
package struct UnitFactor: Sendable, Equatable {
    package var label: String
    package var factor: Double

    package init(label: String, factor: Double) {
        self.label = label
        self.factor = factor
    }
}

/// A packed cell: one field holding several items (`"Aza 2012-03-04..2012-09-01 (SD); Allo 2012-10-01"`).
package struct UnpackSpec: Sendable, Equatable {
    /// The field holding the packed text.
    package var field: String
    /// The text between items (e.g. `;`).
    package var separator: String
    /// A regular expression every item must match whole; its named groups are the item's fields.
    package var pattern: UnpackPattern
    /// The named groups of `pattern`, in order of appearance.
    package var groups: [String]
    package var location: SourceLocation

    package init(field: String, separator: String, pattern: UnpackPattern, groups: [String], location: SourceLocation) {
        self.field = field
        self.separator = separator
        self.pattern = pattern
        self.groups = groups
        self.location = location
    }

    /// The field of an unpacked row that holds the item's 1-based position in the cell.
    package static let itemField = "#item"
}

/// A shared vocabulary a mapping declares: its name in rules and the file holding it.
package struct VocabularyDeclaration: Sendable, Equatable {
    package var name: String
    /// The path as written, relative to the mapping file's folder.
    package var path: String
    package var location: SourceLocation

    package init(name: String, path: String, location: SourceLocation) {
        self.name = name
        self.path = path
        self.location = location
    }
}
