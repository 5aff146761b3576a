/// `value` to one decimal, without a trailing `.0`: `12`, `12.5`, `-0.5`, as
/// the charts' SVG numbers are written. In whole tenths, not through
/// `String(Double)`: a timeline's overview writes thousands of them.
func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let whole = String(abs(tenths) / 10), fraction = abs(tenths) % 10
    return (tenths < 0 ? "-" : "") + (fraction == 0 ? whole : whole + "." + String(fraction))
}
