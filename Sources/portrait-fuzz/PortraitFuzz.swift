#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PortraitFuzzTargets

/// The target named by `PORTRAIT_FUZZ_TARGET` (csv, decoding, values, xml, ledger).
///
/// Read once, on the first input; an unknown or missing name stops the run at once with the list,
/// rather than fuzzing the wrong thing for half an hour.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["PORTRAIT_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        complain("portrait-fuzz: set PORTRAIT_FUZZ_TARGET to one of: \(names)\n")
        exit(2)
    }
    return target
}()

/// Writes `message` on standard error.
func complain(_ message: String) {
    FileHandle.standardError.write(Data(message.utf8))
}

/// libFuzzer's entry point: one input through the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    selectedTarget.run(bytes)
    return 0
}

#if FUZZING
/// libFuzzer's driver (in `libclang_rt.fuzzer`), which parses the libFuzzer flags and runs inputs.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The process entry in a fuzz build.
///
/// SwiftPM links an executable with `main` aliased to `portrait_fuzz_main` (so tests can link
/// the module), which libFuzzer's own `main` cannot satisfy; this hands over to its driver.
@_cdecl("portrait_fuzz_main")
public func fuzzMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
#else
/// Without libFuzzer (a plain `swift build`): runs the files and folders given as arguments
/// through the selected target once each, to replay a crash under a debugger.
@main
struct PortraitFuzz {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            complain("usage: PORTRAIT_FUZZ_TARGET=csv portrait-fuzz FILE-OR-FOLDER…\n")
            exit(2)
        }
        _ = selectedTarget
        for path in paths {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    complain("portrait-fuzz: cannot read \(file)\n")
                    exit(2)
                }
                print("Running: \(file)")
                selectedTarget.run(Array(data))
            }
        }
    }

    /// `path` itself, or the regular files below it in name order.
    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names = FileManager.default.subpaths(atPath: path) ?? []
        return names.sorted().map { path + "/" + $0 }.filter {
            var nested: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &nested) && !nested.boolValue
        }
    }
}
#endif
