// swift-tools-version:6.0
// A side package for bench/metrics-csv-libraries.sh: the same CSV task done with
// loysite's hand-written reader (Sources/csvbench/CSVReader.swift is a link to the real
// file) and with two CSV libraries, to decide by measurement whether a dependency pays.
// Not part of loysite's build.
import PackageDescription

let package = Package(
    name: "csvbench",
    dependencies: [
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "csvbench",
            dependencies: [
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ]
)
