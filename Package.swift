// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: regpool (CLI) → RegpoolPipeline → stages (Extract, Transform, Load,
// Config) → RegpoolModel. C enters only in RegpoolExtract (libcsv, libxml2) and RegpoolCodecs (zstd,
// snappy, zlib) and RegpoolExport (libreadstat), one wrapping Swift file per library; RegpoolTransform is pure.
let package = Package(
    name: "regpool",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "regpool", targets: ["regpool"]),
        .executable(name: "regpool-parquet-bench", targets: ["regpool-parquet-bench"]),
        .library(name: "RegpoolPipeline", targets: ["RegpoolPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CCSV", path: "Sources/CCSV"),
        .systemLibrary(
            name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(
            name: "CSnappy", path: "Sources/CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "RegpoolCodecs", dependencies: ["CZstd", "CSnappy", "CZlib"], exclude: ["README.md"]),
        .systemLibrary(name: "CReadStat", path: "Sources/CReadStat", providers: [.apt(["libreadstat-dev"])]),
        .target(name: "RegpoolExport", dependencies: ["RegpoolModel", "CReadStat"], exclude: ["README.md"]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "RegpoolModel", exclude: ["README.md"]),
        .target(name: "RegpoolStatistics", exclude: ["README.md"]),
        .target(
            name: "RegpoolConfig",
            dependencies: ["RegpoolModel", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]),
        .target(
            name: "RegpoolExtract",
            dependencies: ["RegpoolModel", "CCSV", "CLibXML2", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"]),
        .target(
            name: "RegpoolTransform",
            dependencies: ["RegpoolModel", "RegpoolConfig", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"]),
        .target(
            name: "RegpoolReport",
            dependencies: ["RegpoolModel", "RegpoolStatistics", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["README.md"]),
        .target(
            name: "RegpoolLoad",
            dependencies: ["RegpoolModel", "RegpoolCodecs", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md", "Parquet/README.md"]),
        .target(
            name: "RegpoolPipeline",
            dependencies: [
                "RegpoolModel", "RegpoolConfig", "RegpoolExtract", "RegpoolTransform", "RegpoolLoad", "RegpoolReport",
                "RegpoolCodecs", "RegpoolExport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]),
        .executableTarget(
            name: "regpool",
            dependencies: ["RegpoolPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["README.md"]),
        .executableTarget(name: "regpool-parquet-bench", dependencies: ["RegpoolLoad", "RegpoolCodecs", "RegpoolModel"]),
        .testTarget(name: "RegpoolModelTests", dependencies: ["RegpoolModel"]),
        .testTarget(name: "RegpoolConfigTests", dependencies: ["RegpoolConfig"]),
        .testTarget(name: "RegpoolExtractTests", dependencies: ["RegpoolExtract"]),
        .testTarget(name: "RegpoolTransformTests", dependencies: ["RegpoolTransform"]),
        .testTarget(name: "RegpoolLoadTests", dependencies: ["RegpoolLoad", "RegpoolCodecs"]),
        .testTarget(name: "RegpoolCodecsTests", dependencies: ["RegpoolCodecs", "RegpoolModel"]),
        .testTarget(name: "RegpoolExportTests", dependencies: ["RegpoolExport"]),
        .testTarget(name: "RegpoolStatisticsTests", dependencies: ["RegpoolStatistics"]),
        .testTarget(name: "RegpoolReportTests", dependencies: ["RegpoolReport"]),
        .testTarget(name: "RegpoolPipelineTests", dependencies: ["RegpoolPipeline", "regpool"]),
    ]
)
