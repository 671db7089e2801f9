import Testing
@testable import LedgerIngest

/// The memo's byte comparison by words against `==` of the bytes.
@Suite("Reference memo")
struct ReferenceMemoTests {
    @Test("Bytes compare equal by words exactly when they are equal, a difference at any offset",
          arguments: Array(0...40))
    func wordComparisonMatchesBytes(count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for position in -1..<count {
            var other = bytes
            if position >= 0 { other[position] ^= 0x40 }
            bytes.withUnsafeBufferPointer { a in
                other.withUnsafeBufferPointer { b in
                    guard let x = a.baseAddress, let y = b.baseAddress else { return }
                    #expect(ReferenceMemo.same(x, y, count) == (bytes == other), "\(count) bytes, changed at \(position)")
                }
            }
        }
    }
}
