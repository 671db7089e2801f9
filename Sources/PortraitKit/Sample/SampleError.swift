/// Why a sample ledger could not be written.
package enum SampleError: Error, CustomStringConvertible, Equatable {
    case invalidOptions(String)
    case cannotWrite(path: String, errno: Int32)
    case encodingUnavailable(String)
    case folderInUse(path: String, entries: [String])

    package var description: String {
        switch self {
        case .invalidOptions(let reason):
            return "invalid sample options: \(reason)"
        case .cannotWrite(let path, let code):
            return "cannot write \(path) (errno \(code)); check that the folder exists and is writable"
        case .encodingUnavailable(let name):
            return "iconv cannot convert UTF-8 to \(name) on this system"
        case .folderInUse(let path, let entries):
            let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
            return "\(path) already holds files (\(shown)); a sample would overwrite them or mix with them. "
                + "Choose a new or empty folder with --out, or pass --force to write over them."
        }
    }
}
