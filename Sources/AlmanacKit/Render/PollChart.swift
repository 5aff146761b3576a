/// A poll's results as a horizontal bar chart, laid out at build time so that
/// the SVG needs no script: the template only draws what this computes.
struct PollChart {
    let results: [Entry.Poll.Result]
    /// The interface's decimal separator.
    var decimal = "."

    static let width = 360
    static let rowHeight = 44
    static let barHeight = 18
    static let labelGap = 6

    var context: TemplateContext {
        let barSpace = Double(PollChart.width - 60)
        let rows = results.enumerated().map { index, result -> TemplateContext in
            let top = index * PollChart.rowHeight
            let barWidth = (barSpace * result.percent / 100 * 10).rounded() / 10
            return [
                "answer": result.answer,
                "percent": formatPercent(result.percent, decimal: decimal),
                "label_y": top + 14,
                "bar_y": top + 14 + PollChart.labelGap,
                "bar_width": oneDecimal(barWidth),
                "value_x": oneDecimal((barWidth + 6).rounded()),
                "value_y": top + 14 + PollChart.labelGap + PollChart.barHeight - 4,
            ]
        }
        return [
            "width": PollChart.width,
            "height": max(1, results.count) * PollChart.rowHeight,
            "bar_height": PollChart.barHeight,
            "rows": rows,
        ]
    }
}
