import AlmanacFuzzing
import Foundation

// libFuzzer's entry point: `swift build --sanitize=fuzzer` links libFuzzer's
// own main. Only in the package when ALMANAC_FUZZ is set (see Package.swift
// and scripts/fuzz).
private let root = URL(fileURLWithPath: NSTemporaryDirectory()).appending(path: "almanac-fuzz-\(getpid())")

@_cdecl("LLVMFuzzerTestOneInput")
public func almanacFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let problems = SiteFuzzer.check(input, root: root)
    if !problems.isEmpty {
        FileHandle.standardError.write(Data(problems.joined(separator: "\n").utf8 + [10]))
        abort()
    }
    return 0
}
