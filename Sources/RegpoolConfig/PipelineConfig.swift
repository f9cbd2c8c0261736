import RegpoolModel

/// A pipeline file (`pipelines/NAME.yaml`): the centres to pool, where to write, which key.
///
/// Relative paths in the file are resolved against the pipeline file's folder by the parser,
/// so every path here is ready to open.
package struct PipelineConfig: Sendable, Equatable {
    package var version: Int
    package var name: String
    /// The output folder: builds go in `<output>/<build-id>/`, and `<output>/current` points at the newest.
    package var outputDirectory: String
    package var key: KeySource
    package var centres: [CentreConfig]
    /// The pipeline file as given (for messages and the manifest).
    package var file: String
    /// The consortium's actions per validation rule (`validation:`; default: every rule's default).
    package var validation: ValidationSettings
    /// Cross-centre linkage (`linkage:`); nil = every local patient is its own pooled patient.
    package var linkage: LinkageSettings?
    /// How the Parquet files are written (`parquet:`; default: ZSTD, one file per table).
    package var parquet: ParquetSettings
    /// Extra formats of analysis_cohort (`exports:`: `spss`, `csv`), in the order given.
    package var exports: [String]
    /// How many builds to keep in the output folder (`keep_builds:`); older ones are removed after
    /// a publish, never the one `current` points at.
    package var keepBuilds: Int
    /// Two weeks of nightly builds.
    package static let defaultKeepBuilds = 14

    package init(
        version: Int, name: String, outputDirectory: String, key: KeySource, centres: [CentreConfig], file: String,
        validation: ValidationSettings = .defaults, linkage: LinkageSettings? = nil,
        parquet: ParquetSettings = .defaults, exports: [String] = [],
        keepBuilds: Int = PipelineConfig.defaultKeepBuilds
    ) {
        self.version = version
        self.name = name
        self.outputDirectory = outputDirectory
        self.key = key
        self.centres = centres
        self.file = file
        self.validation = validation
        self.linkage = linkage
        self.parquet = parquet
        self.exports = exports
        self.keepBuilds = keepBuilds
    }
}

/// Where the consortium's pseudonym key comes from. The key itself never enters a config value.
package enum KeySource: Sendable, Equatable {
    /// An environment variable holding the key (hex, base64 or raw text; see docs).
    case environment(String)
    /// A file whose content (trimmed) is the key.
    case file(String)
}

/// One centre of a pipeline.
package struct CentreConfig: Sendable, Equatable {
    /// The centre's id as written into `source_records.centre_id`, e.g. `fr-lyon`.
    package var id: String
    /// A `region` token of the CDM.
    package var region: String
    /// A `cohort_source` token of the CDM.
    package var cohortSource: String
    /// The folder the centre's exports arrive in (resolved).
    package var inbox: String
    /// The mapping file (resolved path).
    package var mapping: String
    /// Globs (relative to the inbox) restricting which files are considered; default `["*"]`.
    package var files: [String]
    package var location: SourceLocation

    package init(
        id: String, region: String, cohortSource: String, inbox: String, mapping: String,
        files: [String] = ["*"], location: SourceLocation
    ) {
        self.id = id
        self.region = region
        self.cohortSource = cohortSource
        self.inbox = inbox
        self.mapping = mapping
        self.files = files
        self.location = location
    }
}
