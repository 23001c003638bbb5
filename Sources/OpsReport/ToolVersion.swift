/// The tool's version. Recorded with every converted file so that a batch re-run skips files
/// converted by the same version and redoes those converted by another.
public enum ToolVersion {
    public static let current = "0.1.0"
}
