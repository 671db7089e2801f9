import Foundation
import Testing
@testable import PortraitTestSupport

@Suite("Golden files")
struct GoldenFileTests {
    @Test("A missing golden file is recorded and the test fails; the next run passes")
    func recordsThenCompares() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        withKnownIssue("recording must fail the test") {
            assertGolden("line one\nline two\n", named: "sample.txt", in: folder)
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/sample.txt"))
        assertGolden("line one\nline two\n", named: "sample.txt", in: folder)
        withKnownIssue("a different text must fail") {
            assertGolden("line one\nline 2\n", named: "sample.txt", in: folder)
        }
    }

    @Test("A mismatch names the first differing line and column")
    func mismatchMessage() {
        let message = goldenMismatch(expected: "a\nbcd\ne", actual: "a\nbXd\ne", file: "f.svg")
        #expect(message.contains("f.svg at line 2, column 2"))
        #expect(message.contains("expected: bcd"))
        #expect(message.contains("actual: bXd"))
    }

    @Test("A missing trailing line is reported as end of file")
    func shorterOutput() {
        let message = goldenMismatch(expected: "a\nb", actual: "a", file: "f")
        #expect(message.contains("line 2") && message.contains("actual: <end of file>"))
    }
}
