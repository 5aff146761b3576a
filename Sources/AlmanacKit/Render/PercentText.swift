/// `52`, `52.5`, `0.25`: a percentage as people write it (at most two decimals),
/// the same on every machine and in every locale.
func formatPercent(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    var text = String(hundredths / 100)
    let fraction = hundredths % 100
    if fraction != 0 { text += "." + (fraction % 10 == 0 ? String(fraction / 10) : zeroPadded(fraction, width: 2)) }
    return text
}
