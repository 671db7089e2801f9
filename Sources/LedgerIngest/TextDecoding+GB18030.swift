#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LedgerModel

extension TextDecoding {
    /// Converts GB18030 bytes (a superset of GBK and GB2312) to UTF-8 in one pass.
    ///
    /// One pass of `convertGB18030(_:into:)` and one allocation. The output buffer is sized for
    /// the worst case (`utf8Capacity`), so the conversion never has to stop and resume. A
    /// leading GB18030 byte order mark (`84 31 95 33`) is dropped like a UTF-8 one.
    /// - Throws: `IngestError` with the line of the first byte that is not GB18030, or of a
    ///   character cut off by the end of the file.
    package static func convertGB18030(_ bytes: [UInt8], file: String) throws -> [UInt8] {
        var part = GB18030Part()
        var output = [UInt8](unsafeUninitializedCapacity: utf8Capacity(bytes.count)) { out, initialized in
            part = bytes.withUnsafeBufferPointer { convertGB18030($0, into: out) }
            initialized = part.written
        }
        try bytes.withUnsafeBufferPointer { try check([part], starts: [0], of: $0, file: file) }
        if output.count >= 3 && output[0] == 0xEF && output[1] == 0xBB && output[2] == 0xBF {
            output.removeFirst(3)
        }
        return output
    }

    /// `convertGB18030(_:file:)` of a mapped file, on every core: the file is split after line
    /// feeds (no GB18030 character holds the byte 0x0A, and one that would end in it is as
    /// wrong in a part as in the whole), the parts are converted at once on `pool`, each into
    /// its own region of one anonymous mapping, and the regions moved together. Each part's
    /// file pages are handed back once it is converted, so the file is never resident whole
    /// beside its text. `then` gets the text, or the error of the first part that failed,
    /// which is the whole file's (a NUL byte anywhere first, as `decode` reports it).
    /// - Parameter partSize: bytes per part (default: a few parts per worker, at least 1 MB).
    static func convertGB18030(_ source: FileMapping, file: String, on pool: WorkPool, partSize: Int? = nil,
                               then: @escaping (Result<FileMapping, any Error>) -> Void) {
        let bytes = source.buffer
        let bounds = CSVReader.lineBounds(bytes, size: partSize ?? max(1 << 20, bytes.count / (pool.workers * 4)))
        let partCount = bounds.count - 1
        var regions = [0]
        for index in 0..<partCount { regions.append(regions[index] + utf8Capacity(bounds[index + 1] - bounds[index])) }
        guard let output = FileMapping(anonymous: regions[partCount]) else {
            then(.failure(IngestError(file: file, problem: "There is not enough memory to decode this GB18030 file.",
                                      hint: "Free memory, or save the file as UTF-8, which is read without a copy.")))
            return
        }
        let parts = GB18030Parts(count: partCount)
        let writable = output.writable
        for index in 0..<partCount {
            pool.submit {
                let range = bounds[index]..<bounds[index + 1]
                source.populate(range)
                let input = UnsafeBufferPointer(rebasing: bytes[range])
                var part = GB18030Part()
                if let nul = memchr(input.baseAddress!, 0, input.count) {
                    part.nul = UnsafeRawPointer(input.baseAddress!).distance(to: UnsafeRawPointer(nul))
                } else {
                    part = convertGB18030(input, into: UnsafeMutableBufferPointer(rebasing: writable[regions[index]..<regions[index + 1]]))
                }
                source.release(range)
                guard let all = parts.add(part, at: index) else { return }
                then(Result {
                    try check(all, starts: Array(bounds.dropLast()), of: bytes, file: file)
                    // Move the parts together, dropping a leading byte order mark.
                    let base = writable.baseAddress!
                    var end = 0
                    for (index, part) in all.enumerated() {
                        var from = regions[index], count = part.written
                        if index == 0, count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
                            from += 3
                            count -= 3
                        }
                        if from != end { memmove(base + end, base + from, count) }
                        end += count
                        // The part's pages past the text moved so far are written again only if
                        // later parts reach them: hand them back now, not at `truncate`.
                        output.discard(max(end, from)..<(from + count))
                    }
                    output.truncate(to: end)
                    return output
                })
            }
        }
    }

    /// UTF-8 bytes that `count` bytes of GB18030 may become: twice as many (plus room for the
    /// converter's word-sized stores). Most two-byte characters become three UTF-8 bytes, but
    /// six (FE51 FE52 FE53 FE6C FE76 FE91, CJK ideographs beyond the BMP in GB18030-2005)
    /// become four; one- and four-byte characters never grow. Pages never written cost
    /// nothing, so the worst case costs address space, not memory.
    static func utf8Capacity(_ count: Int) -> Int { count * 2 + 16 }

    /// A part of a GB18030 file converted: how many UTF-8 bytes it made, or where (in the part)
    /// and why `iconv` stopped, or that this system's `iconv` has no GB18030.
    struct GB18030Part {
        var written = 0
        /// A NUL byte (in the part), found before converting: binary data, not text.
        var nul: Int?
        var failure: (offset: Int, code: Int32)?
        var unavailable = false
    }

    /// Parts converted so far, in order.
    private final class GB18030Parts: @unchecked Sendable {
        // Unchecked: every property is touched under `lock`.
        private let lock = NSLock()
        private var parts: [GB18030Part]
        private var remaining: Int

        init(count: Int) {
            parts = Array(repeating: GB18030Part(), count: count)
            remaining = count
        }

        /// Keeps a part; returns them all once the last is in.
        func add(_ part: GB18030Part, at index: Int) -> [GB18030Part]? {
            lock.lock()
            defer { lock.unlock() }
            parts[index] = part
            remaining -= 1
            return remaining == 0 ? parts : nil
        }
    }

    /// Throws the error of the first part (starting at `starts` in `bytes`) that failed.
    static func check(_ parts: [GB18030Part], starts: [Int], of bytes: UnsafeBufferPointer<UInt8>, file: String) throws {
        for (part, start) in zip(parts, starts) {
            if let nul = part.nul { throw nulError(at: start + nul, in: bytes, file: file) }
        }
        for (index, (part, start)) in zip(parts, starts).enumerated() {
            if part.unavailable {
                throw IngestError(
                    file: file, line: nil,
                    problem: "the file is not valid UTF-8, and this system's iconv cannot decode GB18030 to try that encoding.",
                    hint: "Save the file as UTF-8."
                )
            }
            if let failure = part.failure {
                // A part other than the last ends after a line feed, which no GB18030 character
                // holds: a character cut off there is one the whole file has a wrong byte in
                // (`iconv` waits for a four-byte character's fourth byte before it checks the
                // third), as one call over the whole reports it.
                let code = failure.code == EINVAL && index < parts.count - 1 ? EILSEQ : failure.code
                throw gb18030Error(at: start + failure.offset, code: code, in: bytes, file: file)
            }
        }
    }

    private static func gb18030Error(at offset: Int, code: Int32, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> IngestError {
        // A file read further as UTF-8 than as GB18030 is UTF-8 with a bad byte: point at that
        // byte, not at the first UTF-8 character GB18030 could not read.
        if let bad = firstInvalidUTF8(in: bytes), bad > offset {
            let byte = String(bytes[bad], radix: 16, uppercase: true)
            return IngestError(
                file: file, line: lineNumber(at: bad, in: bytes),
                problem: "byte 0x\(byte) is not valid UTF-8, though the text before it is, and the file is not GB18030 either.",
                hint: "Save the file as UTF-8; the bytes there may have been damaged while copying."
            )
        }
        let line = lineNumber(at: offset, in: bytes)
        switch code {
        case EINVAL:
            return IngestError(
                file: file, line: line,
                problem: "the file ends in the middle of a character: it is neither valid UTF-8 nor complete GB18030.",
                hint: "Save the file as UTF-8 or GB18030; it may have been cut off while copying."
            )
        case EILSEQ:
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            return IngestError(
                file: file, line: line,
                problem: "byte 0x\(byte) is neither valid UTF-8 nor valid GB18030, so the file's encoding is unknown.",
                hint: "Save the file as UTF-8 or GB18030."
            )
        default:
            return IngestError(
                file: file, line: line,
                problem: "the file could not be converted from GB18030 (iconv error \(code)).",
                hint: "Save the file as UTF-8."
            )
        }
    }
}
