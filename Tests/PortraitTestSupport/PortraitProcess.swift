import Foundation

/// The result of running the built `portrait` binary.
package struct PortraitRun: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
}

/// Runs the `portrait` executable built beside the test bundle, in `directory`.
///
/// CLI tests run the real binary, as a user would (argument-parser's `AssertExecuteCommand`).
package func runPortrait(_ arguments: [String], in directory: String? = nil,
                         environment: [String: String] = [:]) throws -> PortraitRun {
    let process = Process()
    process.executableURL = portraitExecutable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently so neither fills and blocks the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return PortraitRun(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
}

/// `portrait` in the build products folder that holds the running test bundle.
package let portraitExecutable: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("portrait")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: packageRoot + "/.build/debug/portrait")
}()
