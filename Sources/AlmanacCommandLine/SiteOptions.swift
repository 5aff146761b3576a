import ArgumentParser
import Foundation

/// Options every command that reads a site shares.
public struct SiteOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: ArgumentHelp("The site's root folder, holding Content/, Templates/ and Output/.", valueName: "DIR"))
    public var root: String = "."

    public var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }
}
