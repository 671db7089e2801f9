/// Why a sample ledger could not be written.
package enum SampleError: Error, CustomStringConvertible, Equatable {
    case invalidOptions(String)
    case cannotWrite(path: String, errno: Int32)
    case encodingUnavailable(String)

    package var description: String {
        switch self {
        case .invalidOptions(let reason):
            return "invalid sample options: \(reason)"
        case .cannotWrite(let path, let code):
            return "cannot write \(path) (errno \(code)); check that the folder exists and is writable"
        case .encodingUnavailable(let name):
            return "iconv cannot convert UTF-8 to \(name) on this system"
        }
    }
}
