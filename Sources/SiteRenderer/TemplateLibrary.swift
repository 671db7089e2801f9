import Foundation
import Mustache

/// The site's templates, strings tables and static assets, compiled once per build.
///
/// The defaults are built into the binary (``DefaultTemplates``, generated from `templates/` by
/// `scripts/embed-templates.sh`), so `portrait` works anywhere. A user's templates folder
/// overrides them file by file: a file it lacks falls back to the built-in one, so a folder
/// holding only `assets/site.css` restyles the site and keeps every page.
package struct TemplateLibrary: Sendable {
    /// Every file by its path inside the templates folder (`page-index.mustache`, `assets/site.css`).
    package let files: [String: String]
    /// Paths whose text is not the built-in one (a user's folder replaced them).
    package let customized: Set<String>
    private let library: MustacheLibrary

    /// Loads and compiles the templates.
    /// - Throws: `TemplateError` naming the file (and line and column for a syntax error).
    package init(directory: String?) throws {
        var files = Dictionary(uniqueKeysWithValues: DefaultTemplates.files.map { ($0.path, $0.text) })
        if let directory {
            for (path, text) in try TemplateLibrary.readFolder(directory) { files[path] = text }
        }
        try self.init(files: files, origin: directory)
    }

    /// Compiles the given files; `origin` prefixes the file names in errors.
    package init(files: [String: String], origin: String? = nil) throws {
        self.files = files
        let builtIn = Dictionary(uniqueKeysWithValues: DefaultTemplates.files.map { ($0.path, $0.text) })
        customized = Set(files.filter { builtIn[$0.key] != $0.value }.map(\.key))
        try TemplateLibrary.check(files, origin: origin)
        var library = MustacheLibrary()
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: files[path]!), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: origin.map { $0 + "/" + path } ?? "templates/" + path,
                                    line: error.context.lineNumber, column: error.context.columnNumber,
                                    reason: TemplateLibrary.describe(error.error) + " (near “\(error.context.line)”).",
                                    hint: "Fix the template, or delete it to use the built-in one.")
            }
        }
        self.library = library
    }

    /// Renders the template `name` (path without `.mustache`) with `context`.
    package func render(_ name: String, _ context: [String: Any]) throws -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw TemplateError(file: "templates/" + name + ".mustache", reason: "The template is missing.",
                                hint: "Restore it from Portrait's own templates/ folder, or stop passing --templates.")
        }
        return text
    }

    /// The strings table of `locale`.
    package func strings(_ locale: SiteLocale) throws -> Strings {
        let path = "strings/" + locale.rawValue + ".strings"
        guard let text = files[path] else {
            throw TemplateError(file: "templates/" + path, reason: "The strings table is missing.",
                                hint: "Restore it from Portrait's own templates/ folder.")
        }
        return try Strings(parsing: text, file: "templates/" + path)
    }

    /// Reads every regular file under `directory`, paths relative and `/`-separated.
    static func readFolder(_ directory: String) throws -> [(String, String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError(file: directory, reason: "The templates folder does not exist or is not a folder.",
                                hint: "Check the folder given with --templates.")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw TemplateError(file: directory, reason: "The templates folder cannot be read.",
                                hint: "Check its permissions.")
        }
        var result: [(String, String)] = []
        for case let path as String in enumerator {
            let full = directory + "/" + path
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            if isDir.boolValue || path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard let data = FileManager.default.contents(atPath: full) else {
                throw TemplateError(file: full, reason: "The template file cannot be read.",
                                    hint: "Check its permissions, or remove it to use the built-in one.")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: full, reason: "The template file is not UTF-8 text.",
                                    hint: "Save it as UTF-8.")
            }
            result.append((path, text))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "A section is closed with a name other than the one it was opened with"
        case .unfinishedName: "A tag is not closed or its name is malformed"
        case .expectedSectionEnd: "A section is opened but never closed"
        case .invalidSetDelimiter: "A set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "A transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "An inheritance section holds a tag it cannot hold"
        case .textInsideInheritSection: "An inheritance section holds text outside a block"
        case .invalidConfigVariableSyntax: "A configuration tag is malformed"
        case .unrecognisedConfigVariable: "A configuration tag names an unknown setting"
        case nil: "The template cannot be parsed (\(error))"
        }
    }
}
