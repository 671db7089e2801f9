/// A cursor over the bytes of one cell, shared by the hand-written date and amount scanners.
protocol ByteScanner {
    var bytes: UnsafeBufferPointer<UInt8> { get }
    var i: Int { get set }
}

extension ByteScanner {
    /// Steps over `byte` when it comes next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// Steps over the three bytes of a CJK character (`年`, `万`) when they come next.
    mutating func consume(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        guard i + 2 < bytes.count, bytes[i] == a, bytes[i + 1] == b, bytes[i + 2] == c else {
            return false
        }
        i += 3
        return true
    }
}
