/// `52`, `52.5`, `0.25`: a percentage as people write it (at most two decimals),
/// the same on every machine and in every locale; `decimal` is the
/// interface's decimal separator (`52,5` in Russian and Kazakh).
func formatPercent(_ value: Double, decimal: String = ".") -> String {
    let hundredths = Int((value * 100).rounded())
    var text = String(hundredths / 100)
    let fraction = hundredths % 100
    if fraction != 0 { text += decimal + (fraction % 10 == 0 ? String(fraction / 10) : zeroPadded(fraction, width: 2)) }
    return text
}
