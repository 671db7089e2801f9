import Foundation
import LedgerIngest
import LedgerModel

/// The pre-flight check that a ledger fits in memory, made before any table is read.
///
/// Reading holds the whole ledger in memory (every analysis needs every row), so a ledger far
/// bigger than the machine would be read for minutes and then killed by the kernel, or make a
/// machine with swap thrash. Instead its size is estimated from the table files' sizes and
/// compared with what is available; beyond that the command stops at once with exit 2.
///
/// The estimate is `baseBytes` plus each file's size times the peak resident memory one input
/// byte of its kind cost in a full build (measured with `/usr/bin/time -v` on generated
/// ledgers of 100,000 and 1,000,000 customers, docs/decisions.md 42), rounded up. Pages are
/// written as they are rendered, so the number of pages does not enter it.
package struct MemoryBudget: Sendable {
    /// How a table file is read, which decides what one byte of it costs.
    package enum InputKind: String, Sendable, CaseIterable {
        /// UTF-8 CSV, with or without a byte order mark: mapped and read in place.
        case plainCSV = "CSV (UTF-8)"
        /// GB18030 CSV: mapped and converted to a UTF-8 copy, handed back as it is read.
        case convertedCSV = "CSV (GB18030)"
        /// XML: streamed record by record; its markup makes a byte cheaper than a CSV byte.
        case xml = "XML"

        /// Peak resident bytes per input byte beyond `baseBytes`, about 15 % above the most
        /// measured: 1.66 (plain CSV, 1M customers; 1.62 with a byte order mark), 1.98
        /// (GB18030 CSV, 1M, `top:50000`: the same ledger in fewer bytes) and 0.35 (XML, 100k).
        package var bytesPerInputByte: Double {
            switch self {
            case .plainCSV: 1.9
            case .convertedCSV: 2.3
            case .xml: 0.5
            }
        }
    }

    /// One table file as the estimate sees it.
    package struct Input: Sendable, Equatable {
        package var file: String
        package var bytes: Int
        package var kind: InputKind

        package init(file: String, bytes: Int, kind: InputKind) {
            self.file = file
            self.bytes = bytes
            self.kind = kind
        }

        /// Peak resident bytes reading this file adds.
        package var estimatedBytes: Int {
            Int((Double(bytes) * kind.bytesPerInputByte).rounded(.up))
        }
    }

    /// Memory a build needs whatever the ledger: the binary, the runtime, templates, thread
    /// stacks and page buffers (86 MB measured, rounded up).
    package static let baseBytes = 128 << 20

    /// Overrides the memory available (`8G`, `512M`, a number of bytes) or, set to `off`,
    /// skips the check.
    package static let environmentVariable = "PORTRAIT_MEMORY_LIMIT"

    package var inputs: [Input]

    package init(inputs: [Input]) {
        self.inputs = inputs
    }

    /// The table files `LedgerReader` will read for `settings`, with their sizes and kinds,
    /// judged from each file's first 64 KiB.
    package init(settings: IngestSettings) throws {
        var inputs: [Input] = []
        for table in TableName.allCases {
            for file in try TableLocator.files(for: table, settings: settings) {
                let path = settings.dataDirectory + "/" + file
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                let head = FileHead(path: path)
                inputs.append(Input(file: file, bytes: Int(info.st_size), kind: head.kind))
            }
        }
        self.inputs = inputs
    }

    package var inputBytes: Int { inputs.reduce(0) { $0 + $1.bytes } }

    /// Peak resident memory expected for reading, analysing and rendering these inputs.
    package var estimatedBytes: Int {
        Self.baseBytes + inputs.reduce(0) { $0 + $1.estimatedBytes }
    }

    /// Throws when the estimate exceeds `available` (nil: unknown, nothing is checked).
    ///
    /// `limit` is `PORTRAIT_MEMORY_LIMIT` as set, for the message.
    package func check(available: Int?, limit: String? = nil, dataDirectory: String) throws {
        guard let available, estimatedBytes > available else { return }
        let largest = inputs.max { $0.bytes < $1.bytes }.map { " (the largest, \($0.file), \(Self.format($0.bytes)))" } ?? ""
        let source = limit.map { " (\(Self.environmentVariable)=\($0))" } ?? ""
        throw PortraitError(stage: .readLedger, message: """
            \(dataDirectory): the ledger is too big for the memory available: its tables hold \
            \(Self.format(inputBytes))\(largest), and reading them needs about \(Self.format(estimatedBytes)) \
            while only \(Self.format(available)) is available\(source). Build from a smaller ledger (split the \
            tables, e.g. by region or by year of orders and interactions) or on a machine with more memory. \
            If more is free than Portrait sees (swap, a container limit), set \(Self.environmentVariable) to \
            it, e.g. \(Self.environmentVariable)=\(Self.suggestion(estimatedBytes)), or to off to skip this check.
            """)
    }

    /// Estimates the ledger of `settings` and checks it against the memory available, or
    /// against `PORTRAIT_MEMORY_LIMIT` when set.
    package static func check(_ settings: IngestSettings,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var available = availableMemory()
        let limit = environment[environmentVariable]?.trimmingCharacters(in: .whitespaces)
        if let limit, !limit.isEmpty {
            if limit.lowercased() == "off" { return }
            guard let bytes = parseSize(limit) else {
                throw PortraitError(stage: .readLedger, message: """
                    \(environmentVariable)=\(limit) is not a size. Set it to a number of bytes with \
                    an optional unit (K, M, G, T; KiB, MiB, GiB, TiB), e.g. 16G, or to off.
                    """)
            }
            available = bytes
        }
        try MemoryBudget(settings: settings).check(available: available, limit: limit?.isEmpty == false ? limit : nil,
                                                   dataDirectory: settings.dataDirectory)
    }
}
