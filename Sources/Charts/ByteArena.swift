/// Memory for the fixed parts of a build's pages (``ByteChunk``s and tables of plain values),
/// allocated once and freed with the arena.
///
/// Whoever holds the arena keeps every chunk and table made from it valid; the site's
/// `SiteBuild` holds it for as long as pages are rendered.
package final class ByteArena: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []

    package init() {}

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// A copy of `bytes` that lives as long as the arena.
    package func chunk(_ bytes: [UInt8]) -> ByteChunk {
        guard !bytes.isEmpty else { return .empty }
        let block = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 1)
        bytes.withUnsafeBytes { block.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        blocks.append(block)
        return ByteChunk(base: UnsafePointer(block.assumingMemoryBound(to: UInt8.self)), count: bytes.count)
    }

    /// The UTF-8 of `text`, as it is (escape it first if it is text for a page).
    package func chunk(_ text: String) -> ByteChunk { chunk(Array(text.utf8)) }

    /// A table of plain values (no references: chunks, numbers) that lives as long as the arena.
    package func table<T: BitwiseCopyable>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let block = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(values.count, 1))
        _ = UnsafeMutableBufferPointer(start: block, count: values.count).initialize(from: values)
        blocks.append(UnsafeMutableRawPointer(block))
        return UnsafeBufferPointer(start: block, count: values.count)
    }
}
