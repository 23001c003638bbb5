import XCTest
import OpsReport

/// Damaged files never crash or hang `opsreport extract`: truncated and byte-corrupted copies of
/// corpus reports (a fixed pseudo-random sequence, so every run tests the same files) each end
/// with success or one of the documented error statuses, within a time limit.
final class RobustnessTests: XCTestCase {
    /// A small linear congruential generator (deterministic across platforms).
    struct LCG { var state: UInt64; mutating func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) } }

    func testCorruptedReportsNeverCrash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = LCG(state: 2017)
        var files: [String] = []
        for stem in ["2017-01-operations-report", "2017-02-operations-report"] {
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.pdf(stem))))
            for k in 0..<12 {
                var b = original
                switch k % 3 {
                case 0: b = Array(b.prefix(100 + rng.next(b.count - 100)))                       // truncated
                case 1: for _ in 0..<60 { b[rng.next(b.count)] = UInt8(rng.next(256)) }           // flipped bytes
                default: let i = rng.next(b.count - 3000); for j in i..<(i + 2000) { b[j] = UInt8(rng.next(256)) } // a damaged run
                }
                let path = dir.appendingPathComponent("\(stem)-\(k).pdf").path
                try Data(b).write(to: URL(fileURLWithPath: path))
                files.append(path)
            }
        }
        let documented: Set<Int32> = [0, 10, 11, 12, 13, 14, 15, 16, 17, 18]
        var statuses: [Int32: Int] = [:]
        for f in files {
            let r = try CLI.run("/usr/bin/timeout", ["60", CLI.executable.path, "extract", f, "-o", f + ".json"])
            statuses[r.status, default: 0] += 1
            XCTAssertTrue(documented.contains(r.status), "\(f): exit \(r.status) \(r.stderr.prefix(300))")
            if r.status != 0 { XCTAssertFalse(r.stderr.isEmpty, "\(f): a failure says why") }
            if r.status == 0 { XCTAssertNoThrow(try ReportCoding.decode(Data(contentsOf: URL(fileURLWithPath: f + ".json")))) }
        }
        print("corrupted copies: \(files.count), exit statuses: \(statuses.sorted { $0.key < $1.key })")
        XCTAssertEqual(files.count, 24)
    }
}
