import Foundation
import PortraitTestSupport
@testable import SiteRenderer
import Testing

@Suite struct TemplateLibraryTests {
    @Test func aSyntaxErrorNamesFileLineAndColumn() {
        let files = ["page-quality.mustache": "<h1>{{title}}</h1>\n<p>\n  {{#rows}}{{name}}{{/row}}\n</p>\n"]
        #expect {
            try TemplateLibrary(files: files, origin: "my-templates")
        } throws: { error in
            let error = error as! TemplateError
            return error.file == "my-templates/page-quality.mustache" && error.line == 3 && error.column != nil
                && error.description.hasPrefix("my-templates/page-quality.mustache:3:")
        }
    }

    @Test func aMissingTemplatesFolderIsNamed() {
        #expect {
            try TemplateLibrary(directory: "/nonexistent/templates")
        } throws: { error in
            (error as? TemplateError)?.description.contains("/nonexistent/templates") == true
        }
    }

    @Test func aUserFolderOverridesFileByFile() throws {
        let folder = TemporaryFolder("portrait-templates")
        folder.write("assets/site.css", "body{color:red}")
        folder.write("footer.mustache", "<footer>Acme Corp</footer>")
        let pages = try SiteRenderer.renderAll(SiteFixture.content(templates: folder.path))
        #expect(pages["assets/site.css"]!.hasSuffix("body{color:red}"))
        #expect(pages["index.html"]!.contains("<footer>Acme Corp</footer>"))
        #expect(pages["index.html"]!.contains("<h1>概览</h1>"))
    }

    @Test func aBrokenUserTemplateStopsTheBuildWithItsLocation() {
        let folder = TemporaryFolder("portrait-templates")
        folder.write("page-dashboard.mustache", "{{<layout}}\n{{$main}}\n{{#kpis}}\n{{/main}}\n{{/layout}}\n")
        #expect(throws: TemplateError.self) { try SiteRenderer.renderAll(SiteFixture.content(templates: folder.path)) }
    }

    @Test func theEmbeddedTemplatesEqualTheTemplatesFolder() throws {
        let folder = packageRoot + "/templates"
        let onDisk = try TemplateLibrary.readFolder(folder)
        let embedded = DefaultTemplates.files.map { ($0.path, $0.text) }
        #expect(onDisk.map(\.0) == embedded.map(\.0), "run scripts/embed-templates.sh")
        for ((path, disk), (_, built)) in zip(onDisk, embedded) {
            #expect(disk == built, "\(path) differs from its embedded copy: run scripts/embed-templates.sh")
        }
    }

    @Test func bothStringsTablesHaveTheSameKeysAndCoverTheTemplates() throws {
        let library = try TemplateLibrary(directory: nil)
        let zh = try library.strings(.zhCN), en = try library.strings(.en)
        #expect(Set(zh.table.keys) == Set(en.table.keys))
        let pattern = try NSRegularExpression(pattern: #"\{\{s\.([a-z0-9_.]+)\}\}"#)
        for (path, text) in library.files where path.hasSuffix(".mustache") {
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                #expect(en.table[key] != nil, "\(path) uses missing string \(key)")
            }
        }
    }

    @Test func renderedPagesShowNoRawStringKeys() throws {
        for (path, text) in PageRenderTests.en where path.hasSuffix(".html") {
            for prefix in ["nav.", "kpi.", "dashboard.", "portrait.", "common.", "team.", "service.", "quality.", "lifecycle.", "segments.", "action."] {
                #expect(!text.replacingOccurrences(of: ">segments.csv", with: "").contains(">" + prefix), "\(path) shows a raw key starting \(prefix)")
            }
        }
    }
}
