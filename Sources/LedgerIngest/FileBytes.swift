import Foundation

/// Reads a whole file into memory with one allocation and `read(2)` calls.
///
/// `Data(contentsOf:)` followed by a copy to `[UInt8]` would hold the file twice.
enum FileBytes {
    static func read(_ path: String, name: String) throws -> [UInt8] {
        // Not blocking: a pipe (or a device) opens at once and is refused below, where a
        // blocking open would wait for a writer for ever. A regular file reads the same.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            throw IngestError(file: name, problem: "The file cannot be opened (\(String(cString: strerror(errno)))).",
                              hint: "Check that it exists and is readable.")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw IngestError(file: name, problem: "This is not a regular file.", hint: "Point the table at a CSV or XML file.")
        }
        let size = Int(info.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = Glibc.read(fd, buffer.baseAddress! + done, size - done)
                if got < 0 { if errno == EINTR { continue }; failure = errno; break }
                if got == 0 { break }
                done += got
            }
            count = done
        }
        if failure != 0 {
            throw IngestError(file: name, problem: "The file cannot be read (\(String(cString: strerror(failure)))).",
                              hint: "Check the disk and the file's permissions.")
        }
        return bytes
    }

    /// Line feeds in `bytes` (plus one for a last line without one), by `memchr`.
    static func countLines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer(countLines)
    }

    static func countLines(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        do {
            guard var cursor = UnsafeRawPointer(buffer.baseAddress) else { return 0 }
            let end = cursor + buffer.count
            var count = 0
            while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
                count += 1
                cursor = UnsafeRawPointer(found) + 1
            }
            return count + (cursor < end ? 1 : 0)
        }
    }
}
