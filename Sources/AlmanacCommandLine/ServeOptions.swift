import AlmanacKit
import ArgumentParser

/// What `almanac serve` takes. `almanac` reads them (for `--help` and to
/// refuse a wrong command line at once), then hands the command line to the
/// `almanac-serve` program beside it, which runs the preview server: the HTTP
/// library it needs links Foundation's networking and libcurl, which every
/// other command would otherwise load at start-up.
public struct ServeOptions: ParsableArguments {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve over HTTP, rebuild when Content/ or Templates/ change, and reload the browser.",
        discussion: """
        The preview is built into a temporary folder (or --output), never into ROOT/Output, \
        and the reload script exists only in served pages. Ctrl-C stops.
        """
    )

    @OptionGroup public var site: SiteOptions

    @Option(help: ArgumentHelp("The address to listen on. Anything but loopback exposes the preview to the network.", valueName: "ADDRESS"))
    public var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    public var port: UInt16 = 8000

    @Option(help: ArgumentHelp("Build into and serve from this folder, and keep it (default: a temporary folder, removed on exit).", valueName: "DIR"))
    public var output: String?

    @Flag(help: "Include entries marked draft: true.")
    public var drafts = false

    @Option(help: "How many threads to build with (default: one per core).")
    public var jobs: Int?

    @Flag(help: "Print errors and the address only.")
    public var quiet = false

    public func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
