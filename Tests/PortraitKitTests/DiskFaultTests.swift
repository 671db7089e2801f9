import Foundation
import PortraitKit
import PortraitTestSupport
import Testing

/// Real file-system faults on a small tmpfs mounted for the test: a full disk and a read-only
/// output folder give exit 2 with a clear message, and the previous site survives.
@Suite("Disk faults", .serialized)
struct DiskFaultTests {
    /// A tmpfs of `kilobytes` mounted on a fresh folder, or nil where mounting is not permitted
    /// (not root, or a sandbox without CAP_SYS_ADMIN).
    static func mount(kilobytes: Int) -> TemporaryFolder? {
        let folder = TemporaryFolder("tmpfs")
        guard shell("mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path) == 0 else { return nil }
        return folder
    }

    @discardableResult
    static func shell(_ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func ledger(customers: Int) throws -> TemporaryFolder {
        let folder = TemporaryFolder("fault-ledger")
        _ = try LedgerSampler.write(SampleOptions(customers: customers, seed: 9), to: folder.path)
        return folder
    }

    static func build(_ data: String, out: String) throws -> PortraitRun {
        try runPortrait(["build", "--data", data, "--out", out], environment: ["SOURCE_DATE_EPOCH": "1795000000"])
    }

    @Test("a full disk gives exit 2 with a clear message and keeps the previous site")
    func fullDisk() throws {
        guard let disk = Self.mount(kilobytes: 4096) else {
            print("Disk fault tests skipped: mounting a tmpfs is not permitted here.")
            return
        }
        defer { Self.shell("umount", disk.path) }
        let small = try Self.ledger(customers: 5), large = try Self.ledger(customers: 600)
        let site = disk.path + "/site"
        #expect(try Self.build(small.path, out: site).status == 0)
        let before = KilledBuildTests.snapshot(site)
        // Fill the disk but for a little room.
        _ = Self.shell("dd", "if=/dev/zero", "of=\(disk.path)/filler", "bs=64k", "count=1000")
        _ = Self.shell("truncate", "-s", "-200k", "\(disk.path)/filler")
        let run = try Self.build(large.path, out: site)
        #expect(run.status == 2)
        #expect(run.stderr.contains("No space left on device"), "\(run.stderr)")
        #expect(run.stderr.contains("the previous site is untouched"))
        #expect(KilledBuildTests.snapshot(site) == before)
        #expect(!FileManager.default.fileExists(atPath: disk.path + "/.site.staging"))
    }

    @Test("a read-only output folder gives exit 2 with a clear message and keeps the previous site")
    func readOnlyOutput() throws {
        guard let disk = Self.mount(kilobytes: 8192) else {
            print("Disk fault tests skipped: mounting a tmpfs is not permitted here.")
            return
        }
        defer { Self.shell("umount", disk.path) }
        let small = try Self.ledger(customers: 5)
        let site = disk.path + "/site"
        #expect(try Self.build(small.path, out: site).status == 0)
        let before = KilledBuildTests.snapshot(site)
        #expect(Self.shell("mount", "-o", "remount,ro", disk.path) == 0)
        let run = try Self.build(small.path, out: site)
        #expect(run.status == 2)
        #expect(run.stderr.lowercased().contains("read only") || run.stderr.lowercased().contains("read-only"), "\(run.stderr)")
        #expect(run.stderr.contains("the previous site is untouched"))
        #expect(KilledBuildTests.snapshot(site) == before)
    }
}
