@testable import SiteRenderer
import Testing

@Suite struct HTMLEscapingTests {
    @Test func textAndAttributeCharactersAreEscaped() {
        #expect(HTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("客户 plain") == "客户 plain")
    }

    @Test func javaScriptStringsCannotCloseTheScriptOrOpenAComment() {
        let js = HTML.javaScriptString("</script><!--\"\\\n\u{2028}'&")
        #expect(!js.contains("<") && !js.contains(">"))
        #expect(js == #"\u003c/script\u003e\u003c!--\"\\\n\u2028\u0027\u0026"#)
    }

    @Test func theSearchIndexEscapesEveryNameAndId() throws {
        let site = try SiteBuild(content: SiteFixture.content(), templates: TemplateLibrary(directory: nil))
        let script = SearchIndex.script(site)
        #expect(script.hasPrefix("window.PORTRAIT_SEARCH=\""))
        #expect(!script.contains("<") && !script.contains(">"))
        #expect(script.contains(#"\u003cscript\u003ealert(1)"#))
        #expect(!script.contains("13812345678"))
        #expect(script.contains("138****5678"))
    }
}
