import Foundation

/// A fresh folder under the temp directory for one fuzz input, removed when dropped.
///
/// One per call rather than one per process, so regression tests may run targets in parallel;
/// `mkdtemp` and the removal cost tens of microseconds, small beside the parse.
final class ScratchFolder {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "/portrait-fuzz-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fatalError("cannot create a scratch folder in \(NSTemporaryDirectory())")  // the harness, not user data
        }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` at `name` (a plain file name) and returns the full path.
    ///
    /// Plain `open`/`write`: `FileManager.createFile` writes atomically with an `fsync`, which
    /// made each input wait milliseconds on the disk and the fuzzer ten times slower.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("cannot create \(file)") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let wrote = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard wrote > 0 else { fatalError("cannot write \(file)") }
            done += wrote
        }
        return file
    }
}
