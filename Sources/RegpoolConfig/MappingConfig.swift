import RegpoolModel

/// A centre's mapping file (`mappings/<centre>.yaml`): which files it sends and how each source
/// field becomes a CDM value. Version 1.
public struct MappingConfig: Sendable, Equatable {
    public var version: Int
    /// The centre this mapping is written for (checked against the pipeline when given).
    public var centre: String?
    /// Source values that mean "not known" for every rule of this mapping (default `[""]`).
    public var missing: [String]
    public var sources: [SourceSpec]
    /// The mapping file as given (for `rule` references in the audit).
    public var file: String
    /// Shared vocabularies this mapping uses (`vocabularies:`), by name, in document order.
    public var vocabularies: [VocabularyDeclaration] = []
    /// Whole-patient derivations to run (`derive:`), in file order.
    public var derive: [DerivationSpec]

    public init(version: Int, centre: String?, missing: [String], sources: [SourceSpec], file: String,
                derive: [DerivationSpec] = []) {
        self.version = version
        self.centre = centre
        self.missing = missing
        self.sources = sources
        self.file = file
        self.derive = derive
    }

    /// The names of every link key the sources declare (`link:`), sorted by UTF-8 bytes, each once.
    public var linkKeyNames: [String] {
        Set(sources.flatMap { $0.link.map(\.name) }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// One kind of file a centre sends (patients, treatments, …) and how its records map.
public struct SourceSpec: Sendable, Equatable {
    public var name: String
    /// Globs relative to the inbox, e.g. `patients_*.csv`. Files are read in byte order of name.
    public var files: [String]
    /// The format, with the XML field list already gathered from every rule of this source.
    public var format: SourceFormat
    /// The source field holding the centre's patient key.
    public var patientKey: String
    public var tables: [TableMapping]
    public var location: SourceLocation
    /// The field naming each record's export or update date (`updated:`); nil = file order decides
    /// which of a patient's records is the most recent.
    public var updated: UpdateDateSpec?
    /// Link keys for cross-centre linkage (`link:`), in document order; never CDM columns.
    public var link: [LinkKeySpec] = []

    public init(name: String, files: [String], format: SourceFormat, patientKey: String,
                tables: [TableMapping], location: SourceLocation) {
        self.name = name
        self.files = files
        self.format = format
        self.patientKey = patientKey
        self.tables = tables
        self.location = location
    }
}

/// The rows one source record contributes to one CDM table.
public struct TableMapping: Sendable, Equatable {
    /// A mappable CDM table name (see `CDM.mappableTables`).
    public var table: String
    /// One row spec (a mapping) or several (a list); each gives at most one row per record.
    public var rows: [RowMapping]
    public var location: SourceLocation

    public init(table: String, rows: [RowMapping], location: SourceLocation) {
        self.table = table
        self.rows = rows
        self.location = location
    }
}

/// One row of a CDM table built from one source record.
public struct RowMapping: Sendable, Equatable {
    public var columns: [ColumnRule]
    public var location: SourceLocation
    /// For a packed cell: the field split into items, each giving one row (`unpack:`).
    public var unpack: UnpackSpec?

    public init(columns: [ColumnRule], location: SourceLocation) {
        self.columns = columns
        self.location = location
    }
}

/// Where a column's value comes from.
public enum RuleInput: Sendable, Equatable {
    /// A source field (CSV header name or XML path).
    case field(String)
    /// A constant written in the mapping (`value:`), e.g. an analyte token.
    case constant(String)

    /// The source field, or nil for a constant.
    public var fieldName: String? {
        if case .field(let name) = self { return name }
        return nil
    }
}

/// How one CDM column is filled from one source record.
public struct ColumnRule: Sendable, Equatable {
    /// The CDM column name within the row's table.
    public var column: String
    public var input: RuleInput
    /// Source label → CDM token (or `true`/`false`, or a number), compared on exact trimmed text.
    public var map: [MapEntry]?
    /// A date pattern such as `dd/MM/yyyy` (default for date columns: `yyyy-MM-dd`).
    public var datePattern: String?
    /// The decimal separator for numbers (default `.`).
    public var decimal: Character
    /// Multiply numbers by this to reach the CDM's canonical unit.
    public var factor: Double?
    /// The unit the centre sends, kept in the audit (and lab_results.source_unit).
    public var unit: String?
    /// Tokens meaning "not known" for this rule; nil = the mapping's `missing`.
    public var missing: [String]?
    public var location: SourceLocation
    /// How labels compare with the map (`fold:`): exact text by default.
    public var fold: TextFold = .none
    /// The shared vocabulary whose labels complete `map` (`vocabulary:`); bound by `bound(to:)`.
    public var vocabulary: String?
    /// What a label no map lists becomes (`unknown:`); nil = null with T3001.
    public var unknown: UnknownDefault?
    /// The first year of the window of two-digit years (`pivot:`).
    public var pivot: Int?
    /// Partial date patterns and how each is completed (`partial:`), in document order.
    public var partial: [PartialDateRule] = []
    /// A thousands separator numbers may hold (`thousands:`).
    public var thousands: Character?
    /// The plausible range after conversion (`range:`); nil = the CDM's, if any.
    public var range: CDM.PlausibleRange?
    /// The field naming each value's unit (`unit_field:`), read with `units`.
    public var unitField: String?
    /// Unit label → factor to the canonical unit (`units:`), in document order.
    public var units: [UnitFactor]?

    public init(column: String, input: RuleInput, map: [MapEntry]? = nil, datePattern: String? = nil,
                decimal: Character = ".", factor: Double? = nil, unit: String? = nil,
                missing: [String]? = nil, location: SourceLocation) {
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
    public func reference(table: String) -> String {
        "\(location.file):\(location.line) \(table).\(column)"
    }
}

/// One entry of a value map: a source label and what it becomes.
public struct MapEntry: Sendable, Equatable {
    public var source: String
    /// The CDM token, or nil when the label explicitly means "not known" (`~` in YAML).
    public var target: String?

    public init(source: String, target: String?) {
        self.source = source
        self.target = target
    }
}

/// What a label that no map lists becomes.
public enum UnknownDefault: Sendable, Equatable {
    /// A CDM value (audited as T3010 ValueDefaulted).
    case value(String)
    /// Null, audited as T3010 rather than as an unmapped value.
    case null
}

/// A partial date pattern of a rule (`MM/yyyy`, `yyyy`) and its imputation (`15`, `07-01`).
public struct PartialDateRule: Sendable, Equatable {
    public var pattern: String
    public var imputation: String

    public init(pattern: String, imputation: String) {
        self.pattern = pattern
        self.imputation = imputation
    }
}

/// A unit label a centre writes and the factor that takes its numbers to the canonical unit.
public struct UnitFactor: Sendable, Equatable {
    public var label: String
    public var factor: Double

    public init(label: String, factor: Double) {
        self.label = label
        self.factor = factor
    }
}

/// A packed cell: one field holding several items (`"Aza 2012-03-04..2012-09-01 (SD); Allo 2012-10-01"`).
public struct UnpackSpec: Sendable, Equatable {
    /// The field holding the packed text.
    public var field: String
    /// The text between items (e.g. `;`).
    public var separator: String
    /// A regular expression every item must match whole; its named groups are the item's fields.
    public var pattern: String
    /// The named groups of `pattern`, in order of appearance.
    public var groups: [String]
    public var location: SourceLocation

    public init(field: String, separator: String, pattern: String, groups: [String], location: SourceLocation) {
        self.field = field
        self.separator = separator
        self.pattern = pattern
        self.groups = groups
        self.location = location
    }

    /// The field of an unpacked row that holds the item's 1-based position in the cell.
    public static let itemField = "#item"
}

/// A shared vocabulary a mapping declares: its name in rules and the file holding it.
public struct VocabularyDeclaration: Sendable, Equatable {
    public var name: String
    /// The path as written, relative to the mapping file's folder.
    public var path: String
    public var location: SourceLocation

    public init(name: String, path: String, location: SourceLocation) {
        self.name = name
        self.path = path
        self.location = location
    }
}
