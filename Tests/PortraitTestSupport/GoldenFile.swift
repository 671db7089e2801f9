import Foundation
import Testing

/// Compares `text` with a stored golden file, recording it when missing or asked to.
///
/// When the file does not exist, or the environment has `RECORD_GOLDEN=1`, the text is written
/// and the test *fails* with a note saying so: a re-recording run can never pass silently, so a
/// changed snapshot is always looked at before it is committed (argument-parser's
/// `assertSnapshot` habit). Otherwise a mismatch reports the first differing line with both
/// versions and the column where they part.
///
/// - Parameters:
///   - text: the actual output.
///   - name: the file name inside `directory`, with extension (e.g. `bar-vertical.svg`).
///   - directory: where golden files live; by default `__Snapshots__` next to the calling test file.
package func assertGolden(
    _ text: String,
    named name: String,
    in directory: String? = nil,
    filePath: String = #filePath,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let folder = directory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__", isDirectory: true)
    let file = folder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    let existing = try? String(contentsOf: file, encoding: .utf8)

    if recording || existing == nil {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
            let why = recording ? "RECORD_GOLDEN=1 is set" : "it did not exist"
            Issue.record("Recorded golden file \(file.path) because \(why); check it, then run again without RECORD_GOLDEN.",
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not write golden file \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = existing, expected != text else { return }
    Issue.record(Comment(rawValue: goldenMismatch(expected: expected, actual: text, file: file.path)), sourceLocation: sourceLocation)
}

/// Describes where `actual` first departs from `expected`: line, column and both lines.
func goldenMismatch(expected: String, actual: String, file: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var line = 0
    while line < expectedLines.count, line < actualLines.count, expectedLines[line] == actualLines[line] { line += 1 }
    let want = line < expectedLines.count ? String(expectedLines[line]) : "<end of file>"
    let got = line < actualLines.count ? String(actualLines[line]) : "<end of file>"
    let column = zip(want, got).prefix { $0 == $1 }.count + 1
    return """
        Output differs from golden file \(file) at line \(line + 1), column \(column) \
        (set RECORD_GOLDEN=1 to re-record):
          expected: \(clip(want, around: column))
            actual: \(clip(got, around: column))
        """
}

/// A window of about 120 characters of `line` around `column`, so huge one-line files stay readable.
private func clip(_ line: String, around column: Int) -> String {
    guard line.count > 120 else { return line }
    let start = max(0, column - 40)
    let slice = line.dropFirst(start).prefix(120)
    return (start > 0 ? "…" : "") + slice + (start + 120 < line.count ? "…" : "")
}
