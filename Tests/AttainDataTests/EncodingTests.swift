import Foundation
import Testing
@testable import AttainData

@Suite struct EncodingTests {
    let text = "unit,indicator,period,value\r\nHuyện Hiệp Hòa,union_members,2024,\"0,86\"\r\nKCN Hòa Phú,union_members,2024,0.87\r\n"

    func load(_ data: Data) throws -> DataSet { try DataSet.parse(data: data, source: "t.csv") }

    func expectRead(_ d: DataSet) {
        #expect(d.observations.map(\.unit) == ["Huyện Hiệp Hòa", "KCN Hòa Phú"])
        #expect(d.observations.map(\.value) == [0.86, 0.87])
        #expect(d.observations.map(\.line) == [2, 3])
    }

    @Test func utf8WithAndWithoutBOM() throws {
        expectRead(try load(Data(text.utf8)))
        expectRead(try load(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))))
    }

    @Test func utf16LittleAndBigEndianWithBOM() throws {
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        expectRead(try load(Data(le)))
        expectRead(try load(Data(be)))
    }

    @Test func utf16WithoutBOMIsRecognised() throws {
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        expectRead(try load(Data(le)))
    }

    @Test func windows1258IsRefusedNamingFileLineAndFix() {
        // "Hòa" in Windows-1258 is 48 F2 61: 0xF2 alone is not valid UTF-8.
        var bytes = Array("unit,indicator,period,value\nA,x,2024,1\n".utf8)
        bytes += [0x48, 0xF2, 0x61] + Array(",x,2024,2\n".utf8)
        let v = DataSet.validate(data: Data(bytes), source: "district.csv")
        #expect(v.dataSet == nil)
        #expect(v.issues.count == 1)
        let issue = v.issues[0]
        #expect(issue.code == .encoding)
        #expect(issue.line == 3)
        #expect(issue.description.hasPrefix("district.csv:3: the file is not UTF-8"))
        #expect(issue.hint.contains("CSV UTF-8"))
        #expect(throws: DataError.self) { try DataSet.parse(data: Data(bytes), source: "district.csv") }
    }

    @Test func bomInsideHeaderCellIsIgnored() throws {
        // A file saved twice with a BOM: the second one lands in the first header cell.
        let d = try DataSet.parse(text: "\u{FEFF}unit,indicator,period,value\nA,x,2024,1\n", source: "t.csv")
        #expect(d.observations.count == 1)
    }
}
