#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 to UTF-8 with one bulk call of glibc's `iconv`, as `TextDecoding` converted it before
/// its table of pairs: the candidate the hand-written converter is measured against.
enum IconvGB18030 {
    static func convert(_ input: [UInt8]) -> [UInt8] {
        bulk(input, from: "GB18030", to: "UTF-8", capacity: input.count * 2 + 16)
    }

    /// UTF-8 text in GB18030, by `iconv` the other way.
    static func encode(_ utf8: [UInt8]) -> [UInt8] {
        bulk(utf8, from: "UTF-8", to: "GB18030", capacity: utf8.count * 2 + 16)
    }

    /// One `iconv` call over the whole input into `capacity` bytes, which must hold the result.
    private static func bulk(_ input: [UInt8], from source: String, to target: String, capacity: Int) -> [UInt8] {
        let converter = iconv_open(target, source)
        precondition(Int(bitPattern: converter) != -1, "this system's iconv has no GB18030")
        defer { iconv_close(converter) }
        var input = input
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
            input.withUnsafeMutableBufferPointer { input in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = input.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = output.count
                precondition(iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, "not \(source)")
                count = output.count - outLeft
            }
        }
    }
}
