import Foundation
import PortraitKit
import PortraitTestSupport
import Testing

/// A build killed at any moment leaves the previous site whole or the new one whole, never a
/// mixture: the new site is staged beside the old and swapped in with one rename.
@Suite("Killed builds")
struct KilledBuildTests {
    /// Path → bytes of every file under `root` (hidden staging folders are siblings, not inside).
    static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: root + "/" + path) }
        }
        return result
    }

    static func runBuild(data: String, out: String, in folder: TemporaryFolder) throws {
        let run = try runPortrait(["build", "--data", data, "--out", out], in: folder.path,
                                  environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        try #require(run.status == 0, "\(run.stderr)")
    }

    @Test("SIGKILL at 20 moments of a build leaves the old site or the new one, whole")
    func killedBuildsLeaveAWholeSite() throws {
        let folder = TemporaryFolder("killed")
        _ = try LedgerSampler.write(SampleOptions(customers: 150, seed: 1, dirt: 0.02), to: folder.path + "/v1")
        // v2 is v1 with one order line's amount raised: most pages are the same, so builds keep
        // the site they replace and the next build starts from it (the kills hit those too).
        try FileManager.default.copyItem(atPath: folder.path + "/v1", toPath: folder.path + "/v2")
        let orders = folder.path + "/v2/orders.csv"
        var lines = try String(contentsOfFile: orders, encoding: .utf8).components(separatedBy: "\n")
        let row = try #require(lines.indices.dropFirst().first { index in
            let fields = lines[index].split(separator: ",", omittingEmptySubsequences: false)
            return !lines[index].contains("\"") && fields.count > 3 && Double(fields[3]) != nil
        })
        var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[3] = String(format: "%.2f", Double(fields[3])! + 1000)
        lines[row] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: orders, atomically: true, encoding: .utf8)
        try Self.runBuild(data: "v1", out: "expected1", in: folder)
        try Self.runBuild(data: "v2", out: "expected2", in: folder)
        let versions = [Self.snapshot(folder.path + "/expected1"), Self.snapshot(folder.path + "/expected2")]
        #expect(versions[0] != versions[1])

        try Self.runBuild(data: "v1", out: "site", in: folder)
        try Self.runBuild(data: "v2", out: "site", in: folder)
        try Self.runBuild(data: "v1", out: "site", in: folder)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.site.staging/.portrait-manifest"),
                "the replaced site is kept: the kills below hit builds that start from it")
        let start = ContinuousClock.now
        try Self.runBuild(data: "v2", out: "timing", in: folder)
        let full = ContinuousClock.now - start

        var outcomes = [0, 0]
        for attempt in 0..<20 {
            let data = attempt % 2 == 0 ? "v2" : "v1"
            let process = Process()
            process.executableURL = portraitExecutable
            process.arguments = ["build", "--data", data, "--out", "site"]
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1795000000"]) { $1 }
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread the kills over the whole build, the swap at its end included.
            let delay = full * (Double(attempt) + 0.5) / 19.0
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let site = Self.snapshot(folder.path + "/site")
            let match = versions.firstIndex(of: site)
            #expect(match != nil, "attempt \(attempt): the site is a mixture (\(site.count) files)")
            if let match { outcomes[match] += 1 }
        }
        // A later build cleans up what a killed one left beside the site: what stays there is
        // the site it replaced, whole (kept for the next build to start from), or nothing.
        try Self.runBuild(data: "v1", out: "site", in: folder)
        #expect(Self.snapshot(folder.path + "/site") == versions[0])
        let staging = folder.path + "/.site.staging"
        if FileManager.default.fileExists(atPath: staging) {
            #expect(versions.contains(Self.snapshot(staging)), "the folder beside the site is a whole site")
        }
        // And builds starting from it publish whole sites.
        try Self.runBuild(data: "v2", out: "site", in: folder)
        #expect(Self.snapshot(folder.path + "/site") == versions[1])
        try Self.runBuild(data: "v1", out: "site", in: folder)
        #expect(Self.snapshot(folder.path + "/site") == versions[0])
    }
}

@Suite("Interrupted builds")
struct InterruptedBuildTests {
    @Test("Ctrl-C stops a build with exit 130, removes the staging folder and keeps the old site")
    func interruptIsClean() throws {
        let folder = TemporaryFolder("interrupted")
        _ = try LedgerSampler.write(SampleOptions(customers: 400, seed: 4), to: folder.path + "/data")
        try KilledBuildTests.runBuild(data: "data", out: "site", in: folder)
        let before = KilledBuildTests.snapshot(folder.path + "/site")
        _ = try LedgerSampler.write(SampleOptions(customers: 1500, seed: 5), to: folder.path + "/data")

        let process = Process()
        process.executableURL = portraitExecutable
        process.arguments = ["build"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Interrupt while the build is writing: once its staging folder exists.
        let staging = folder.path + "/.site.staging"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: staging) && process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.002)
        }
        try #require(process.isRunning, "the build ended before it began writing")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.contains("interrupted; the previous site is untouched"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.site.staging"))
        #expect(KilledBuildTests.snapshot(folder.path + "/site") == before)
    }
}
