import Foundation
import LedgerModel

/// Answers a chunk's rows already got from `LedgerReferences`: rows of one customer and
/// owners repeat, and a lookup in a table of a million customers is a cache miss.
final class ReferenceMemo {
    /// Owner answers by the cell's bytes: rep index, or -1 for none.
    let owners = IDTable()
    /// The last customer id found, as bytes of the input (valid while the chunk is parsed).
    @exclusivity(unchecked) private var lastCustomer: UnsafeBufferPointer<UInt8>?
    @exclusivity(unchecked) private var lastIndex: Int32 = -1
    @exclusivity(unchecked) private var lastOwner: UnsafeBufferPointer<UInt8>?
    @exclusivity(unchecked) private var lastOwnerAnswer: Int32 = -1

    /// The index last found for exactly these bytes.
    @inline(__always)
    func customer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let last = lastCustomer, last.count == bytes.count, let a = last.baseAddress, let b = bytes.baseAddress,
              a == b || Self.same(a, b, bytes.count) else { return nil }
        return lastIndex
    }

    /// The index last found, or -1.
    var lastCustomerIndex: Int32 { lastIndex }

    func remember(customer bytes: UnsafeBufferPointer<UInt8>, _ index: Int32) {
        lastCustomer = bytes
        lastIndex = index
    }

    /// The answer last found for exactly these owner bytes (a customer's rows share an owner).
    @inline(__always)
    func owner(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let last = lastOwner, last.count == bytes.count, let a = last.baseAddress, let b = bytes.baseAddress,
              a == b || Self.same(a, b, bytes.count) else { return nil }
        return lastOwnerAnswer
    }

    func remember(owner bytes: UnsafeBufferPointer<UInt8>, _ answer: Int32) {
        lastOwner = bytes
        lastOwnerAnswer = answer
    }

    /// Whether `count` bytes at `a` and `b` are equal: ids of up to 16 bytes (`C0000123`,
    /// `S023`) by one or two word loads, as a `memcmp` call cost more than the comparison.
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        if count <= 8 {
            return ByteHash.packed(UnsafeBufferPointer(start: a, count: count))
                == ByteHash.packed(UnsafeBufferPointer(start: b, count: count))
        }
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        if count <= 16 {
            // The first and the last eight bytes, which overlap below 16.
            return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                && x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        return memcmp(a, b, count) == 0
    }
}
