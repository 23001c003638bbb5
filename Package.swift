// swift-tools-version:6.0
import PackageDescription

// The fuzz build (scripts/fuzz.sh) compiles every target with -sanitize=fuzzer, which a build-tool
// executable cannot link: it goes without the fingerprint plugin (`ToolVersion` then says "fuzz").
let fuzzBuild = Context.environment["OPSREPORT_FUZZ_BUILD"] != nil
// The test script (scripts/test.sh) optimises the pixel and layout modules of its debug build
// (`-O`, still testable): the scan tests spend minutes in their loops unoptimised. Only set by
// that script, so a package depending on this one never sees unsafe flags.
let optimisedDebug = Context.environment["OPSREPORT_OPTIMISED_DEBUG"] != nil

let package = Package(
    name: "OpsReport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "opsreport", targets: ["opsreport"]),
        .library(name: "OpsReportKit", targets: ["PDFLayout", "OCR", "TableLayout", "OpsReport", "TableExport", "Reconcile", "Archive", "Audit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // libtesseract and libxlsxwriter are loaded at first use (dlopen), not linked: start-up
        // does not pay for them and their dependencies. Headers: apt `libtesseract-dev`,
        // `libxlsxwriter-dev`; at run time `libtesseract5 tesseract-ocr-eng` for scans and
        // `libxlsxwriter4` for xlsx output.
        .target(name: "CTesseract"),
        .target(name: "CXLSXWriter"),
        .target(name: "PDFLayout", dependencies: ["CPoppler"]),
        .target(name: "OCR", dependencies: ["PDFLayout", "CTesseract"]),
        .target(name: "TableLayout", dependencies: ["PDFLayout"]),
        .target(name: "OpsReport", dependencies: ["PDFLayout", "TableLayout", "OCR"], plugins: fuzzBuild ? [] : ["BuildFingerprintPlugin"]),
        // The build fingerprint: a hash of the extraction code's sources, made at build time, so
        // that a build with changed extraction code has another `ToolVersion.current`.
        .executableTarget(name: "BuildFingerprintTool", path: "Plugins/BuildFingerprintTool"),
        .plugin(name: "BuildFingerprintPlugin", capability: .buildTool(), dependencies: ["BuildFingerprintTool"]),
        .target(name: "TableExport", dependencies: [
            "TableLayout", "CXLSXWriter", .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "Reconcile", dependencies: ["OpsReport"]),
        .target(name: "Archive", dependencies: [
            "PDFLayout", "OpsReport", "Reconcile", "TableExport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Audit", dependencies: [
            "PDFLayout", "OpsReport", "Archive",
            .product(name: "Plot", package: "Plot"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .executableTarget(name: "opsreport", dependencies: [
            "PDFLayout", "OCR", "TableLayout", "TableExport", "OpsReport", "Reconcile", "Archive", "Audit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Fuzz target (libFuzzer with scripts/fuzz.sh; a replay tool otherwise).
        .executableTarget(name: "OpsReportFuzz", dependencies: ["PDFLayout", "OpsReport", "Reconcile"]),
        .testTarget(name: "OpsReportTests", dependencies: ["CPoppler", "PDFLayout", "OCR", "TableLayout", "TableExport", "OpsReport", "Reconcile", "Archive", "Audit",
                                                         .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)

for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("BareSlashRegexLiterals")]
    if optimisedDebug && !fuzzBuild && ["PDFLayout", "OCR", "TableLayout"].contains(target.name) {
        target.swiftSettings! += [.unsafeFlags(["-O"], .when(configuration: .debug))]
    }
}

