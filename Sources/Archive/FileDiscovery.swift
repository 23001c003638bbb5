import Foundation
import PDFLayout
import OpsReport

/// Finds the PDFs of an archive folder.
public enum FileDiscovery {
    /// The PDFs `scan(_:excluding:followSymlinks:)` finds under `root` (links not leaving it).
    /// - Throws: `BatchError.inputNotFound` when `root` is not a folder.
    public static func pdfs(under root: String, excluding: [String] = []) throws -> [String] {
        try scan(root, excluding: excluding).pdfs
    }

    /// `path` relative to `root` (`bad/empty.pdf`), or `path` itself when it is not under `root`.
    public static func relativeName(of path: String, under root: String) -> String {
        let r = URL(fileURLWithPath: root).standardizedFileURL.path
        let prefix = r.hasSuffix("/") ? r : r + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Where the JSON of the PDF called `name` goes: `outDir/<name without .pdf>.json`, each
    /// component shortened with a hash when too long for the file system (`FileNames`).
    public static func jsonPath(forName name: String, in outDir: String) -> String {
        URL(fileURLWithPath: outDir).appendingPathComponent(FileNames.jsonRelativePath(forPDF: name)).path
    }

    /// Where the JSON of each of the PDFs `files` (absolute paths under `root`) goes, keyed by
    /// file: as `jsonPath(forName:in:)`, except that names whose JSON paths would be the same
    /// (`a.pdf`, `a.PDF`) get distinct ones (`FileNames.jsonRelativePaths(forPDFs:)`).
    public static func jsonPaths(for files: [String], under root: String, in outDir: String) -> [String: String] {
        let names = files.map { relativeName(of: $0, under: root) }
        let base = URL(fileURLWithPath: outDir)
        return Dictionary(zip(files, FileNames.jsonRelativePaths(forPDFs: names).map { base.appendingPathComponent($0).path }),
                          uniquingKeysWith: { a, _ in a })
    }
}

/// A failure that stops a whole batch (exit status 4).
public enum BatchError: Error, CustomStringConvertible {
    /// The input folder does not exist or is not a folder.
    case inputNotFound(String)
    /// The worker executable cannot be found.
    case workerNotFound(String)
    /// A file-system operation on the output folder failed.
    case output(String, underlying: String)
    /// The folder holds no PDF file.
    case noPDFs(String)
    /// The database file (or its folder, or its lock file) cannot be created or opened.
    case database(String, underlying: String)
    /// Another batch holds the database's lock.
    case databaseBusy(String)
    /// Another batch holds the output folder's lock.
    case outputBusy(String)
    /// An output (the database, a CSV file) is one of the input PDFs (same device and inode).
    case outputIsInput(output: String, input: String)

    public var description: String {
        switch self {
        case .inputNotFound(let p): return "\(p): no such folder. Give the folder that holds the report PDFs."
        case .workerNotFound(let p): return "\(p): the worker executable cannot be run."
        case let .output(p, u): return "\(p): cannot write the output (\(u))."
        case .noPDFs(let p): return "no PDF files found under \(p). Give the folder that holds the report PDFs (files ending in .pdf; hidden folders are skipped)."
        case let .database(p, u):
            return "\(p): cannot open the database (\(u)). Check that its folder exists and is writable, or choose another file with --db."
        case .databaseBusy(let p):
            return "\(p): another batch is using this database. Wait for it to finish, or give this run another database with --db."
        case .outputBusy(let p):
            return "\(p): another batch is writing into this output folder. Wait for it to finish, or give this run another folder with -o."
        case let .outputIsInput(o, i):
            return "\(MessageText.quoted(o)) is the input file \(MessageText.quoted(i)) (the same device and inode); nothing was written. Choose another --db or --csv path."
        }
    }
}
