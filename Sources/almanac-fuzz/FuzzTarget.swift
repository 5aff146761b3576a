import AlmanacFuzzing
import Foundation

// libFuzzer's entry points. SwiftPM links an executable's entry as
// `almanac_fuzz_main`, so that function hands control to libFuzzer's driver.
// Only in the package when ALMANAC_FUZZ=1 (see Package.swift and scripts/fuzz).
// ALMANAC_FUZZ_TARGET=theme fuzzes templates (`ThemeFuzzer`), otherwise sites (`SiteFuzzer`).
private let root = URL(fileURLWithPath: NSTemporaryDirectory()).appending(path: "almanac-fuzz-\(getpid())")
private let fuzzesThemes = ProcessInfo.processInfo.environment["ALMANAC_FUZZ_TARGET"] == "theme"

@_cdecl("LLVMFuzzerTestOneInput")
public func almanacFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = fuzzesThemes ? ThemeFuzzer.check(input, root: root) : SiteFuzzer.check(input, root: root)
    if !problems.isEmpty {
        FileHandle.standardError.write(Data(problems.joined(separator: "\n").utf8 + [10]))
        abort()
    }
    return 0
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, _ callback: FuzzCallback) -> CInt

@_cdecl("almanac_fuzz_main")
public func almanacFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, almanacFuzzOneInput)
}
