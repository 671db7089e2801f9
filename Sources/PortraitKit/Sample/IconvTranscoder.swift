import Glibc

/// Converts byte chunks between encodings with glibc iconv.
///
/// Used to write GB18030 sample files from UTF-8 chunks; callers must cut chunks at character
/// boundaries (the table writer flushes only between records), since no state is kept between
/// calls beyond iconv's own.
final class IconvTranscoder {
    private let descriptor: iconv_t
    private let target: String

    init(from source: String, to target: String) throws {
        let cd = iconv_open(target, source)
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw SampleError.encodingUnavailable(target)
        }
        self.descriptor = cd
        self.target = target
    }

    deinit { iconv_close(descriptor) }

    /// Returns `input` converted; throws when a byte sequence cannot be converted.
    func convert(_ input: [UInt8]) throws -> [UInt8] {
        if input.isEmpty { return [] }
        var source = input
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let outputCapacity = output.count
        let written: Int = try source.withUnsafeMutableBufferPointer { inBuffer in
            try output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outputCapacity
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 {
                    throw SampleError.encodingUnavailable(target)
                }
                return outputCapacity - outLeft
            }
        }
        output.removeSubrange(written...)
        return output
    }
}
