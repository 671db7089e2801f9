import Foundation

/// A file mapped read-only into memory, read once from start to end, whose pages already read
/// are handed back to the system as reading moves on.
///
/// `FileBytes.read` keeps the whole file resident until the table is read: at a million
/// customers that is 1 GB of interactions beside 400 MB of orders, read at the same time. A
/// private read-only mapping reads the same bytes, and `release(below:)` drops pages behind the
/// reader (`MADV_DONTNEED`; were one touched again it would be read back from the file), so the
/// input costs a few megabytes of resident memory whatever its size.
final class FileMapping {
    let buffer: UnsafeBufferPointer<UInt8>
    /// Bytes below this offset have been handed back.
    private var released = 0

    /// Pages are handed back in steps of this many bytes, not one `madvise` per record.
    private static let step = 8 << 20

    /// Maps `path`, or returns nil when it cannot be (missing, not a regular file, empty):
    /// the caller then reads it with `FileBytes.read`, which reports why.
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        madvise(address, size, MADV_SEQUENTIAL)
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
    }

    /// Hands back the pages wholly below `offset`; nothing there may be read from `buffer`
    /// afterwards without faulting it in again.
    func release(below offset: Int) {
        guard offset - released >= Self.step else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = offset / page * page
        madvise(UnsafeMutableRawPointer(mutating: buffer.baseAddress! + released), end - released, MADV_DONTNEED)
        released = end
    }

    /// Hands back the pages wholly inside `range`, a chunk read on its own (see `TableRead`);
    /// a page touched again later is read back from the file.
    func release(_ range: Range<Int>) {
        let page = Self.pageSize
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: buffer.baseAddress! + start), end - start, MADV_DONTNEED)
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Hands back every page read so far (after a validation pass over the whole file).
    func releaseAll() {
        madvise(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count, MADV_DONTNEED)
    }
}
