import Charts

/// A 128-bit digest of everything a page is made from, stable across processes and machines.
///
/// Swift's `Hasher` is seeded per process, so it cannot compare a page's inputs with those of
/// the previous build; this is a fixed function of the bytes (two multiply-mix lanes over 16-byte
/// blocks, little-endian). It guards against accidental change, not an adversary: a collision
/// would need two inputs of one page to agree on 128 bits.
package struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    package var high: UInt64
    package var low: UInt64

    package init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 32 lowercase hex digits.
    package var description: String {
        func hex(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return hex(high) + hex(low)
    }

    /// Parses ``description``: 32 lowercase hex digits, by table (a rebuild parses two
    /// manifests of a hundred thousand of them before it can start).
    package init?(hex text: UnsafeRawBufferPointer) {
        guard text.count == 32 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0, bad: UInt8 = 0
        for index in 0..<16 {
            let a = Fingerprint.hexDigit[Int(text[index])], b = Fingerprint.hexDigit[Int(text[index + 16])]
            bad |= a | b
            high = high << 4 | UInt64(a & 15)
            low = low << 4 | UInt64(b & 15)
        }
        guard bad & 0x80 == 0 else { return nil }
        self.init(high: high, low: low)
    }

    package init?(hex text: [UInt8]) {
        guard let parsed = text.withUnsafeBytes({ Fingerprint(hex: $0) }) else { return nil }
        self = parsed
    }

    /// A lowercase hex digit's value by byte; 0x80 for any other byte.
    private static let hexDigit: [UInt8] = {
        var table = [UInt8](repeating: 0x80, count: 256)
        for (value, digit) in "0123456789abcdef".utf8.enumerated() { table[Int(digit)] = UInt8(value) }
        return table
    }()

    /// The digest of `bytes`.
    /// - Complexity: O(n), about 1 ns per 16 bytes.
    package static func of(_ bytes: UnsafeRawBufferPointer) -> Fingerprint {
        let s0: UInt64 = 0xA076_1D64_78BD_642F, s1: UInt64 = 0xE703_7ED1_A0B4_28DB
        let s2: UInt64 = 0x8EBC_6AF0_9C88_C6E3, s3: UInt64 = 0x5899_65CC_7537_4CC3
        @inline(__always) func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let product = a.multipliedFullWidth(by: b)
            return product.high ^ product.low
        }
        @inline(__always) func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var h1 = s0 ^ UInt64(bytes.count), h2 = s2 &+ UInt64(bytes.count)
        var offset = 0
        while offset + 16 <= bytes.count {
            let a = word(offset), b = word(offset + 8)
            h1 = mix(a ^ s1 ^ h1, b ^ s0)
            h2 = mix(b ^ s3 ^ h2, a ^ s2)
            offset += 16
        }
        var a: UInt64 = 0, b: UInt64 = 0
        for index in offset..<bytes.count {
            let shift = UInt64((index - offset) % 8) * 8
            if index - offset < 8 { a |= UInt64(bytes[index]) << shift } else { b |= UInt64(bytes[index]) << shift }
        }
        h1 = mix(a ^ s1 ^ h1, b ^ s0 ^ UInt64(bytes.count - offset))
        h2 = mix(b ^ s3 ^ h2, a ^ s2 ^ UInt64(bytes.count - offset))
        return Fingerprint(high: mix(h1 ^ s2, h2 ^ s1) ^ h1, low: mix(h2 ^ s0, h1 ^ s3) ^ h2)
    }
}

/// Collects the inputs of a page as bytes, each value tagged or length-prefixed so two different
/// sequences of values never give the same bytes, then digests them into a ``Fingerprint``.
///
/// One per render thread, reused for every page (``reset()``).
package struct FingerprintBuilder: ~Copyable {
    private var bytes = ByteBuffer(capacity: 4096)

    package init() {}

    package mutating func reset() { bytes.removeAll() }

    package func finish() -> Fingerprint { bytes.withBytes { Fingerprint.of($0) } }

    package mutating func add(_ value: Int) { bytes.append(littleEndian: UInt64(bitPattern: Int64(value))) }

    package mutating func add(_ value: UInt64) { bytes.append(littleEndian: value) }

    package mutating func add(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func add(_ text: String) {
        add(text.utf8.count)
        bytes.append(raw: text)
    }

    package mutating func add(_ text: String?) {
        guard let text else { return bytes.append(0) }
        bytes.append(1)
        add(text)
    }

    /// A text given as its UTF-8 bytes, digested as `add(_: String?)` digests the same text;
    /// no bytes stand for nil (`TextArena` returns nil for an empty text).
    package mutating func add(utf8 text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else { return bytes.append(0) }
        bytes.append(1)
        add(text.count)
        bytes.append(UnsafeRawBufferPointer(text))
    }

    package mutating func add(_ value: Int?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        add(value)
    }

    package mutating func add(_ fingerprint: Fingerprint) {
        add(fingerprint.high)
        add(fingerprint.low)
    }

    /// Raw bytes of unknown length, length-prefixed.
    package mutating func add(bytes raw: UnsafeRawBufferPointer) {
        add(raw.count)
        bytes.append(raw)
    }
}
