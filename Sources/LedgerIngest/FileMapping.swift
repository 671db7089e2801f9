import Foundation

/// A file mapped read-only into memory, read once from start to end, whose pages already read
/// are handed back to the system as reading moves on.
///
/// `FileBytes.read` keeps the whole file resident until the table is read: at a million
/// customers that is 1 GB of interactions beside 400 MB of orders, read at the same time. A
/// private read-only mapping reads the same bytes, and `release(below:)` drops pages behind the
/// reader (`MADV_DONTNEED`; were one touched again it would be read back from the file), so the
/// input costs a few megabytes of resident memory whatever its size.
///
/// It also holds text decoded into anonymous memory (`init(anonymous:)`). Nothing could read
/// those pages back, so they are handed back only by `discard(below:)`, once every record
/// before an offset is committed and none will be read again.
final class FileMapping: @unchecked Sendable {
    // Unchecked: `buffer` changes only in `truncate(to:)`, before any reader sees it; `released`
    // only in `dropPages(below:)`, through `release(below:)` or `discard(below:)`, called by the
    // one thread reading the file in order or committing its records.
    private(set) var buffer: UnsafeBufferPointer<UInt8>
    /// Bytes below this offset have been handed back.
    private var released = 0
    /// The mapped length, for `munmap`: `buffer` may be shorter for decoded text.
    private let length: Int
    /// Whether the pages come from a file, and may be handed back.
    private let fromFile: Bool

    /// Pages are handed back in steps of this many bytes, not one `madvise` per record.
    private static let step = 8 << 20

    /// Maps `path`, or returns nil when it cannot be (missing, not a regular file, empty):
    /// the caller then reads it with `FileBytes.read`, which reports why.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_NONBLOCK)  // a pipe must not wait for a writer (FileBytes)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        madvise(address, size, MADV_SEQUENTIAL)
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
        length = size
        fromFile = true
    }

    /// Anonymous, writable memory of `capacity` bytes, for text decoded into it (see
    /// `truncate(to:)`); nil when the memory cannot be had. Pages never written cost nothing.
    ///
    /// For a GB18030 file decoded on several cores: each part is converted straight into its
    /// own region, then the regions are moved together, so the text is never copied whole.
    init?(anonymous capacity: Int) {
        let size = max(1, capacity)
        guard let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
        length = size
        fromFile = false
    }

    /// The memory to write into, for an anonymous mapping.
    var writable: UnsafeMutableBufferPointer<UInt8> { UnsafeMutableBufferPointer(mutating: buffer) }

    /// Ends the text after `count` bytes, once it is written, and hands back the pages after it
    /// (text moved down from them, see `TextDecoding.convertGB18030`, left them written).
    func truncate(to count: Int) {
        buffer = UnsafeBufferPointer(rebasing: buffer[..<min(count, buffer.count)])
        if !fromFile { dropPages(buffer.count..<length) }
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), length)
    }

    /// Hands back the pages wholly below `offset`; nothing there may be read from `buffer`
    /// afterwards without faulting it in again.
    func release(below offset: Int) {
        if fromFile { dropPages(below: offset) }
    }

    /// Hands back the decoded text's pages wholly below `offset`, in steps, once nothing there
    /// will be read again: its records are committed and no reading starts before `offset`.
    /// Mapped files hand back their pages as they are read (`release`), so this is for text
    /// in anonymous memory, where it keeps a GB18030 file's UTF-8 copy from staying whole
    /// while its table is read.
    func discard(below offset: Int) {
        if !fromFile { dropPages(below: offset) }
    }

    /// Hands back the decoded text's pages wholly inside `range`, which nothing reads before
    /// writing it again (see `TextDecoding.convertGB18030`, moving parts together).
    func discard(_ range: Range<Int>) {
        if !fromFile { dropPages(range) }
    }

    /// Hands back the pages wholly inside `range`, a chunk read on its own (see `TableRead`);
    /// a page touched again later is read back from the file.
    func release(_ range: Range<Int>) {
        if fromFile { dropPages(range) }
    }

    /// `MADV_DONTNEED` on the pages wholly inside `range`.
    private func dropPages(_ range: Range<Int>) {
        let page = Self.pageSize
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: buffer.baseAddress! + start), end - start, MADV_DONTNEED)
    }

    /// `MADV_DONTNEED` on the pages wholly below `offset` not handed back yet, in steps of
    /// `step` bytes, not one call per record.
    private func dropPages(below offset: Int) {
        guard offset - released >= Self.step else { return }
        let end = offset / Self.pageSize * Self.pageSize
        dropPages(released..<end)
        released = end
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// `MADV_POPULATE_READ`, which Glibc's module does not export to Swift.
    private static let populateRead: Int32 = 22

    /// Maps the pages of `range` in one call (`MADV_POPULATE_READ`, Linux 5.14; older kernels
    /// refuse it and the pages fault in as they are read).
    ///
    /// A file is read twice (checked, then parsed) and its pages handed back in between, so
    /// each page faults in twice, 16 at a time; mapping a part or a chunk at once before
    /// reading it took a million customers' faults from about 700,000 to 645,000 and 0.3 s of
    /// user and system time.
    func populate(_ range: Range<Int>) {
        guard fromFile else { return }
        let page = Self.pageSize
        let start = range.lowerBound / page * page
        let end = min(buffer.count, range.upperBound)
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: buffer.baseAddress! + start), end - start, Self.populateRead)
    }

    /// Hands back every page read so far (after a validation pass over the whole file).
    func releaseAll() {
        guard fromFile else { return }
        madvise(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count, MADV_DONTNEED)
    }
}
