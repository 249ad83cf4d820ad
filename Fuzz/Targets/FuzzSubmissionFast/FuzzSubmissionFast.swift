// libFuzzer entry point for FuzzChecks.submissionFast (see docs/fuzzing.md). Not main.swift: libFuzzer supplies main.
import FuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.run(data, size, FuzzChecks.submissionFast)
}
