import Foundation
import LedgerModel

/// Reads one table's files into its loader on every core: each CSV file is split into chunks
/// at guessed record boundaries, the chunks are parsed at once on the pool's threads, and the
/// parsed rows are committed a chunk at a time in file order.
///
/// The result is exactly that of one pass over the files in order, because:
/// - Reading from a record start is deterministic. A chunk notes where its first record
///   starts (after blank lines) and where it stopped: at the first record start at or past its
///   end (reading the record that straddles the end to its end). A chunk whose first record
///   starts where the previous chunk stopped read what one pass reads. One that does not (its
///   start fell inside a quoted field) is read again at its commit from where the previous
///   chunk stopped. The check is by offset, so it needs no assumption about quotes.
/// - Lines are counted from the chunk's first record and moved, at its commit, by the line where
///   the previous chunk stopped.
/// - Commits run one at a time, in file order (whichever thread finishes the chunk that is next
///   runs them), so duplicate ids, indices of new rows and the order of findings are those of
///   one pass. `TableLoader` draws the line between parsing and committing.
/// - A record with more fields than the header (headers grow by `column_N`) is read alone at the
///   commit that reaches it. The rest of its file is then split and read in chunks again, with
///   the grown headers, as a file of its own (`ChunkedFile.generation`); chunks read with the
///   old headers are dropped. After `IngestSettings.growthsReadInChunks` growths, the rest of
///   the file is read one record at a time, as one pass reads it.
/// - A large XML file is read in parts cut at guessed record starts (`XMLSplit`), each part a
///   document of its own, and its records moved to the whole file's columns as they are
///   committed (`XMLColumnMerge`). A part that does not read to its end (malformed, or a wrong
///   guess) is read again at its commit with the rest of the file, as one document; when that
///   fails too, the whole file is read again in one pass for the error one pass gives. Other
///   XML files are read one record at a time, as before.
/// - `derive:` columns are computed on each record's cells as it is parsed, padded to the
///   header's width as a record read alone is (`ColumnMap.appendDerived(to:input:)`).
/// - A record that cannot be read (an unterminated quote) is read again at its commit with its
///   true line, so the error is the one a single pass gives, after the same rows.
final class TableRead<Loader: TableLoader>: @unchecked Sendable {
    // Unchecked: the state below `lock` is only touched under it; the committer's state only by
    // the one thread that holds the committer role (taken and handed back under `lock`); the
    // rest is immutable.
    let table: TableName
    let loader: Loader
    private let files: [String]
    private let settings: IngestSettings
    private let borrowing: [String]
    private let borrowedFrom: TableName?
    private let pool: WorkPool

    private let lock = NSLock()
    private var prepared: [Prepared?]
    private var outcomes: [Int: Outcome] = [:]
    private var xmlParts: [Int: XMLPartsFile.Part] = [:]
    /// XML files whose rest is read in one pass: their parts are no longer read.
    private var abandonedXML: Set<Int> = []
    private var committing = false
    private var stopped = false
    private var sawChineseHeaders = false

    // The committer's.
    private var nextFile = 0
    private var nextChunk = 0
    private var fileStarted = false
    /// Where the next chunk's first record must start (after blank lines), and its line.
    private var expected = (position: 0, line: 0)
    /// The columns of the XML file being committed in parts, and its records so far.
    private var xmlColumns = XMLColumnMerge()
    private var xmlRecords = 0
    /// XML records parsed and waiting to be committed together.
    private var xmlGroup: XMLGroup?
    /// The error that stopped the table, if any; read once the pool is drained.
    private(set) var failure: (any Error)?
    private(set) var finished = false
    /// Chunks read again because their guessed start was not a record start.
    private(set) var rereadChunks = 0

    init(_ table: TableName, files: [String], loader: Loader, settings: IngestSettings, pool: WorkPool,
         borrowing: [String] = [], from other: TableName? = nil) {
        self.table = table
        self.files = files
        self.loader = loader
        self.settings = settings
        self.pool = pool
        self.borrowing = borrowing
        self.borrowedFrom = other
        prepared = Array(repeating: nil, count: files.count)
    }

    /// Whether a header of a file read was written in Chinese (the site then defaults to zh-CN).
    var chineseHeaders: Bool {
        lock.lock()
        defer { lock.unlock() }
        return sawChineseHeaders
    }

    /// Queues the reading; `pool.drain()` waits for it. Files are opened one after another
    /// (each as soon as the one before is split), so their chunks queue in file order.
    func start() {
        if files.isEmpty {
            deliver(nil, nil)
        } else {
            pool.submit { self.prepare(0) }
        }
    }

    /// Throws the error that stopped the table; call after `pool.drain()`.
    func result() throws {
        if let failure { throw failure }
        precondition(finished, "\(table.rawValue): reading ended before every file was committed")
    }

    // MARK: - Opening files

    private enum Prepared {
        case chunks(ChunkedFile)
        case sequential(SequentialFile)
        case xmlParts(XMLPartsFile)
        case failed(any Error)
    }

    /// An XML file: read one record at a time.
    private struct SequentialFile {
        let name: String
        let index: Int
        let map: ColumnMap
        let reader: any RecordReader
        let lines: Int
    }

    private func makeMap() throws -> ColumnMap {
        do {
            return try ColumnMap(table: table, settings: settings.table(table), borrowing: borrowing, from: borrowedFrom)
        } catch let error as DeriveExpression.SyntaxError {
            throw IngestError(file: "portrait.yml", problem: "A derive expression of tables.\(table.rawValue) does not parse (\(error)).",
                              hint: "Use column names, numbers, + - * / and parentheses.")
        }
    }

    /// Opens file `index`: maps it, checks its encoding in parts on every core, reads its header
    /// and queues its chunks; then the next file.
    private func prepare(_ index: Int) {
        if isStopped { return }
        let name = files[index]
        let path = settings.dataDirectory + "/" + name
        do {
            let map = try makeMap()
            if name.lowercased().hasSuffix(".xml") {
                if settings.table(table).recordPath == nil, let mapping = FileMapping(path: path),
                   let split = XMLSplit(mapping.buffer, partSize: partSize(of: mapping.buffer.count), split: settings.chunkBounds) {
                    let file = XMLPartsFile(name: name, path: path, index: index, map: map, mapping: mapping, split: split)
                    try opened(index, .xmlParts(file), map: map, headers: [])
                    return
                }
                let reader = try XMLRecordReader(path: path, file: name, recordPath: settings.table(table).recordPath)
                try opened(index, .sequential(SequentialFile(name: name, index: index, map: map, reader: reader, lines: 0)),
                           map: map, headers: reader.headers)
                return
            }
            if let mapping = FileMapping(path: path), Self.mayBePlainUTF8(mapping.buffer) {
                validate(mapping) { plain, lines in
                    do {
                        // `CSVReader` reads past one byte order mark; a second goes to `decode`,
                        // which strips one more, as it always has. Marks before bytes that are
                        // not UTF-8 are `decode`'s error.
                        let marks = Self.byteOrderMarks(mapping.buffer)
                        if plain && marks < 2 {
                            mapping.releaseAll()
                            try self.openCSV(index, map: map, reader: try CSVReader(mapping: mapping, file: name), lines: lines)
                        } else if plain || marks > 0 {
                            try self.decodeAndOpen(index, map: map, path: path)
                        } else {
                            self.convertAndOpen(index, map: map, mapping: mapping)
                        }
                    } catch {
                        self.failed(index, error)
                    }
                }
                return
            }
            try decodeAndOpen(index, map: map, path: path)
        } catch {
            failed(index, error)
        }
    }

    /// Bytes per part of an XML file of `count` bytes, as `ChunkedFile` sizes a CSV file's chunks.
    private func partSize(of count: Int) -> Int {
        if let bytes = settings.chunkBytes, bytes > 0 { return bytes }
        return min(4 << 20, max(256 << 10, count / (pool.workers * 8)))
    }

    /// Whether a mapped file may be UTF-8, read in place: it is not empty and has no binary
    /// signature; `validate` checks the rest in parts. A UTF-8 byte order mark, as Excel's
    /// "CSV UTF-8" writes, is read past by `CSVReader`.
    private static func mayBePlainUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !buffer.isEmpty else { return false }
        return TextDecoding.binaryFileError(Array(buffer.prefix(16)), file: "") == nil
    }

    /// UTF-8 byte order marks at the start of `buffer`, up to two. A file starting with one
    /// must be UTF-8: one that is not is an error (`TextDecoding.decode`), never read as GB18030.
    private static func byteOrderMarks(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var marks = 0
        while marks < 2, buffer.count >= 3 * (marks + 1),
              buffer[3 * marks] == 0xEF, buffer[3 * marks + 1] == 0xBB, buffer[3 * marks + 2] == 0xBF {
            marks += 1
        }
        return marks
    }

    /// Checks a mapped file for NUL bytes and invalid UTF-8 in parts split after line feeds
    /// (no UTF-8 sequence holds one), on every core, counting its lines; then calls `then` on
    /// the thread that checked the last part.
    private func validate(_ mapping: FileMapping, then: @escaping (_ plain: Bool, _ lines: Int) -> Void) {
        let buffer = mapping.buffer
        let partSize = max(1 << 20, buffer.count / (pool.workers * 4))
        let bounds = CSVReader.lineBounds(buffer, size: partSize)
        let tally = Tally(parts: bounds.count - 1)
        for part in 0..<(bounds.count - 1) {
            pool.submit {
                let range = bounds[part]..<bounds[part + 1]
                let slice = UnsafeBufferPointer(rebasing: mapping.buffer[range])
                mapping.populate(range)
                let lines = TextDecoding.plainUTF8Lines(in: slice)
                mapping.release(range)
                if let total = tally.add(plain: lines != nil, lines: lines ?? 0) { then(total.plain, total.lines) }
            }
        }
    }

    /// Counts the parts of a file checked so far.
    private final class Tally: @unchecked Sendable {
        // Unchecked: every property is touched under `lock`.
        private let lock = NSLock()
        private var remaining: Int
        private var plain = true
        private var lines = 0

        init(parts: Int) { remaining = parts }

        /// Adds a part; returns the totals once every part is in.
        func add(plain: Bool, lines: Int) -> (plain: Bool, lines: Int)? {
            lock.lock()
            defer { lock.unlock() }
            self.plain = self.plain && plain
            self.lines += lines
            remaining -= 1
            return remaining == 0 ? (self.plain, self.lines) : nil
        }
    }

    /// Reads a file that could not be mapped or is not UTF-8 (a binary signature, a byte order
    /// mark before bytes that are not UTF-8: an error to report) whole.
    @inline(never)
    private func decodeAndOpen(_ index: Int, map: ColumnMap, path: String) throws {
        let name = files[index]
        let utf8 = try TextDecoding.decode(try FileBytes.read(path, name: name), file: name).utf8
        try openCSV(index, map: map, reader: try CSVReader(utf8: utf8, file: name), lines: FileBytes.countLines(utf8))
    }

    /// Reads a mapped file that is not UTF-8 as GB18030, converted on every core (or reports
    /// its NUL byte or the byte that is neither encoding).
    @inline(never)
    private func convertAndOpen(_ index: Int, map: ColumnMap, mapping: FileMapping) {
        let name = files[index]
        TextDecoding.convertGB18030(mapping, file: name, on: pool, partSize: settings.chunkBytes) { result in
            do {
                let text = try result.get()
                try self.openCSV(index, map: map, reader: try CSVReader(mapping: text, file: name),
                                 lines: FileBytes.countLines(text.buffer))
            } catch {
                self.failed(index, error)
            }
        }
    }

    @inline(never)
    private func openCSV(_ index: Int, map: ColumnMap, reader: CSVReader, lines: Int) throws {
        let name = files[index]
        let file = ChunkedFile(name: name, index: index, map: map, reader: reader, lines: lines,
                               chunkBytes: settings.chunkBytes ?? 0, workers: pool.workers, split: settings.chunkBounds)
        try opened(index, .chunks(file), map: map, headers: reader.headers)
    }

    /// Checks the headers of an opened file and queues its chunks, then the next file.
    @inline(never)
    private func opened(_ index: Int, _ file: Prepared, map: ColumnMap, headers: [String]) throws {
        map.update(headers: headers)
        noteLanguage(of: headers)
        if !map.headers.isEmpty { try Self.checkColumns(map, file: files[index]) }
        lock.lock()
        prepared[index] = file
        lock.unlock()
        if case .chunks(let chunked) = file { submitChunks(of: chunked) }
        if case .xmlParts(let parts) = file {
            for part in 0..<parts.partCount {
                pool.submit {
                    guard !self.isAbandoned(index) else { return }
                    let result = parts.read(part: part)
                    self.lock.lock()
                    if !self.stopped && !self.abandonedXML.contains(index) { self.xmlParts[Self.key(index, part)] = result }
                    self.lock.unlock()
                    self.deliver(nil, nil)
                }
            }
        }
        if index + 1 < files.count { pool.submit { self.prepare(index + 1) } }
        deliver(nil, nil)
    }

    /// Queues the parsing of `file`'s chunks. A chunk of a file no longer read that way (its
    /// headers grew, see `commit`) is not parsed, nor kept.
    private func submitChunks(of file: ChunkedFile) {
        for chunk in 0..<file.chunkCount {
            pool.submit {
                guard self.isCurrent(file) else { return }
                let range = file.bounds[chunk]..<file.bounds[chunk + 1]
                file.reader.mapping?.populate(range)
                let outcome = self.parse(file, from: range.lowerBound, to: range.upperBound,
                                         speculative: chunk > 0)
                file.reader.mapping?.release(range)
                self.deliver(Self.key(file.index, chunk), consume outcome, of: file)
            }
        }
    }

    private func failed(_ index: Int, _ error: any Error) {
        lock.lock()
        prepared[index] = .failed(error)
        lock.unlock()
        deliver(nil, nil)
    }

    /// Whether reading stopped, or file `index` (XML in parts) is read in one pass.
    private func isAbandoned(_ index: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped || abandonedXML.contains(index)
    }

    /// Whether `file` is still read in chunks: reading did not stop, and its headers did not grow
    /// since (or its rest is read in chunks of another `ChunkedFile`).
    private func isCurrent(_ file: ChunkedFile) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return isCurrentLocked(file)
    }

    private func isCurrentLocked(_ file: ChunkedFile) -> Bool {
        guard !stopped, case .chunks(let current) = prepared[file.index] else { return false }
        return current === file
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func noteLanguage(of headers: [String]) {
        let chinese = headers.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        guard chinese else { return }
        lock.lock()
        sawChineseHeaders = true
        lock.unlock()
    }

    /// A file that lacks a required column entirely cannot be read: every row would be rejected.
    static func checkColumns(_ map: ColumnMap, file: String) throws {
        let table = map.table
        let required = HeaderAliases.required(of: table)
        let missing: [String]
        if table == .reps {
            missing = map.has(map.slot("rep_id")) || map.has(map.slot("name")) ? [] : ["rep_id or name"]
        } else {
            missing = required.filter { !map.has(map.slot($0)) }
        }
        if !missing.isEmpty {
            let found = map.headers.isEmpty ? "none" : map.headers.joined(separator: ", ")
            throw IngestError(
                file: file, line: 1,
                problem: "The \(table.rawValue) table has no \(missing.joined(separator: ", ")) column (headers found: \(found)).",
                hint: "Rename the header to a known alias (see input-format.md) or map it in portrait.yml under tables.\(table.rawValue).columns.")
        }
        let unresolved = map.unresolvedIdentifiers()
        if let first = unresolved.first {
            throw IngestError(
                file: "portrait.yml",
                problem: "tables.\(table.rawValue).derive.\(first.column) names \"\(first.identifier)\", which is no column of \(file).",
                hint: "Use a header of the file or a canonical column name.")
        }
    }

    // MARK: - Parsing chunks

    /// What reading one chunk gave: its rows, and where it started and stopped.
    private struct Outcome {
        var batch: Loader.Batch
        var records: Int
        /// The first record start at or after the chunk's start (after blank lines), line 0.
        var first: (position: Int, line: Int)
        /// The first record start (after blank lines) at or past the chunk's end, and its line.
        var stop: (position: Int, line: Int)
        /// A record that could not be read, and its line; reading stopped there.
        var failure: (position: Int, line: Int)?
        /// A record with more fields than the header, and its line; reading stopped there.
        var grew: (position: Int, line: Int)?
        /// Reading gave up on a record running far past the chunk's end.
        var incomplete = false
    }

    /// An outcome's key. Outcomes of a file whose headers grew are dropped when they do and not
    /// kept after (`deliver`), so its chunks read again reuse the keys.
    private static func key(_ file: Int, _ chunk: Int) -> Int { file << 32 | chunk }

    /// Parses the records that start in `start..<end` (the last one read to its end), counting
    /// lines from the first.
    ///
    /// With `speculative`, a chunk whose start is only a guess, reading gives up on a record
    /// that runs more than a chunk (at least 1 MB) past `end`: a start inside a long quoted
    /// field would otherwise read to the end of the file, for every such chunk. Its commit
    /// then reads it again in full.
    private func parse(_ file: ChunkedFile, from start: Int, to end: Int, speculative: Bool) -> Outcome {
        file.reader.withInput { whole in
            let reach = speculative ? min(whole.count, end + max(end - start, 1 << 20)) : whole.count
            let buffer = UnsafeBufferPointer(rebasing: whole[0..<reach])
            let truncated = reach < whole.count
            var cursor = RowCursor(map: file.map, file: file.name, fileIndex: file.index, input: whole,
                                   today: settings.today, dateOrder: settings.dateOrder)
            var batch = Loader.Batch()
            let chunkBytes = min(end, whole.count) - start
            batch.reserve(records: Int(Double(chunkBytes) * Double(file.lines) / Double(max(1, whole.count))) + 16,
                          bytes: chunkBytes)
            var position = start
            var line = 0
            CSVReader.skipBlankLines(buffer, position: &position, line: &line)
            let first = (position: position, line: line)
            var records = 0
            var failure: (position: Int, line: Int)?
            var grew: (position: Int, line: Int)?
            let end = min(end, buffer.count)
            let delimiter = file.reader.delimiter
            while position < end {
                let recordStart = position, recordLine = line
                cursor.fields.removeAll()
                do {
                    try CSVReader.readRecord(buffer, position: &position, line: &line, delimiter: delimiter,
                                             file: file.name, into: &cursor.fields)
                } catch {
                    failure = (recordStart, recordLine)
                    break
                }
                if cursor.fields.isBlank(in: buffer) {
                    CSVReader.skipBlankLines(buffer, position: &position, line: &line)
                    continue
                }
                if cursor.fields.count > file.headerCount {
                    grew = (recordStart, recordLine)
                    break
                }
                if truncated && position >= reach { break }
                file.map.appendDerived(to: cursor.fields, input: whole)
                records += 1
                cursor.begin(line: recordLine, record: recordStart)
                loader.parse(&cursor, into: &batch)
                CSVReader.skipBlankLines(buffer, position: &position, line: &line)
            }
            batch.findings = cursor.findings
            var outcome = Outcome(batch: batch, records: records, first: first, stop: (position, line),
                                  failure: failure, grew: grew)
            // Reading reached the end of the view, not of the input: nothing after the last
            // record read is known.
            outcome.incomplete = truncated && (position >= reach || failure != nil)
            return outcome
        }
    }

    // MARK: - Committing in order

    private enum Step {
        case startFile(ChunkedFile)
        case chunk(ChunkedFile, Int, Outcome)
        case finishFile
        case sequential(SequentialFile)
        case startXMLParts
        case xmlPart(XMLPartsFile, Int, XMLPartsFile.Part)
        case fail(any Error)
        case finishTable
    }

    /// Keeps `outcome` (unless `file` is no longer read that way: reading stopped, or its headers
    /// grew) and, unless another thread holds the committer role, takes it and commits whatever
    /// is next in file order until the next chunk is not yet parsed.
    ///
    /// The outcome is consumed, so that no caller still holds its batch when this thread
    /// commits it: a commit then owns the batch's arrays and changes them in place rather than
    /// copying them (a copy of a batch of customers retains a dozen strings each).
    private func deliver(_ key: Int?, _ outcome: consuming Outcome?, of file: ChunkedFile? = nil) {
        lock.lock()
        if let key, let file, isCurrentLocked(file), let outcome = outcome.take() { outcomes[key] = outcome }
        guard !committing else {
            lock.unlock()
            return
        }
        committing = true
        while let step = nextStep() {
            lock.unlock()
            perform(consume step)
            lock.lock()
        }
        committing = false
        lock.unlock()
    }

    /// What to commit next, with the lock held; nil when it is not ready yet or all is done.
    private func nextStep() -> Step? {
        guard !stopped, !finished else { return nil }
        guard nextFile < files.count else { return .finishTable }
        switch prepared[nextFile] {
        case nil:
            return nil
        case .failed(let error):
            return .fail(error)
        case .sequential(let file):
            return .sequential(file)
        case .xmlParts(let file):
            if !fileStarted { return .startXMLParts }
            if nextChunk >= file.partCount || file.skipRest { return .finishFile }
            guard let part = xmlParts.removeValue(forKey: Self.key(nextFile, nextChunk)) else { return nil }
            return .xmlPart(file, nextChunk, part)
        case .chunks(let file):
            if !fileStarted { return .startFile(file) }
            if nextChunk >= file.chunkCount || file.skipRest { return .finishFile }
            guard let outcome = outcomes.removeValue(forKey: Self.key(nextFile, nextChunk)) else { return nil }
            return .chunk(file, nextChunk, outcome)
        }
    }

    /// Consumes `step`, so that the commit holds the only reference to its batch (see `deliver`).
    private func perform(_ step: consuming Step) {
        do {
            switch consume step {
            case .startFile(let file):
                loader.reserve(rows: file.lines, bytes: file.reader.withInput(\.count))
                expected = file.firstRecord
                fileStarted = true
            case .chunk(let file, let index, let outcome):
                let grew = try commit(consume outcome, of: file, chunk: index)
                nextChunk = grew ? 0 : nextChunk + 1
            case .finishFile:
                commitXMLGroup()
                advanceFile()
            case .sequential(let file):
                loader.reserve(rows: file.lines, bytes: 0)
                try readSequentially(file)
                commitXMLGroup()
                advanceFile()
            case .startXMLParts:
                loader.reserve(rows: 0, bytes: 0)
                xmlColumns = XMLColumnMerge()
                xmlRecords = 0
                fileStarted = true
            case .xmlPart(let file, let index, let part):
                try commit(part, of: file, part: index)
                nextChunk += 1
            case .fail(let error):
                throw error
            case .finishTable:
                loader.finish()
                finished = true
            }
        } catch {
            failure = error
            lock.lock()
            stopped = true
            outcomes = [:]
            xmlParts = [:]
            lock.unlock()
        }
    }

    private func advanceFile() {
        lock.lock()
        let done = nextFile
        nextFile += 1
        nextChunk = 0
        fileStarted = false
        // Chunks of a file whose rest was read record by record, or in chunks after its headers
        // grew, are not needed.
        outcomes = outcomes.filter { $0.key >> 32 != done }
        xmlParts = xmlParts.filter { $0.key >> 32 != done }
        // Nor the file: a GB18030 file's UTF-8 copy (a gigabyte for a million customers'
        // interactions) or an XML reader is freed now rather than with the whole read.
        prepared[done] = nil
        lock.unlock()
    }

    /// Commits a chunk's rows; returns true when a record grew the headers and the rest of the
    /// file is now read as a file of its own, from its chunk 0.
    private func commit(_ outcome: consuming Outcome, of file: ChunkedFile, chunk: Int) throws -> Bool {
        if outcome.first.position != expected.position || outcome.incomplete {
            // The guessed start was not a record start (or a record ran far past the chunk):
            // read the chunk from where the one before it stopped.
            outcome = parse(file, from: expected.position, to: file.bounds[chunk + 1], speculative: false)
            rereadChunks += 1
        }
        let offset = expected.line - outcome.first.line
        try file.reader.withInput { buffer in
            let context = CommitContext(table: table, map: file.map, file: file.name, lineOffset: offset, input: buffer,
                                        delimiter: file.reader.delimiter, row: nil)
            loader.commit(&outcome.batch, context)
            loader.source.rows += outcome.records
            if let failure = outcome.failure {
                // Read again with its true line: the same error one pass gives.
                var position = failure.position
                var line = failure.line + offset
                var fields = CSVFields()
                try CSVReader.readRecord(buffer, position: &position, line: &line, delimiter: file.reader.delimiter,
                                         file: file.name, into: &fields)
            }
        }
        if let grew = outcome.grew {
            if file.generation < settings.growthsReadInChunks {
                try readGrown(of: file, from: grew.position, line: grew.line + offset)
                return true
            }
            try readRest(of: file, from: grew.position, line: grew.line + offset)
            file.skipRest = true
            return false
        }
        expected = (outcome.stop.position, outcome.stop.line + offset)
        // Every record before `expected` is committed, and chunks read again start there.
        file.reader.mapping?.discard(below: expected.position)
        return false
    }

    /// Reads and commits the record at `position`, which has more fields than `file`'s header,
    /// then reads the rest of the file in chunks of its own with the grown headers. Chunks of
    /// `file` parsed or queued are dropped: their rows were read with the old headers.
    private func readGrown(of file: ChunkedFile, from position: Int, line: Int) throws {
        let map = try makeMap()  // mapped to the grown headers by `commitRecord`
        var csv = file.reader.resumed(at: position, line: line)
        try file.reader.withInput { buffer in
            var fields = CSVFields()
            if let recordLine = try csv.nextFields(buffer, into: &fields) {
                commitRecord(fields, line: recordLine, headers: csv.headers, map: map, of: file, input: buffer)
            }
        }
        let rest = ChunkedFile(name: file.name, index: file.index, map: map, reader: csv, lines: file.lines,
                               chunkBytes: settings.chunkBytes ?? 0, workers: pool.workers, split: settings.chunkBounds,
                               generation: file.generation + 1)
        lock.lock()
        prepared[file.index] = .chunks(rest)
        outcomes = outcomes.filter { $0.key >> 32 != file.index }
        lock.unlock()
        expected = rest.firstRecord
        // Nothing before the record after the one read alone is read again.
        file.reader.mapping?.discard(below: csv.position)
        submitChunks(of: rest)
    }

    /// Reads a CSV file one record at a time from the record at `position`, whose headers grow.
    private func readRest(of file: ChunkedFile, from position: Int, line: Int) throws {
        // A map of its own: chunk jobs of this file may still be reading the file's.
        let map = try makeMap()
        map.update(headers: file.reader.headers)
        var csv = file.reader.resumed(at: position, line: line)
        try file.reader.withInput { buffer in
            var fields = CSVFields()
            while let recordLine = try csv.nextFields(buffer, into: &fields) {
                if fields.isBlank(in: buffer) { continue }
                commitRecord(fields, line: recordLine, headers: csv.headers, map: map, of: file, input: buffer)
            }
        }
    }

    /// Parses and commits one record of a CSV file read one record at a time, with the file's
    /// headers as they stand after it.
    private func commitRecord(_ fields: CSVFields, line: Int, headers: [String], map: ColumnMap, of file: ChunkedFile,
                              input buffer: UnsafeBufferPointer<UInt8>) {
        map.update(headers: headers)
        var cursor = RowCursor(map: map, file: file.name, fileIndex: file.index, input: buffer,
                               today: settings.today, dateOrder: settings.dateOrder)
        cursor.fields = fields
        map.appendDerived(to: fields, input: buffer)
        cursor.begin(line: line, record: -1)
        commitAlone(&cursor, input: buffer, delimiter: file.reader.delimiter)
    }

    /// Reads an XML file one record at a time.
    private func readSequentially(_ file: SequentialFile) throws {
        var reader = file.reader
        var rows = 0
        while let record = try reader.next() {
            try commitXML(record, headers: reader.headers, map: file.map, file: file.name, fileIndex: file.index,
                          first: rows == 0)
            rows += 1
        }
    }

    /// XML records parsed into one batch, to be committed together as a CSV chunk is: records
    /// read while the file's headers stay the same, up to `XMLGroup.limit`.
    private struct XMLGroup {
        var cursor: RowCursor
        var batch = Loader.Batch()
        /// Each record's cells, for `CommitContext.records`.
        var records: [[String]] = []
        let headerCount: Int

        static var limit: Int { 256 }
    }

    /// Parses a record of an XML file read as `headers` say, and commits it with the records
    /// before it once its group is full.
    private func commitXML(_ record: RawRecord, headers: [String], map: ColumnMap, file: String, fileIndex: Int,
                           first: Bool) throws {
        // Asked through the optional, not bound: a copy of the group retains its arrays.
        if (xmlGroup?.headerCount ?? headers.count) != headers.count { commitXMLGroup() }
        map.update(headers: headers)
        if first {
            try Self.checkColumns(map, file: file)
            noteLanguage(of: headers)
        }
        // Taken out and put back, so that its arrays are changed in place.
        var group = xmlGroup.take() ?? XMLGroup(
            cursor: RowCursor(map: map, file: file, fileIndex: fileIndex, record: RawRecord(line: 0, values: []),
                              today: settings.today, dateOrder: settings.dateOrder),
            headerCount: headers.count)
        group.cursor.begin(values: record.values, line: record.line, record: group.records.count)
        loader.parse(&group.cursor, into: &group.batch)
        group.records.append(group.cursor.values)
        xmlGroup = consume group
        if xmlGroup?.records.count ?? 0 >= XMLGroup.limit { commitXMLGroup() }
    }

    /// Commits the XML records parsed so far.
    private func commitXMLGroup() {
        guard var group = xmlGroup.take() else { return }
        group.batch.findings = group.cursor.findings
        var context = CommitContext(table: table, map: group.cursor.map, file: group.cursor.file, lineOffset: 0,
                                    input: UnsafeBufferPointer(start: nil, count: 0), delimiter: 0, row: nil)
        context.records = group.records
        loader.commit(&group.batch, context)
        loader.source.rows += group.records.count
    }

    /// Commits the records of part `index` of an XML file read in parts; when the part did not
    /// read to its end, reads the rest of the file from the part's start as one document.
    private func commit(_ part: consuming XMLPartsFile.Part, of file: XMLPartsFile, part index: Int) throws {
        if part.failed {
            file.skipRest = true
            // Parts read after it would be dropped: read no more, and keep none.
            lock.lock()
            abandonedXML.insert(file.index)
            xmlParts = xmlParts.filter { $0.key >> 32 != file.index }
            lock.unlock()
            let reader = file.reader(from: index, toEnd: true, releasing: true)
            var columns = XMLColumnMerge.PartColumns()
            while true {
                // Only the reader's errors: a commit's (no such column) is one pass's too.
                let record: RawRecord?
                do { record = try reader.next() } catch { throw onePassError(file, otherwise: error) }
                guard let record else { return }
                try commitPart(record, headers: reader.headers, &columns, of: file)
            }
        }
        var columns = XMLColumnMerge.PartColumns()
        for record in part.records {
            try commitPart(record, headers: part.headers, &columns, of: file)
        }
    }

    private func commitPart(_ record: RawRecord, headers: [String], _ columns: inout XMLColumnMerge.PartColumns,
                            of file: XMLPartsFile) throws {
        guard let values = xmlColumns.merge(record, partHeaders: headers, &columns) else {
            throw onePassError(file, otherwise: nil)
        }
        xmlRecords += 1
        do {
            try commitXML(RawRecord(line: xmlRecords, values: values), headers: xmlColumns.headers, map: file.map,
                          file: file.name, fileIndex: file.index, first: xmlRecords == 1)
        } catch {
            // The first record lacks a required column. One pass may stop before it instead:
            // libxml2 parses ahead of the records it hands out, so an error further on (text
            // after the root, in a small file) can come first.
            throw onePassError(file, otherwise: error, records: 1)
        }
    }

    /// The error one pass over an XML file read in parts stops with, reading `records` records
    /// at most (nil: all): it is read again, whole. Where it reads them without one, `otherwise`
    /// is thrown: the error reading in parts met.
    private func onePassError(_ file: XMLPartsFile, otherwise error: (any Error)?, records: Int? = nil) -> any Error {
        do {
            let reader = try XMLRecordReader(path: file.path, file: file.name, recordPath: nil)
            var read = 0
            while read < records ?? .max, try reader.next() != nil { read += 1 }
        } catch {
            return error
        }
        return error ?? IngestError(file: file.name, problem: "has more than \(XMLRecordReader.maximumFieldNames) distinct field names.",
                                    hint: "Export the table with fewer columns.")
    }

    /// Parses and commits the cursor's record as a batch of its own.
    private func commitAlone(_ cursor: inout RowCursor, input: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        var batch = Loader.Batch()
        loader.parse(&cursor, into: &batch)
        batch.findings = cursor.findings
        let context = CommitContext(table: table, map: cursor.map, file: cursor.file, lineOffset: 0, input: input,
                                    delimiter: delimiter, row: cursor)
        loader.commit(&batch, context)
        loader.source.rows += 1
    }
}
