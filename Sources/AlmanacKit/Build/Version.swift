extension Almanac {
    /// `almanac --version`. The content format it reads is version 2 (docs/format.md).
    public static let version = "0.2.0"
}
