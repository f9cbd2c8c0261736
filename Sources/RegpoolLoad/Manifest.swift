/// What a build read and wrote, with hashes: the build's proof of provenance (manifest.json).
///
/// It holds no wall-clock time, so the same inputs give the same manifest.
public struct Manifest: Sendable {
    /// One input export file.
    public struct Input: Sendable {
        public let centre: String
        public let path: String
        public let sha256: String
        public let bytes: Int
        public init(centre: String, path: String, sha256: String, bytes: Int) {
            self.centre = centre
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// One configuration file (pipeline or mapping).
    public struct ConfigFile: Sendable {
        public let role: String
        public let path: String
        public let sha256: String
        public init(role: String, path: String, sha256: String) {
            self.role = role
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One output file of the build.
    public struct Output: Sendable {
        public let path: String
        public let sha256: String
        public let bytes: Int
        public let rows: Int?
        public init(path: String, sha256: String, bytes: Int, rows: Int?) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.rows = rows
        }
    }

    /// What cross-centre linkage did (absent when the pipeline has no `linkage:`).
    public struct Linkage: Sendable {
        public let localPatients: Int
        public let pooledPatients: Int
        public let pairsCompared: Int
        public let linksMade: Int
        public let reviewPairs: Int
        /// The prior λ the scores used (given or estimated); nil without probabilistic linkage.
        public let prior: Double?
        /// EM iterations run; nil when m and u were given.
        public let emIterations: Int?
        public init(localPatients: Int, pooledPatients: Int, pairsCompared: Int, linksMade: Int, reviewPairs: Int,
                    prior: Double?, emIterations: Int?) {
            self.localPatients = localPatients
            self.pooledPatients = pooledPatients
            self.pairsCompared = pairsCompared
            self.linksMade = linksMade
            self.reviewPairs = reviewPairs
            self.prior = prior
            self.emIterations = emIterations
        }

        var json: JSONValue {
            .object([("local_patients", .int(localPatients)), ("pooled_patients", .int(pooledPatients)),
                     ("pairs_compared", .int(pairsCompared)), ("links_made", .int(linksMade)),
                     ("review_pairs", .int(reviewPairs)), ("prior", prior.map { .double($0) }),
                     ("em_iterations", emIterations.map { .int($0) })])
        }
    }

    public var buildID: String
    public var pipeline: String
    public var regpoolVersion: String
    public var cdmVersion: String
    public var keyFingerprint: String
    public var inputs: [Input]
    public var configs: [ConfigFile]
    public var outputs: [Output]
    public var rejectedFiles: Int
    public var rejectedRecords: Int
    public var linkage: Linkage?
    /// The C libraries whose versions the output bytes depend on (codecs), e.g. `libzstd 1.5.4`.
    public var libraries: [(name: String, version: String)] = []
    /// The Parquet codec the tables were written with.
    public var parquetCodec: String?
    /// Inbox files that match no source (not read, but named in the audit), by centre.
    public var ignored: [(centre: String, file: String)] = []

    public init(buildID: String, pipeline: String, regpoolVersion: String, cdmVersion: String,
                keyFingerprint: String, inputs: [Input], configs: [ConfigFile], outputs: [Output],
                rejectedFiles: Int, rejectedRecords: Int) {
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
    public func json() -> [UInt8] {
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
            field("parquet", .object([
                ("codec", .string(parquetCodec)),
                ("libraries", .object(libraries.map { ($0.name, .string($0.version)) })),
            ]))
        }
        if !ignored.isEmpty {
            list("ignored_files", ignored.map { .object([("centre", .string($0.centre)), ("file", .string($0.file))]) })
        }
        list("configs", configs.map {
            .object([("role", .string($0.role)), ("path", .string($0.path)), ("sha256", .string($0.sha256))])
        })
        list("inputs", inputs.map {
            .object([("centre", .string($0.centre)), ("path", .string($0.path)), ("sha256", .string($0.sha256)),
                     ("bytes", .int($0.bytes))])
        })
        list("outputs", outputs.map {
            .object([("path", .string($0.path)), ("sha256", .string($0.sha256)), ("bytes", .int($0.bytes)),
                     ("rows", $0.rows.map { .int($0) })])
        }, last: true)
        lines.append("}")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
