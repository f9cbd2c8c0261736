import RegpoolModel
import RegpoolParquet

/// What a build read and wrote, with hashes: the build's proof of provenance (manifest.json).
///
/// It holds no wall-clock time, so the same inputs give the same manifest.
package struct Manifest: Sendable {
    /// One input export file.
    package struct Input: Sendable {
        package let centre: String
        package let path: String
        package let sha256: String
        package let bytes: Int
        package init(centre: String, path: String, sha256: String, bytes: Int) {
            self.centre = centre
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// One configuration file (pipeline or mapping).
    package struct ConfigFile: Sendable {
        package let role: String
        package let path: String
        package let sha256: String
        package init(role: String, path: String, sha256: String) {
            self.role = role
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One output file of the build.
    package struct Output: Sendable {
        package let path: String
        package let sha256: String
        package let bytes: Int
        package let rows: Int?
        package init(path: String, sha256: String, bytes: Int, rows: Int?) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.rows = rows
        }
    }

    /// What cross-centre linkage did (absent when the pipeline has no `linkage:`).
    package struct Linkage: Sendable {
        package let localPatients: Int
        package let pooledPatients: Int
        package let pairsCompared: Int
        package let linksMade: Int
        package let reviewPairs: Int
        /// The prior λ the scores used (given or estimated); nil without probabilistic linkage.
        package let prior: Double?
        /// EM iterations run; nil when m and u were given.
        package let emIterations: Int?
        package init(
            localPatients: Int, pooledPatients: Int, pairsCompared: Int, linksMade: Int, reviewPairs: Int,
            prior: Double?, emIterations: Int?
        ) {
            self.localPatients = localPatients
            self.pooledPatients = pooledPatients
            self.pairsCompared = pairsCompared
            self.linksMade = linksMade
            self.reviewPairs = reviewPairs
            self.prior = prior
            self.emIterations = emIterations
        }

        var json: JSONValue {
            .object([
                ("local_patients", .int(localPatients)), ("pooled_patients", .int(pooledPatients)),
                ("pairs_compared", .int(pairsCompared)), ("links_made", .int(linksMade)),
                ("review_pairs", .int(reviewPairs)), ("prior", prior.map { .double($0) }),
                ("em_iterations", emIterations.map { .int($0) }),
            ])
        }
    }

    package var buildID: String
    package var pipeline: String
    package var regpoolVersion: String
    package var cdmVersion: String
    package var keyFingerprint: String
    package var inputs: [Input]
    package var configs: [ConfigFile]
    package var outputs: [Output]
    package var rejectedFiles: Int
    package var rejectedRecords: Int
    package var linkage: Linkage?
    /// The C libraries whose versions the output bytes depend on (codecs), e.g. `libzstd 1.5.4`.
    package var libraries: [(name: String, version: String)] = []
    /// The Parquet codec the tables were written with.
    package var parquetCodec: String?
    /// Inbox files that match no source (not read, but named in the audit), by centre.
    package var ignored: [(centre: String, file: String)] = []

    package init(
        buildID: String, pipeline: String, regpoolVersion: String, cdmVersion: String,
        keyFingerprint: String, inputs: [Input], configs: [ConfigFile], outputs: [Output],
        rejectedFiles: Int, rejectedRecords: Int
    ) {
        self.buildID = buildID
        self.pipeline = pipeline
        self.regpoolVersion = regpoolVersion
        self.cdmVersion = cdmVersion
        self.keyFingerprint = keyFingerprint
        self.inputs = inputs
        self.configs = configs
        self.outputs = outputs
        self.rejectedFiles = rejectedFiles
        self.rejectedRecords = rejectedRecords
    }

    /// The manifest as pretty, deterministic JSON (one entry per line for readable diffs).
    package func json() -> [UInt8] {
        var lines: [String] = ["{"]
        func field(_ key: String, _ value: JSONValue, last: Bool = false) {
            lines.append("  \(JSONValue.string(key).text): \(value.text)" + (last ? "" : ","))
        }
        func list(_ key: String, _ items: [JSONValue], last: Bool = false) {
            lines.append("  \(JSONValue.string(key).text): [")
            for (i, item) in items.enumerated() {
                lines.append("    " + item.text + (i == items.count - 1 ? "" : ","))
            }
            lines.append("  ]" + (last ? "" : ","))
        }
        field("manifest_version", .int(1))
        field("build_id", .string(buildID))
        field("pipeline", .string(pipeline))
        field("regpool_version", .string(regpoolVersion))
        field("cdm_version", .string(cdmVersion))
        field("key_fingerprint", .string(keyFingerprint))
        field("rejected_files", .int(rejectedFiles))
        field("rejected_records", .int(rejectedRecords))
        if let linkage { field("linkage", linkage.json) }
        if let parquetCodec {
            field(
                "parquet",
                .object([
                    ("codec", .string(parquetCodec)),
                    ("libraries", .object(libraries.map { ($0.name, .string($0.version)) })),
                ]))
        }
        if !ignored.isEmpty {
            list(
                "ignored_files", ignored.map { .object([("centre", .string($0.centre)), ("file", .string($0.file))]) })
        }
        list(
            "configs",
            configs.map {
                .object([("role", .string($0.role)), ("path", .string($0.path)), ("sha256", .string($0.sha256))])
            })
        list(
            "inputs",
            inputs.map {
                .object([
                    ("centre", .string($0.centre)), ("path", .string($0.path)), ("sha256", .string($0.sha256)),
                    ("bytes", .int($0.bytes)),
                ])
            })
        list(
            "outputs",
            outputs.map {
                .object([
                    ("path", .string($0.path)), ("sha256", .string($0.sha256)), ("bytes", .int($0.bytes)),
                    ("rows", $0.rows.map { .int($0) }),
                ])
            }, last: true)
        lines.append("}")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
