import Foundation
import PortraitKit
import PortraitTestSupport
import SiteRenderer
import Testing

/// `portrait init` through the real binary: what it writes, where, and what it refuses.
@Suite("portrait init")
struct InitCommandTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1795000000"]

    /// Every file below `root` with its bytes, by relative path.
    static func tree(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: root + "/" + path)
            }
        }
        return result
    }

    @Test("writes portrait.yml and every built-in template beside the data folder, byte for byte")
    func writesTheStarterFiles() throws {
        let folder = TemporaryFolder()
        let run = try runPortrait(["init"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let written = Self.tree(folder.path)
        #expect(written.count == DefaultTemplates.files.count + 1)
        for file in DefaultTemplates.files {
            #expect(written["templates/" + file.path] == Data(file.text.utf8), "\(file.path)")
        }
        let yml = try #require(written["portrait.yml"].map { String(decoding: $0, as: UTF8.self) })
        for key in ["currency:", "date_order:", "at_risk_days:", "churn_days:", "loyal_orders:", "follow_up_days:",
                    "stale_days:", "grade_a_share:", "grade_b_share:", "model:", "mask_contacts:", "portraits:",
                    "# title:", "# locale:", "# as_of:", "# period:", "# tables:", "#     derive:"] {
            #expect(yml.contains(key), "\(key) missing from portrait.yml")
        }
        #expect(run.stderr.contains("Wrote \(DefaultTemplates.files.count + 1) files"), "\(run.stderr)")

        // `--data` elsewhere: the files go into the folder holding it, where build looks.
        let nested = TemporaryFolder()
        let other = try runPortrait(["init", "--data", "crm/export"], in: nested.path)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(nested.exists("crm/portrait.yml") && nested.exists("crm/templates/layout.mustache"))
        #expect(!nested.exists("portrait.yml") && !nested.exists("crm/export"))
    }

    @Test("a build with the files init wrote makes the same site as a build without them, in both locales")
    func changesNothingUntilEdited() throws {
        let plain = TemporaryFolder(), initialized = TemporaryFolder()
        for folder in [plain, initialized] {
            let sample = try runPortrait(["sample", "--customers", "150", "--out", "data", "--dirt", "0.05"], in: folder.path)
            #expect(sample.status == 0, "\(sample.stderr)")
        }
        #expect(try runPortrait(["init"], in: initialized.path).status == 0)
        for locale in ["zh-CN", "en"] {
            for folder in [plain, initialized] {
                let run = try runPortrait(["build", "--locale", locale, "--out", "site-" + locale], in: folder.path, environment: Self.epoch)
                #expect(run.status == 0, "\(run.stderr)")
            }
            let expected = Self.tree(plain.path + "/site-" + locale)
            #expect(expected.count > 150)
            #expect(Self.tree(initialized.path + "/site-" + locale) == expected, "\(locale)")
        }

        // The written files are what the build reads: an edit shows.
        let yml = try #require(initialized.read("portrait.yml"))
        initialized.write("portrait.yml", yml.replacingOccurrences(of: "# title: 客户画像报告", with: "title: 华东区客户画像"))
        let css = try #require(initialized.read("templates/assets/site.css"))
        initialized.write("templates/assets/site.css", css + "\n.edited-by-test { color: red; }\n")
        #expect(try runPortrait(["build"], in: initialized.path, environment: Self.epoch).status == 0)
        #expect(initialized.read("site/index.html")?.contains("华东区客户画像") == true)
        #expect(initialized.read("site/assets/site.css")?.contains(".edited-by-test") == true)
    }

    @Test("edited files are kept: init refuses, writes nothing and names the file; --force replaces them")
    func keepsEdits() throws {
        let folder = TemporaryFolder()
        #expect(try runPortrait(["init"], in: folder.path).status == 0)

        let again = try runPortrait(["init"], in: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("already the built-in ones; nothing was written"), "\(again.stderr)")

        folder.write("templates/page-dashboard.mustache", "my dashboard")
        try FileManager.default.removeItem(atPath: folder.path + "/portrait.yml")
        let refused = try runPortrait(["init"], in: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("templates/page-dashboard.mustache: The file exists and differs"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(folder.read("templates/page-dashboard.mustache") == "my dashboard")
        #expect(!folder.exists("portrait.yml"), "a refused init wrote a file")

        let forced = try runPortrait(["init", "--force"], in: folder.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("Wrote 2 files"), "\(forced.stderr)")
        let dashboard = try #require(DefaultTemplates.files.first { $0.path == "page-dashboard.mustache" })
        #expect(folder.read("templates/page-dashboard.mustache") == dashboard.text)
        #expect(folder.exists("portrait.yml"))
    }

    @Test("a file where init needs a folder, or a folder where it needs a file, stops it with exit 2")
    func refusesWhatIsInTheWay() throws {
        let blockedFolder = TemporaryFolder()
        blockedFolder.write("templates", "not a folder")
        let run = try runPortrait(["init"], in: blockedFolder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/templates: A file is in the way of this folder"), "\(run.stderr)")
        #expect(!blockedFolder.exists("portrait.yml"))

        let blockedFile = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: blockedFile.path + "/portrait.yml", withIntermediateDirectories: true)
        let other = try runPortrait(["init", "--force"], in: blockedFile.path)
        #expect(other.status == 2)
        #expect(other.stderr.contains("/portrait.yml: A folder is in the way of this file"), "\(other.stderr)")
        #expect(!blockedFile.exists("templates"))
    }
}
