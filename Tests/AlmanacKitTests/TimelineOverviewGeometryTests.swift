import Foundation
import Testing
@testable import AlmanacKit

/// The overviews of whole built sites, read back from the generated HTML as a
/// reader's browser draws them: every mark must be its own target.
@Suite struct TimelineOverviewGeometryTests {
    /// The repository's own site (Content/ at the top of the repository).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The charts' numbers: one decimal at most, never a trailing `.0`.
    @Test func numbersAreWrittenToOneDecimal() {
        #expect(oneDecimal(12) == "12")
        #expect(oneDecimal(12.5) == "12.5")
        #expect(oneDecimal(12.04) == "12")
        #expect(oneDecimal(12.06) == "12.1")
        #expect(oneDecimal(0.05) == "0.1")
        #expect(oneDecimal(-0.5) == "-0.5")
        #expect(oneDecimal(399.96) == "400")
    }

    @Test(arguments: ["repository", "basic", "custom-theme", "generated"])
    func everyMarkIsItsOwnTarget(_ name: String) throws {
        let scratch = TemporaryFolder()
        let root = switch name {
        case "repository": TimelineOverviewGeometryTests.repository
        case "generated": GeneratedSite.write(events: 1_000, in: scratch)
        default: Fixtures.site(name)
        }
        let output = scratch.url.appending(path: "Output")
        let report = build(root, output: output)
        try #require(report.succeeded, "\(report.diagnostics)")
        var overviews = 0
        for (path, data) in tree(output) where path.hasSuffix(".html") {
            for svg in OverviewSVG.all(in: String(decoding: data, as: UTF8.self)) {
                overviews += 1
                let problems = svg.problems()
                #expect(problems.isEmpty, "\(name): \(path): \(problems.prefix(5))")
            }
        }
        #expect(overviews > 0)
    }
}

/// An overview's SVG as drawn: its size, and the shapes in the order they are painted.
struct OverviewSVG {
    struct Shape {
        /// The link it is drawn in: its place among the SVG's links.
        let link: Int?
        let x: Double, y: Double, width: Double, height: Double

        func contains(_ other: Shape) -> Bool {
            x <= other.x && y <= other.y && other.x + other.width <= x + width && other.y + other.height <= y + height
        }

        func overlaps(_ other: Shape) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    let width: Double, height: Double
    /// Each link's address, in the order they are drawn.
    let hrefs: [String]
    /// Each `<rect>`, in the order they are painted.
    let shapes: [Shape]

    static func all(in html: String) -> [OverviewSVG] {
        html.matches(of: /<figure class="overview"[^>]*>\s*<svg viewBox="0 0 ([\d.]+) ([\d.]+)"(?s:.*?)<\/svg>/).map { match in
            var shapes: [Shape] = []
            var hrefs: [String] = []
            let svg = match.output.0
            // A rect outside any link still counts: it is painted over the links before it.
            for part in svg.matches(of: /<a href="([^"]*)"[^>]*>(?s:.*?)<\/a>|<rect [^>]*>/) {
                let link = part.output.1.map { href -> Int in
                    hrefs.append(String(href))
                    return hrefs.count - 1
                }
                for rect in part.output.0.matches(of: /<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/) {
                    shapes.append(Shape(link: link, x: Double(rect.output.1)!, y: Double(rect.output.2)!,
                                        width: Double(rect.output.3)!, height: Double(rect.output.4)!))
                }
            }
            return OverviewSVG(width: Double(match.output.1)!, height: Double(match.output.2)!, hrefs: hrefs, shapes: shapes)
        }
    }

    /// What keeps a mark from being seen or hit: a link drawn twice, a link
    /// whose whole area lies under a shape painted after it, a link that
    /// overlaps another, a shape outside the picture.
    func problems() -> [String] {
        var problems: [String] = []
        if Set(hrefs).count != hrefs.count { problems.append("a link is drawn in more than one place") }
        for (index, shape) in shapes.enumerated() {
            if shape.x < 0 || shape.y < 0 || shape.x + shape.width > width || shape.y + shape.height > height || shape.width <= 0 || shape.height <= 0 {
                problems.append("outside the picture: \(shape)")
            }
            guard let link = shape.link else { continue }
            if shapes[(index + 1)...].contains(where: { $0.contains(shape) }) {
                problems.append("\(hrefs[link]) lies under a later shape: \(shape)")
            }
            if let other = shapes.first(where: { $0.link != link && $0.overlaps(shape) }) {
                problems.append("\(hrefs[link]) overlaps \(other.link.map { hrefs[$0] } ?? "a shape"): \(shape)")
            }
        }
        return problems
    }
}

/// A site of `events` events and a poll per fifty events, spread over the
/// years 2000 to 2024 at every precision, with spans of up to three years,
/// one early date (1898), and forty actors that each take part in many events.
/// Fixed: the same numbers every run.
enum GeneratedSite {
    static func write(events: Int, in folder: TemporaryFolder) -> URL {
        var random = 0x2545F4914F6CDD1D as UInt64
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        func date(_ year: Int) -> String {
            switch next(10) {
            case 0..<2: "\(year)"
            case 2..<5: "\"\(year)-\(zeroPadded(1 + next(12), width: 2))\""
            default: "\"\(year)-\(zeroPadded(1 + next(12), width: 2))-\(zeroPadded(1 + next(28), width: 2))\""
            }
        }
        var files: [String: String] = [:]
        for actor in 0..<40 { files["Content/actors/a\(actor).md"] = "---\ntitle: Actor \(actor)\nkind: person\n---\n" }
        for number in 0..<events {
            let year = number == 0 ? 1898 : 2000 + next(25)
            var front = "title: Event \(number)\ndate: \(date(year))\nactors: [a\(next(20)), a\(20 + next(20))]\n"
            if next(5) == 0 { front += "end: \(date(year + 1 + next(3)))\n" }
            files["Content/events/e\(number).md"] = "---\n\(front)---\n"
        }
        for number in 0..<(events / 50) {
            files["Content/polls/p\(number).md"] = """
            ---
            title: Poll \(number)
            pollster: a\(next(40))
            date: \(date(2014 + next(11)))
            question: Do you agree?
            results: [{answer: Yes, percent: 50}, {answer: No, percent: 50}]
            ---

            """
        }
        return makeSite(files, in: folder)
    }
}
