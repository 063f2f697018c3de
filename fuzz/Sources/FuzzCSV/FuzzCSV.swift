import Attain
import Foundation

/// libFuzzer entry point: any bytes through the tidy-CSV reader and validator, as `attain validate` reads a file.
///
/// A crash, a trap (e.g. an integer overflow or an out-of-range index) or an address-sanitizer report is a finding.
/// Every issue is also rendered, since messages are built from the bad input itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let strict = DataSet.validate(data: data, source: "fuzz.csv")
    for issue in strict.issues { _ = String(describing: issue) }
    _ = strict.summary
    if let dataSet = try? DataSet.parse(data: data, source: "fuzz.csv", options: .init(skipBadRows: true)) {
        for indicator in dataSet.indicators {
            _ = try? dataSet.allSeries(indicator: indicator)
        }
    }
    return 0
}
