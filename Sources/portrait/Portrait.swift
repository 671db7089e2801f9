import ArgumentParser
import PortraitKit

@main
struct Portrait: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "portrait")
}
