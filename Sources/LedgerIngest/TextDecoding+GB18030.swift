#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LedgerModel

extension TextDecoding {
    /// Converts GB18030 bytes (a superset of GBK and GB2312) to UTF-8 with one bulk `iconv` call.
    ///
    /// glibc's converter is table-driven C and is given the whole buffer at once, so the cost is
    /// one pass and one allocation. The output buffer is sized for the worst case (a two-byte
    /// GB18030 character becomes at most three UTF-8 bytes; one- and four-byte characters never
    /// grow), so the conversion never has to stop and resume. A leading GB18030 byte order mark
    /// (`84 31 95 33`) is dropped like a UTF-8 one.
    /// - Throws: `IngestError` with the line of the first byte that is not GB18030, or of a
    ///   character cut off by the end of the file.
    static func convertGB18030(_ bytes: [UInt8], file: String) throws -> [UInt8] {
        let converter = iconv_open("UTF-8", "GB18030")
        guard Int(bitPattern: converter) != -1 else {
            throw IngestError(
                file: file, line: nil,
                problem: "the file is not valid UTF-8, and this system's iconv cannot decode GB18030 to try that encoding.",
                hint: "Save the file as UTF-8."
            )
        }
        defer { iconv_close(converter) }

        let capacity = bytes.count / 2 * 3 + 16
        var failure: (offset: Int, code: Int32)?
        var output = [UInt8](unsafeUninitializedCapacity: capacity) { outBuffer, initializedCount in
            initializedCount = 0
            bytes.withUnsafeBufferPointer { inBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                // iconv takes `char **` for its input but does not write through it.
                let inStart = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
                var inPointer: UnsafeMutablePointer<CChar>? = inStart
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 {
                    failure = (inStart.distance(to: inPointer ?? inStart), errno)
                } else {
                    _ = iconv(converter, nil, nil, &outPointer, &outLeft)
                }
                initializedCount = outBuffer.count - outLeft
            }
        }
        if let failure {
            let line = lineNumber(at: failure.offset, in: bytes)
            switch failure.code {
            case EINVAL:
                throw IngestError(
                    file: file, line: line,
                    problem: "the file ends in the middle of a character: it is neither valid UTF-8 nor complete GB18030.",
                    hint: "Save the file as UTF-8 or GB18030; it may have been cut off while copying."
                )
            case EILSEQ:
                let byte = String(bytes[failure.offset], radix: 16, uppercase: true)
                throw IngestError(
                    file: file, line: line,
                    problem: "byte 0x\(byte) is neither valid UTF-8 nor valid GB18030, so the file's encoding is unknown.",
                    hint: "Save the file as UTF-8 or GB18030."
                )
            default:
                throw IngestError(
                    file: file, line: line,
                    problem: "the file could not be converted from GB18030 (iconv error \(failure.code)).",
                    hint: "Save the file as UTF-8."
                )
            }
        }
        if output.count >= 3 && output[0] == 0xEF && output[1] == 0xBB && output[2] == 0xBF {
            output.removeFirst(3)
        }
        return output
    }
}
