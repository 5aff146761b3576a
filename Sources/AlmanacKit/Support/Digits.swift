extension Array where Element == UInt8 {
    /// Appends `value` in `radix` (2 to 36), digits then lowercase letters:
    /// the search index's base-36 postings and the cache's decimal stamps.
    mutating func appendDigits(of value: UInt64, radix: UInt64) {
        // Digits are appended least significant first, then put in order.
        let start = count
        var rest = value
        repeat {
            let digit = UInt8(rest % radix)
            append(digit < 10 ? digit + 48 : digit + 87)
            rest /= radix
        } while rest > 0
        self[start...].reverse()
    }
}
