// swift-tools-version:6.0
import PackageDescription

// Module layout (bottom to top):
//   LoysiteSupport  diagnostics, escaping, JSON writing, slugs: shared by every layer
//   LoysiteMetrics  pure functions from typed rows to loyalty figures (CNLopt: the
//                   optimiser of the lifetime-value fits)
//   LoysiteCharts   pure functions from tables to SVG
//   LoysiteContent  loading and validating content/: site.yml, pages, datasets
//   LoysiteRender   libcmark (CCmark) + Mustache templates -> HTML; knows no charts or
//                   metrics (its directive hook is given a renderer by the build)
//   LoysiteReports  what is drawn and reported from the datasets: the chart and metric
//                   blocks, metrics.json, the `loysite metrics` summary, site.yml alerts
//   LoysiteBuild    the build pipeline: load, link, compute, render, write atomically
//   LoysiteServe    `loysite serve`: a small HTTP/1.1 server (POSIX sockets, no
//                   dependency), file watching, live reload
//   loysite         the command-line interface (thin)
//
// The product is the command. The modules reach each other through `package`
// declarations: none of them is a library with a public API to keep stable, so nothing
// is `public` and the compiler, not a comment, keeps the seams inside this package.
let package = Package(
    name: "loysite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "loysite", targets: ["loysite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // TOML front matter (`+++`, Hugo's and Zola's default): toml++ behind a Swift API.
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // Test-only: property-based testing on top of Swift Testing.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // Test-only: the reference Mustache implementation loysite's own engine is checked
        // against (TemplateOracleTests); the build itself does not link it.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // NLopt: the maximum-likelihood fits of the customer-lifetime-value models (CLVFit).
        .systemLibrary(
            name: "CNLopt",
            pkgConfig: "nlopt",
            providers: [.apt(["libnlopt-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE): swaps the new site in atomically (see OutputWriter).
        .target(name: "CDirectorySwap"),
        .target(name: "LoysiteSupport"),
        .target(name: "LoysiteMetrics", dependencies: ["LoysiteSupport", "CNLopt"]),
        .target(name: "LoysiteCharts", dependencies: ["LoysiteSupport"]),
        .target(
            name: "LoysiteContent",
            dependencies: [
                "LoysiteSupport", "LoysiteMetrics", .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(name: "LoysiteRender", dependencies: ["CCmark", "LoysiteSupport", "LoysiteContent"]),
        .target(
            name: "LoysiteReports",
            dependencies: ["LoysiteSupport", "LoysiteMetrics", "LoysiteCharts", "LoysiteContent", "LoysiteRender"]
        ),
        .target(
            name: "LoysiteBuild",
            dependencies: ["CDirectorySwap", "LoysiteSupport", "LoysiteContent", "LoysiteMetrics", "LoysiteRender", "LoysiteReports"]
        ),
        .target(name: "LoysiteServe", dependencies: ["LoysiteSupport", "LoysiteBuild"]),
        .executableTarget(
            name: "loysite",
            dependencies: [
                "LoysiteSupport", "LoysiteMetrics", "LoysiteContent", "LoysiteReports", "LoysiteBuild", "LoysiteServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: jemalloc
        ),
        // bench/site-incremental.sh: times incremental rebuilds of a BuildSession.
        .executableTarget(name: "IncrementalBench", dependencies: ["LoysiteBuild"], path: "bench/incremental", linkerSettings: jemalloc),
        // Helpers shared by the test targets: temporary site roots, running the binary.
        .target(name: "LoysiteTesting", path: "Tests/LoysiteTesting"),
        .testTarget(name: "LoysiteSupportTests", dependencies: ["LoysiteSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "LoysiteMetricsTests", dependencies: ["LoysiteMetrics", "LoysiteSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "LoysiteChartsTests", dependencies: ["LoysiteCharts", "LoysiteSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "LoysiteContentTests", dependencies: [
            "LoysiteContent", "LoysiteMetrics", "LoysiteSupport", "LoysiteTesting",
            .product(name: "PropertyBased", package: "swift-property-based"), .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "LoysiteRenderTests", dependencies: [
            "LoysiteRender", "LoysiteContent", "LoysiteSupport", "LoysiteTesting",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "LoysiteReportsTests", dependencies: ["LoysiteReports", "LoysiteSupport", "LoysiteContent", "LoysiteMetrics", "LoysiteRender", "LoysiteTesting"]),
        .testTarget(name: "LoysiteBuildTests", dependencies: ["LoysiteBuild", "LoysiteSupport", "LoysiteTesting"]),
        .testTarget(name: "LoysiteServeTests", dependencies: ["LoysiteServe", "LoysiteBuild", "LoysiteTesting"]),
        // Runs the real `loysite` binary on temporary folders.
        .testTarget(name: "LoysiteCLITests", dependencies: ["loysite", "LoysiteTesting", .product(name: "Yams", package: "Yams")]),
    ]
)

/// The binaries allocate with jemalloc on Linux (apt `libjemalloc-dev`). A build makes
/// millions of small strings and arrays on both cores at once; with glibc's allocator
/// the 10,000-term benchmark build (bench/site.sh) took about 10% more wall time
/// (alternating runs of the same build with and without it).
var jemalloc: [LinkerSetting] { [.linkedLibrary("jemalloc", .when(platforms: [.linux]))] }
