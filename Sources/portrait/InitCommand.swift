import ArgumentParser
import Foundation
import PortraitKit

/// `portrait init`: a commented `portrait.yml` and the default templates, beside the data folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented portrait.yml and the default templates to edit, beside the data folder.")

    @Option(name: .long, help: "The data folder the files are for; they are written into the folder holding it.")
    var data = "data"

    @Flag(name: .long, help: "Replace files that exist and differ (your edits are lost).")
    var force = false

    func run() throws {
        let outcome: ProjectInit.Outcome
        do {
            outcome = try ProjectInit.write(into: ProjectInit.folder(besideData: data), overwrite: force)
        } catch {
            throw fail(error)
        }
        let count = outcome.written.count
        let text = count == 0 ? "portrait.yml and templates/ in \(outcome.folder) are already the built-in ones; nothing was written.\n"
            : "Wrote \(count) \(count == 1 ? "file" : "files") of portrait.yml and templates/ into \(outcome.folder)"
            + (outcome.unchanged.isEmpty ? "" : " (\(outcome.unchanged.count) already the same)")
            + ". `portrait build --data \(data)` uses them: edit, then build again.\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
