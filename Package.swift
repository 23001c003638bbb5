// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "OpsReport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "opsreport", targets: ["opsreport"]),
        .library(name: "OpsReportKit", targets: ["PDFLayout", "TableLayout", "OpsReport", "Reconcile", "Archive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .target(name: "PDFLayout", dependencies: ["CPoppler"]),
        .target(name: "TableLayout", dependencies: ["PDFLayout"]),
        .target(name: "OpsReport", dependencies: ["PDFLayout", "TableLayout"]),
        .target(name: "Reconcile", dependencies: ["OpsReport"]),
        .target(name: "Archive", dependencies: [
            "PDFLayout", "OpsReport", "Reconcile",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "opsreport", dependencies: [
            "PDFLayout", "TableLayout", "OpsReport", "Reconcile", "Archive",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Fuzz target (libFuzzer with scripts/fuzz.sh; a replay tool otherwise).
        .executableTarget(name: "OpsReportFuzz", dependencies: ["PDFLayout", "OpsReport", "Reconcile"]),
        .testTarget(name: "OpsReportTests", dependencies: ["PDFLayout", "TableLayout", "OpsReport", "Reconcile", "Archive"],
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("BareSlashRegexLiterals")]
}

