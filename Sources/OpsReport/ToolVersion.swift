/// The tool's version. Recorded with every converted file so that a batch re-run skips files
/// converted by the same build of the extraction code and converts again those converted by
/// another.
///
/// `current` is `release+fingerprint`, e.g. `0.2.0+3f2a9c01d4e5b6a7`: the release number and a
/// hash of the extraction code's source files (`PDFLayout`, `TableLayout`, `OCR`, `OpsReport`,
/// `Reconcile`, the poppler and Tesseract shims, and the `opsreport` files that shape `extract`'s
/// output: `fingerprintFiles`), made at build time by the `BuildFingerprintPlugin` build-tool
/// plugin. A build from changed extraction code therefore has another version, and reconverts.
public enum ToolVersion {
    /// The release number (semantic versioning).
    public static let release = "0.2.0"
    /// FNV-1a 64-bit hash of the extraction code's sources, 16 hex digits (see `BuildFingerprintTool`).
    #if FUZZING
    public static let fingerprint = "fuzz"
    #else
    public static let fingerprint = buildFingerprint
    #endif
    /// The source files hashed into `fingerprint`, relative to the package root, sorted (empty
    /// in the fuzz build).
    #if FUZZING
    public static let fingerprintFiles: [String] = []
    #else
    public static let fingerprintFiles = buildFingerprintFiles
    #endif
    /// `release+fingerprint`.
    public static let current = "\(release)+\(fingerprint)"
}
