import Foundation
import LedgerModel
import PortraitKit
import PortraitTestSupport
import Testing

/// `--partition team`: each `teams/TEAM/` folder is a complete site of that team's rows only.
@Suite("Per-team sub-sites")
struct PartitionTests {
    /// A partitioned build of a generated ledger into `folder/site`, from `folder/data`.
    static func build(_ sample: SampleOptions = SampleOptions(customers: 400, seed: 8, dirt: 0.02))
        throws -> (folder: TemporaryFolder, options: BuildOptions, summary: BuildSummary) {
        let folder = TemporaryFolder("partition")
        _ = try LedgerSampler.write(sample, to: folder.path + "/data")
        var options = BuildOptions()
        options.dataDirectory = folder.path + "/data"
        options.outputDirectory = folder.path + "/site"
        options.today = Day(iso: "2026-11-22")
        options.partition = .team
        let summary = try BuildPipeline.build(options, runner: StageRunner(total: 7, interactive: false))
        return (folder, options, summary)
    }

    /// Every file's bytes below `root`.
    static func files(_ root: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: root + "/" + path) { result[path] = Array(data) }
        }
        return result
    }

    /// Whether `needle` occurs in `haystack`, byte for byte (`memchr` + `memcmp`: the test
    /// searches thousands of names in thousands of files).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { h in needle.withUnsafeBytes { n in
            guard var cursor = h.baseAddress else { return false }
            let last = h.baseAddress! + (h.count - n.count)
            while cursor <= last, let found = memchr(cursor, Int32(first), last - cursor + 1) {
                if memcmp(found, n.baseAddress!, n.count) == 0 { return true }
                cursor = UnsafeRawPointer(found) + 1
            }
            return false
        } }
    }

    @Test("no file of a team's sub-site names another team's customer or rep")
    func subSitesHoldOnlyTheirTeam() throws {
        let (folder, _, summary) = try Self.build()
        let ledger = summary.validation.ledger
        let teams = ledger.teams
        #expect(teams.count >= 3)
        let folders = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/site/teams").filter { $0 != "index.html" }
        #expect(folders.count == teams.count)

        for team in teams {
            let part = ledger.partition(team: team)
            let others = teams.filter { $0 != team }.map { ledger.partition(team: $0) }
            let ownText = (part.customers.map(\.name) + part.reps.map(\.name) + part.reps.compactMap(\.manager)).joined(separator: "\n")
            // Ids and phone digits exactly; names where they cannot be part of this team's own text.
            var secrets = Set<String>()
            for other in others {
                for customer in other.customers {
                    secrets.insert(customer.id)
                    if let phone = customer.phone { secrets.insert(phone) }
                    if customer.name.count >= 4 && !ownText.contains(customer.name) { secrets.insert(customer.name) }
                }
                for rep in other.reps {
                    secrets.insert("\"" + rep.id + "\"")
                    secrets.insert(">" + rep.id + "<")
                    secrets.insert("," + rep.id + ",")
                    if rep.name.count >= 3 && !ownText.contains(rep.name) { secrets.insert(rep.name) }
                }
            }
            let name = team ?? "unassigned"
            let root = folder.path + "/site/teams/" + (folders.first { $0 == name } ?? name)
            let files = Self.files(root)
            #expect(files["index.html"] != nil, "\(name) is a complete site")
            #expect(files["exports/customers.csv"] != nil)
            let needles = secrets.map { ($0, Array($0.utf8)) }
            var leaks: [String] = []
            for (path, bytes) in files {
                for (secret, needle) in needles where Self.contains(bytes, needle) { leaks.append("\(path): \(secret)") }
                if leaks.count > 5 { break }
            }
            #expect(leaks.isEmpty, "\(name): \(leaks.prefix(5))")
        }
    }

    @Test("every customer, rep and customer order belongs to exactly one team")
    func teamsPartitionTheLedger() throws {
        let folder = TemporaryFolder("partition-ledger")
        _ = try LedgerSampler.write(SampleOptions(customers: 400, seed: 8, dirt: 0.02), to: folder.path + "/data")
        var options = BuildOptions()
        options.dataDirectory = folder.path + "/data"
        options.today = Day(iso: "2026-11-22")
        let ledger = try BuildPipeline.validate(options, runner: StageRunner(total: 3, interactive: false)).ledger
        let parts = ledger.teams.map { ledger.partition(team: $0) }
        #expect(parts.map(\.customers.count).reduce(0, +) == ledger.customers.count)
        #expect(parts.map(\.reps.count).reduce(0, +) == ledger.reps.count)
        // Every customer's own orders go with the customer.
        let known = ledger.orders.filter { $0.customer >= 0 }.count
        #expect(parts.map { $0.orders.filter { $0.customer >= 0 }.count }.reduce(0, +) == known)
    }
}
