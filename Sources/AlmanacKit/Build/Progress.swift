import Foundation

extension Almanac {
    /// One stage of a build, finished: what it did, how many things, how long it took.
    /// `build` and `serve` print one line for each; the build itself prints nothing.
    public struct StageReport: Sendable, Equatable {
        public enum Stage: String, Sendable, CaseIterable {
            /// `cache`: saving the build cache, when the build keeps one.
            case theme, load, parse, link, render, write, cache
        }

        public let stage: Stage
        public let count: Int
        /// What `count` counts, in the number it has ("1 file", "2 entries").
        public let noun: String
        public let seconds: Double

        public init(stage: Stage, count: Int, noun: String, seconds: Double) {
            self.stage = stage
            self.count = count
            self.noun = noun
            self.seconds = seconds
        }

        /// `render   1240 pages        812 ms`
        public var line: String {
            let name = stage.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let amount = "\(count) \(noun)"
            let padded = amount.count < 18 ? amount.padding(toLength: 18, withPad: " ", startingAt: 0) : amount + " "
            return name + padded + Self.milliseconds(seconds)
        }

        static func milliseconds(_ seconds: Double) -> String {
            let ms = Int((seconds * 1000).rounded())
            let text = "\(ms) ms"
            return String(repeating: " ", count: max(0, 8 - text.count)) + text
        }
    }

    /// Receives each stage as it finishes (on the thread running the build).
    public typealias ProgressHandler = @Sendable (StageReport) -> Void

    /// Measures one stage and hands it to the progress handler, if there is one.
    struct StageClock {
        private var start = DispatchTime.now().uptimeNanoseconds
        let progress: ProgressHandler?

        init(_ progress: ProgressHandler?) { self.progress = progress }

        /// Starts timing the next stage from now.
        mutating func restart() { start = DispatchTime.now().uptimeNanoseconds }

        /// Reports the stage that ran since the last call (or since the clock started),
        /// `count` of `singular` (see `Plural.noun`).
        mutating func finish(_ stage: StageReport.Stage, _ count: Int, _ singular: String, _ plural: String? = nil) {
            let now = DispatchTime.now().uptimeNanoseconds
            progress?(StageReport(stage: stage, count: count, noun: Plural.noun(count, singular, plural), seconds: Double(now - start) / 1e9))
            start = now
        }
    }
}
