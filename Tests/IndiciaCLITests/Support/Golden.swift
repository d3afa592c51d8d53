import Foundation
import Testing

/// Whole-output goldens for the CLI tests, kept in `Fixtures/goldens/` beside this target's sources:
/// the same mechanism as the engine tests' `Fixtures.assertGolden`. `RECORD_GOLDENS=1` rewrites the
/// golden in the source tree and fails the test, so a recording is never mistaken for a pass; a
/// missing golden fails and says how to record it.
enum Golden {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/goldens").path
    }

    /// Compares `actual` with the golden file `relative` (under `Fixtures/goldens/`).
    static func assert(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = root + "/" + relative
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record("recorded golden \(relative); run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no golden \(relative); record it with RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(expected == actual, "golden \(relative) differs (RECORD_GOLDENS=1 re-records it)", sourceLocation: sourceLocation)
    }
}
