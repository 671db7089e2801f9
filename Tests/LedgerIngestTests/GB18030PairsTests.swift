#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortraitTestSupport
import Testing
@testable import LedgerIngest

/// What one bulk `iconv` call makes of `input`: the converter `convertGB18030(_:into:)` must
/// agree with, byte for byte and error for error.
private func iconvReference(_ input: [UInt8]) -> (output: [UInt8], failure: (offset: Int, code: Int32)?) {
    let converter = iconv_open("UTF-8", "GB18030")
    precondition(Int(bitPattern: converter) != -1, "this system's iconv has no GB18030")
    defer { iconv_close(converter) }
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    var failure: (offset: Int, code: Int32)?
    var input = input
    let written = input.withUnsafeMutableBufferPointer { input in
        output.withUnsafeMutableBufferPointer { output in
            let start = UnsafeMutableRawPointer(input.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inPointer: UnsafeMutablePointer<CChar>? = start
            var inLeft = input.count
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = output.count
            if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                failure = (start.distance(to: inPointer!), errno)
            }
            return output.count - outLeft
        }
    }
    return (Array(output[..<written]), failure)
}

/// What `convertGB18030(_:into:)` makes of `input`, in the same shape.
private func converted(_ input: [UInt8]) -> (output: [UInt8], failure: (offset: Int, code: Int32)?) {
    var part = TextDecoding.GB18030Part()
    let output = [UInt8](unsafeUninitializedCapacity: TextDecoding.utf8Capacity(input.count)) { buffer, count in
        part = input.withUnsafeBufferPointer { TextDecoding.convertGB18030($0, into: buffer) }
        count = part.written
    }
    #expect(!part.unavailable)
    return (output, part.failure)
}

/// Both conversions of `input`; a message when they differ.
private func difference(_ input: [UInt8]) -> String? {
    let expected = iconvReference(input), actual = converted(input)
    let input = input.count > 48 ? "\(input.prefix(48))… (\(input.count) bytes)" : "\(input)"
    if let failure = expected.failure {
        guard let other = actual.failure, other.offset == failure.offset, other.code == failure.code else {
            return "\(input): iconv stops at \(failure), the converter at \(String(describing: actual.failure))"
        }
        // Output before an error is not used; only where it stopped and why.
        return nil
    }
    if actual.failure != nil { return "\(input): iconv converts it, the converter stops at \(actual.failure!)" }
    return expected.output == actual.output ? nil : "\(input): iconv makes \(expected.output), the converter \(actual.output)"
}

@Suite("GB18030 converted by its table of pairs")
struct GB18030PairsTests {
    @Test("every two-byte sequence converts, or fails, as one iconv call does", arguments: Array(0x80...0xFF))
    func everyPair(lead: Int) {
        var differences: [String] = []
        for trail in 0...0xFF {
            for input in [[UInt8(lead), UInt8(trail)], Array("a,".utf8) + [UInt8(lead), UInt8(trail)] + Array("12345678\n".utf8)] {
                if let difference = difference(input) { differences.append(difference) }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    /// Random text of ASCII runs, two- and four-byte characters (most valid, some not), stray
    /// bytes, and ends cut inside a character.
    @Test("random GB18030 converts, or fails, as one iconv call does", arguments: 0..<8)
    func randomText(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var differences: [String] = []
        for _ in 0..<400 {
            var input: [UInt8] = []
            let pieces = Int.random(in: 1...40, using: &random)
            for _ in 0..<pieces {
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<40:
                    input += (0..<Int.random(in: 1...20, using: &random)).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
                case 40..<80:
                    input += [UInt8.random(in: 0x81...0xFE, using: &random), UInt8.random(in: 0x40...0xFE, using: &random)]
                case 80..<92:
                    // Four bytes: the BMP outside the pairs (lead 0x81–0x84), beyond it (0x90–0xE3), or neither.
                    let lead: UInt8 = [0x81, 0x82, 0x84, 0x90, 0x95, 0xE3, 0xFE].randomElement(using: &random)!
                    input += [lead, UInt8.random(in: 0x30...0x39, using: &random),
                              UInt8.random(in: 0x81...0xFE, using: &random), UInt8.random(in: 0x30...0x39, using: &random)]
                case 92..<97:
                    input.append([0x0A, 0x0D, 0x22, 0x2C].randomElement(using: &random)!)
                default:
                    input.append(UInt8.random(in: 0x80...0xFF, using: &random))
                }
            }
            if Bool.random(using: &random), !input.isEmpty { input.removeLast(Int.random(in: 1...min(3, input.count), using: &random)) }
            if let difference = difference(input) { differences.append(difference) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    @Test("the GB18030 byte order mark and four-byte characters convert as iconv converts them")
    func fourByte() {
        for input: [UInt8] in [[0x84, 0x31, 0x95, 0x33], [0x95, 0x32, 0x82, 0x36], [0x81, 0x30, 0x81, 0x30],
                               [0x84, 0x31, 0xA4, 0x39], [0xE3, 0x32, 0x9A, 0x35], [0x84, 0x31, 0xA5, 0x30]] {
            #expect(difference(Array("x".utf8) + input + Array("y".utf8)) == nil)
        }
        #expect(converted([0x95, 0x32, 0x82, 0x36]).output == Array("\u{20000}".utf8))
    }

    /// Six two-byte characters (FE51 FE52 FE53 FE6C FE76 FE91) become four UTF-8 bytes, twice
    /// their size: the output is sized for them.
    @Test("text of two-byte characters that double in UTF-8 converts whole", arguments: [[0xFE, 0x51], [0xFE, 0x91]] as [[UInt8]])
    func doublingCharacters(pair: [UInt8]) {
        let input = Array("C1,".utf8) + Array([[UInt8]](repeating: pair, count: 5_000).joined()) + Array(",x\n".utf8)
        #expect(converted(input).failure == nil)
        #expect(difference(input) == nil)
        #expect(converted(input).output.count == 3 + 5_000 * 4 + 3)
    }

    @Test("an output buffer too small stops the conversion with E2BIG and is never written past")
    func tooSmallAnOutput() {
        for input in [Array(String(repeating: "abcdefgh", count: 8).utf8), gb18030("客户名称客户名称客户名称"), [UInt8]([0xFE, 0x51, 0xFE, 0x51, 0xFE, 0x51])] {
            var memory = [UInt8](repeating: 0xAA, count: 64)
            let part = input.withUnsafeBufferPointer { input in
                memory.withUnsafeMutableBufferPointer { TextDecoding.convertGB18030(input, into: UnsafeMutableBufferPointer(rebasing: $0[0..<10])) }
            }
            #expect(part.failure?.code == E2BIG)
            #expect(part.written <= 10)
            #expect(memory[10...].allSatisfy { $0 == 0xAA }, "written past the output")
        }
    }

    @Test("the table holds the common characters, so ledgers convert without iconv")
    func tableHoldsCommonCharacters() {
        let text = "客户编号,客户名称,城市\nC1,杭州云帆科技有限公司,北京·上海（测试）\n"
        let input = gb18030(text)
        var index = 0, pairs = 0
        while index < input.count {
            guard input[index] >= 0x80 else {
                index += 1
                continue
            }
            #expect(TextDecoding.gb18030Pairs[Int(input[index] - 0x81) * 192 + Int(input[index + 1] - 0x40)] != 0)
            index += 2
            pairs += 1
        }
        #expect(pairs == 29)
        #expect(converted(input).output == Array(text.utf8))
    }
}
