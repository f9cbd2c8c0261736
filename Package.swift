// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: regpool (CLI) → RegpoolPipeline → the stages of the data flow
// (Extract → Mapping → Linkage → Cohort → Report → Parquet/Load → Export) → Config → Model.
// Model, Config, Mapping, Linkage, Cohort, Statistics and Report are pure: no files, no clock, no C,
// no parser. C enters only through Extract (libcsv, libxml2), Codecs (zstd, snappy, zlib) and Export
// (libreadstat), one wrapping Swift file per library. docs/ARCHITECTURE.md draws it.
/// Release builds inline and specialise across the package's own modules (`package` access is not
/// serialised by the default, conservative cross-module optimisation; full CMO restores the
/// inlining the hot paths had when everything was one module or `public`).
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "regpool",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "regpool", targets: ["regpool"]),
        .executable(name: "regpool-parquet-bench", targets: ["regpool-parquet-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
    ],
    targets: [
        // C libraries: one system-library target each, imported by exactly one Swift file.
        .systemLibrary(name: "CCSV", path: "Sources/CCSV"),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(
            name: "CSnappy", path: "Sources/CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CReadStat", path: "Sources/CReadStat", providers: [.apt(["libreadstat-dev"])]),

        // The data flow, upstream first: model → config → extract → mapping → linkage → cohort →
        // report → parquet → load → export → pipeline → CLI. Each target names only what it reads.
        .target(name: "RegpoolModel", exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolConfig", dependencies: ["RegpoolModel"], exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolConfigParser",
            dependencies: ["RegpoolModel", "RegpoolConfig", "RegpoolExtract", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolExtract",
            dependencies: ["RegpoolModel", "CCSV", "CLibXML2", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolMapping", dependencies: ["RegpoolModel", "RegpoolConfig"], exclude: ["README.md"],
            swiftSettings: crossModule),
        .target(
            name: "RegpoolLinkage",
            dependencies: [
                "RegpoolModel", "RegpoolConfig", "RegpoolMapping", .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolCohort", dependencies: ["RegpoolModel", "RegpoolConfig", "RegpoolMapping", "RegpoolLinkage"],
            exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolStatistics", dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolReport",
            dependencies: [
                "RegpoolModel", "RegpoolStatistics", .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolCodecs", dependencies: ["CZstd", "CSnappy", "CZlib"], exclude: ["README.md"],
            swiftSettings: crossModule),
        .target(
            name: "RegpoolParquet", dependencies: ["RegpoolModel", "RegpoolCodecs"], exclude: ["README.md"],
            swiftSettings: crossModule),
        .target(
            name: "RegpoolLoad",
            dependencies: [
                "RegpoolModel", "RegpoolConfig", "RegpoolMapping", "RegpoolParquet",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"], swiftSettings: crossModule),
        .target(
            name: "RegpoolExport", dependencies: ["RegpoolModel", "CReadStat"], exclude: ["README.md"],
            swiftSettings: crossModule),
        .target(
            name: "RegpoolPipeline",
            dependencies: [
                "RegpoolModel", "RegpoolConfig", "RegpoolConfigParser", "RegpoolExtract", "RegpoolMapping",
                "RegpoolLinkage", "RegpoolCohort", "RegpoolReport", "RegpoolCodecs", "RegpoolParquet", "RegpoolLoad",
                "RegpoolExport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"], swiftSettings: crossModule),
        .executableTarget(
            name: "regpool",
            dependencies: [
                "RegpoolPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"], swiftSettings: crossModule,
            // Debian's mimalloc replaces glibc's malloc for the whole process: the run allocates and
            // frees millions of small objects, where glibc's consolidation cost ~15 % (docs/ARCHITECTURE.md).
            linkerSettings: [.linkedLibrary("mimalloc")]),
        .executableTarget(
            name: "regpool-parquet-bench", dependencies: ["RegpoolParquet", "RegpoolCodecs", "RegpoolModel"]),

        .testTarget(name: "RegpoolModelTests", dependencies: ["RegpoolModel"]),
        .testTarget(name: "RegpoolConfigTests", dependencies: ["RegpoolConfig", "RegpoolConfigParser"]),
        .testTarget(name: "RegpoolExtractTests", dependencies: ["RegpoolExtract"]),
        .target(
            name: "RegpoolMappingFixtures", dependencies: ["RegpoolModel", "RegpoolConfig", "RegpoolMapping"],
            path: "Tests/RegpoolMappingFixtures"),
        .testTarget(
            name: "RegpoolMappingTests",
            dependencies: [
                "RegpoolMapping", "RegpoolConfigParser", "RegpoolMappingFixtures",
                "RegpoolLinkage", "RegpoolCohort",  // LinkKeyTests: link keys never reach a table
            ]),
        .testTarget(
            name: "RegpoolLinkageTests",
            dependencies: [
                "RegpoolLinkage", "RegpoolConfigParser", "RegpoolMappingFixtures",
                "RegpoolCohort",  // SurvivorshipTests: the survivor's patients row as assembled
            ]),
        .testTarget(
            name: "RegpoolCohortTests",
            dependencies: ["RegpoolCohort", "RegpoolLinkage", "RegpoolMappingFixtures"]),
        .testTarget(name: "RegpoolParquetTests", dependencies: ["RegpoolParquet", "RegpoolCodecs"]),
        .testTarget(
            name: "RegpoolLoadTests",
            dependencies: ["RegpoolLoad", "RegpoolParquet", "RegpoolCodecs", "RegpoolMappingFixtures"]),
        .testTarget(name: "RegpoolCodecsTests", dependencies: ["RegpoolCodecs", "RegpoolModel"]),
        .testTarget(name: "RegpoolExportTests", dependencies: ["RegpoolExport"]),
        .testTarget(name: "RegpoolStatisticsTests", dependencies: ["RegpoolStatistics"]),
        .testTarget(name: "RegpoolReportTests", dependencies: ["RegpoolReport"]),
        .testTarget(name: "RegpoolPipelineTests", dependencies: ["RegpoolPipeline", "regpool"]),
    ]
)
