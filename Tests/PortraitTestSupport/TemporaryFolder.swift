import Foundation

/// A fresh folder under the system temp directory, removed when the test drops it.
package final class TemporaryFolder: @unchecked Sendable {
    package let path: String

    package init(_ name: String = "portrait-test") {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/" + name + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` as UTF-8 at `name` (folders created), returning the full path.
    @discardableResult
    package func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    package func write(_ name: String, bytes: [UInt8]) -> String {
        let file = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: file, contents: Data(bytes)), "could not write \(file)")
        return file
    }

    package func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    package func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + name)
    }
}

/// Converts UTF-8 text to GB18030 with the system's `iconv`, as Excel in Chinese locales writes.
///
/// The text goes through a file, not a pipe: `iconv` writes as it reads, so a text larger than
/// a pipe's buffer would block both ends.
package func gb18030(_ text: String) -> [UInt8] {
    let folder = TemporaryFolder("gb18030")
    folder.write("utf8.txt", text)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "GB18030", folder.path + "/utf8.txt"]
    let output = Pipe()
    process.standardOutput = output
    try! process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}

/// The folder holding the test fixtures, found from this file's path.
package let fixturesDirectory: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path
}()

/// The package's root folder.
package let packageRoot: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}()
