import Foundation
import Testing
import AttainTestSupport

/// `--format xlsx` as a user runs it: workbooks of run, compare, run --by unit and brief whose values are the ones
/// Attain prints, read back by Attain's own test reader, by headless LibreOffice and by openpyxl where present.
@Suite("xlsx output", .serialized)
struct XLSXOutputTests {
    static let scenario = "scenarios/baseline.yaml"

    static func temporary() throws -> String { try RepositoryFiles.temporaryDirectory([:]) }

    func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func aWorkbookIsNeverWrittenToStandardOutput() throws {
        for arguments in [["run", Self.scenario], ["compare", Self.scenario, "scenarios/union-drive-2026.yaml"],
                          ["brief", Self.scenario], ["run", Self.scenario, "--by", "unit"]] {
            let outcome = try AttainProcess.run(arguments + ["--format", "xlsx", "--paths", "200"])
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.standardOutput.isEmpty)
            #expect(outcome.standardError.contains("--format xlsx needs --output FILE.xlsx"), "\(outcome.standardError)")
        }
        // Commands without a workbook form refuse it, and --lang goes with xlsx only.
        let fit = try AttainProcess.run(["validate", Self.scenario, "--format", "xlsx"])
        #expect(fit.status == 2)
        let lang = try AttainProcess.run(["run", Self.scenario, "--paths", "200", "--lang", "en"])
        #expect(lang.status == 2 && lang.standardError.contains("--lang goes with --format xlsx"))
    }

    @Test func theExtensionAsksForAWorkbookAndThreadsDoNotChangeItsBytes() throws {
        let dir = try Self.temporary()
        let base = ["run", Self.scenario, "--paths", "1500", "--seed", "11"]
        let one = try AttainProcess.run(base + ["--threads", "1", "--output", dir + "/one.xlsx"])
        let two = try AttainProcess.run(base + ["--threads", "2", "--output", dir + "/two.xlsx"])
        #expect(one.status == 0 && two.status == 0, "\(one.standardError)")
        #expect(one.standardOutput.isEmpty && one.standardError.contains("wrote \(dir)/one.xlsx"))
        let first = try bytes(dir + "/one.xlsx")
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a ZIP archive
        #expect(first == (try bytes(dir + "/two.xlsx")))
        let again = try AttainProcess.run(base + ["--threads", "2", "--format", "xlsx", "--output", dir + "/again.bin"])
        #expect(again.status == 0)
        #expect(try bytes(dir + "/again.bin") == first)
    }

    @Test func leagueAndBriefingWorkbooksAreTheSameOnOneAndTwoThreads() throws {
        let dir = try Self.temporary()
        for (name, arguments) in [("league", ["run", Self.scenario, "--by", "unit", "--paths", "300", "--quiet"]),
                                  ("brief", ["brief", Self.scenario, "scenarios/union-drive-2026.yaml", "--paths", "400"])] {
            let one = try AttainProcess.run(arguments + ["--threads", "1", "-o", "\(dir)/\(name)-1.xlsx"])
            let two = try AttainProcess.run(arguments + ["--threads", "2", "-o", "\(dir)/\(name)-2.xlsx"])
            #expect(one.status == 0 && two.status == 0, "\(one.standardError)")
            let first = try bytes("\(dir)/\(name)-1.xlsx")
            let second = try bytes("\(dir)/\(name)-2.xlsx")
            #expect(first.count > 4000 && first == second, "\(name)")
        }
    }

    @Test func runWorkbookHoldsTheProbabilitiesOfTheJSONResult() throws {
        let dir = try Self.temporary()
        let args = ["run", Self.scenario, "--paths", "1000", "--seed", "5"]
        let written = try AttainProcess.run(args + ["--output", dir + "/run.xlsx", "--lang", "en"])
        #expect(written.status == 0, "\(written.standardError)")
        let json = try AttainProcess.run(args + ["--format", "json"])
        let targets = try #require(try object(json.standardOutput)["targets"] as? [[String: Any]])
        let book = try XLSXTestReader(path: dir + "/run.xlsx")
        #expect(book.sheets.map(\.name) == ["Results", "About"])
        let sheet = book.sheets[0]
        let header = try #require(sheet.rowOf(text: "ID"))
        let titles = sheet.texts(header)
        #expect(titles.prefix(16) == ["ID", "Target", "Indicator", "Form", "Comparison", "Threshold", "Stretch", "From", "To", "Median",
                                      "90% band low (5%)", "90% band high (95%)", "Probability", "± Monte Carlo error", "Status",
                                      "Settled by the data"])
        #expect(titles.last == "P(2030)")
        let column = { (name: String) in try #require(titles.firstIndex(of: name)) }
        for (offset, target) in targets.enumerated() {
            let row = sheet.row(header + 1 + offset)
            let cell = { (name: String) -> XLSXTestReader.Cell? in
                let index = try? column(name)
                return row.first { XLSXTestReader.Sheet.columnIndex($0.reference) == index }
            }
            #expect(cell("Probability")?.number == target["probability"] as? Double, "\(target["id"] ?? "")")
            #expect(cell("Probability")?.formatCode == "0.0%")
            #expect(cell("Median")?.number == target["median"] as? Double)
            // The JSON parser may differ from the shortest decimal in the last binary digit.
            #expect(Self.same(cell("± Monte Carlo error")?.number, target["mcse"] as? Double))
            let status = try #require(target["status"] as? String)
            let settled = target["settled"] as? String
            let word = settled == "missed" ? "Not met" : ["met": "Met", "likely": "Likely", "at-risk": "At risk", "off-track": "Off track"][status]
            #expect(cell("Status")?.text == word)
        }
        #expect(sheet.row(header + 1 + targets.count).isEmpty)
        // Above the table: the cut-off date and, for the example data, the illustrative warning.
        let above = (1..<header).flatMap { sheet.texts($0) }.joined(separator: " ")
        #expect(above.contains("Data as of 30 June 2026") && above.contains("ILLUSTRATIVE DATA"))
        let about = book.sheets[1].cells.values.map(\.text)
        #expect(about.contains("5") && about.contains("Random seed") && about.contains { $0.hasSuffix("baseline.yaml") })
        #expect(about.contains("data") && about.contains { $0.count == 12 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test func compareAndByUnitWorkbooksMatchTheirPrintedResults() throws {
        let dir = try Self.temporary()
        let compare = ["compare", Self.scenario, "scenarios/union-drive-2026.yaml", "--paths", "800", "--seed", "3"]
        #expect(try AttainProcess.run(compare + ["-o", dir + "/compare.xlsx"]).status == 0)
        let json = try object(try AttainProcess.run(compare + ["--format", "json"]).standardOutput)
        let targets = try #require(json["targets"] as? [[String: Any]])
        let sheet = try #require(try XLSXTestReader(path: dir + "/compare.xlsx").sheet("So sánh"))
        let header = try #require(sheet.rowOf(text: "Mã"))
        #expect(sheet.texts(header).contains("union-drive-2026 − baseline"))
        for (offset, target) in targets.enumerated() {
            let numbers = sheet.row(header + 1 + offset).compactMap(\.number)
            let results = try #require(target["results"] as? [[String: Any]])
            let differences = try #require(target["differences"] as? [[String: Any]])
            let expected = results.map { $0["probability"] as! Double }
                + differences.flatMap { [$0["difference"] as! Double, $0["se"] as! Double, $0["independentSE"] as! Double] }
            #expect(numbers.count == expected.count && zip(numbers, expected).allSatisfy { Self.same($0, $1) }, "\(numbers) vs \(expected)")
        }

        let league = ["run", Self.scenario, "--by", "unit", "--units", "all", "--paths", "300", "--quiet"]
        #expect(try AttainProcess.run(league + ["-o", dir + "/league.xlsx", "--lang", "en"]).status == 0)
        let csv = try AttainProcess.run(league + ["--format", "csv"]).standardOutput.split(separator: "\n").map(String.init)
        let units = try #require(try XLSXTestReader(path: dir + "/league.xlsx").sheet("By unit"))
        let top = try #require(units.rowOf(text: "ID"))
        #expect(units.texts(top) == ["ID", "Indicator", "Rank", "Unit", "Seed", "Probability", "± Monte Carlo error", "Status", "5%", "25%",
                                     "Median", "75%", "95%", "Expected shortfall", "Share of gap", "Skipped because"])
        #expect(units.row(top + csv.count - 1).count > 0 && units.row(top + csv.count).isEmpty)
        for (offset, line) in csv.dropFirst().enumerated() {
            let fields = Self.csvFields(Substring(line))
            let cells = units.texts(top + 1 + offset) + Array(repeating: "", count: 16)
            #expect(cells[0] == fields[0] && cells[3] == fields[3] && cells[4] == fields[4], "\(line)")
            if let p = Double(fields[5]) {
                // The CSV prints six significant digits; the workbook keeps the double.
                #expect(abs((Double(cells[5]) ?? -1) - p) <= 5e-7 * max(1, p), "\(line)")
            } else {
                #expect(cells[7] == "skipped" && cells[15] == fields[15] && !fields[15].isEmpty)
            }
        }
    }

    /// Equal to within the last binary digit or two.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) <= 4 * Double.ulpOfOne * max(abs(a), abs(b))
    }

    // MARK: Read back by other programs

    /// `soffice` on the PATH, or nil.
    static var soffice: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Converts sheet `sheet` (1-based) of `xlsx` to CSV with headless LibreOffice: values as shown (formatted) or raw.
    static func libreOfficeCSV(_ xlsx: String, sheet: Int, asShown: Bool) throws -> [[String]] {
        let soffice = try #require(Self.soffice)
        let out = try temporary()
        let profile = try temporary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // Fields: comma, double quote, UTF-8, from line 1, …, token 9 = save as shown, token 12 = the sheet.
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,\(asShown),false,false,\(sheet)"
        process.arguments = ["-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", filter, "--outdir", out, xlsx]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasSuffix(".csv") })
        let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(Self.csvFields)
    }

    /// The fields of one CSV line (quotes removed, doubled quotes undone).
    static func csvFields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                if field.last == "\"" || !field.isEmpty { field.append("\"") }
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    /// A printed number: `72.6%` → 0.726, `13,552` → 13552, `0.241` → 0.241.
    static func number(_ text: String) -> Double? {
        let clean = text.replacingOccurrences(of: ",", with: "")
        if clean.hasSuffix("%") { return Double(clean.dropLast()).map { $0 / 100 } }
        return Double(clean)
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice (soffice) is not on the PATH: the .xlsx → CSV round trip is skipped (CI installs libreoffice-calc-nogui)"))
    func libreOfficeReadsBackTheValuesAttainPrinted() throws {
        let dir = try Self.temporary()
        let args = ["run", Self.scenario, "--paths", "1000", "--seed", "9"]
        #expect(try AttainProcess.run(args + ["--output", dir + "/run.xlsx", "--lang", "en"]).status == 0)
        let printed = try AttainProcess.run(args + ["--format", "csv"]).standardOutput.split(separator: "\n").map(Self.csvFields)
        let json = try #require(try object(try AttainProcess.run(args + ["--format", "json"]).standardOutput)["targets"] as? [[String: Any]])
        let shown = try Self.libreOfficeCSV(dir + "/run.xlsx", sheet: 1, asShown: true)
        let raw = try Self.libreOfficeCSV(dir + "/run.xlsx", sheet: 1, asShown: false)
        let header = try #require(shown.firstIndex { $0.first == "ID" })
        let columns = shown[header]
        let probability = try #require(columns.firstIndex(of: "Probability"))
        let median = try #require(columns.firstIndex(of: "Median"))
        let mcse = try #require(columns.firstIndex(of: "± Monte Carlo error"))
        #expect(printed[0] == ["target", "rule", "median", "probability", "±mcse", "status", "per year"])
        #expect(printed.count - 1 == json.count && json.count > 10)
        for (offset, line) in printed.dropFirst().enumerated() {
            let row = shown[header + 1 + offset]
            #expect(row[0] == line[0], "\(line)")
            // Printed with three decimals; shown as a percentage with one: the same digits.
            let p = try #require(Self.number(row[probability]))
            #expect(abs(p - (Double(line[3]) ?? -1)) < 1e-9, "\(row[probability]) vs \(line[3])")
            #expect(abs((Self.number(row[mcse]) ?? -1) - (Double(line[4]) ?? -1)) < 1e-9, "\(row[mcse]) vs \(line[4])")
            // The median as the table prints it (82.8%, 13552).
            #expect(Self.number(row[median]).map { abs($0 - (Self.number(line[2]) ?? -1)) < 1e-9 } == true, "\(row[median]) vs \(line[2])")
            // Raw values: the doubles of the JSON result, to LibreOffice's 15 significant digits.
            let rawP = try #require(Self.number(raw[header + 1 + offset][probability]))
            let exact = try #require(json[offset]["probability"] as? Double)
            #expect(abs(rawP - exact) <= 1e-14 + 1e-13 * exact, "\(rawP) vs \(exact)")
        }
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice (soffice) is not on the PATH: the briefing workbook round trip is skipped"))
    func libreOfficeShowsTheSummaryTableInVietnamese() throws {
        let dir = try Self.temporary()
        #expect(try AttainProcess.run(["brief", Self.scenario, "--paths", "600", "--seed", "2", "--lang", "vi", "-o", dir + "/so-ket.xlsx"]).status == 0)
        let shown = try Self.libreOfficeCSV(dir + "/so-ket.xlsx", sheet: 1, asShown: true)
        let header = try #require(shown.firstIndex { $0.first == "Mã" })
        #expect(shown[header].contains("Đánh giá") && shown[header].contains("% so với chỉ tiêu"))
        let row = try #require(shown.first { $0.first == "P1-1a" })
        #expect(row[3] == "75.7" && ["Khó đạt", "Nguy cơ không đạt", "Có khả năng đạt", "Đạt"].contains(row[9]), "\(row)")
        #expect(row[10].hasSuffix("%"))
        #expect(shown.prefix(header).flatMap { $0 }.joined(separator: " ").contains("Số liệu minh họa"))
    }

    /// `python3` with openpyxl, or nil.
    static let openpyxl: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import openpyxl"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: openpyxl, "python3 with openpyxl is not available: the openpyxl check is skipped (pip install openpyxl)"))
    func openpyxlReadsTheSameNumbersAndFormats() throws {
        let dir = try Self.temporary()
        let args = ["run", Self.scenario, "--paths", "700", "--seed", "4"]
        #expect(try AttainProcess.run(args + ["--output", dir + "/run.xlsx"]).status == 0)
        let json = try #require(try object(try AttainProcess.run(args + ["--format", "json"]).standardOutput)["targets"] as? [[String: Any]])
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[0]
            rows = [[(c.value, c.number_format) for c in row] for row in ws.iter_rows()]
            head = next(i for i, r in enumerate(rows) if r and r[0][0] == "Mã")
            col = [v for v, _ in rows[head]].index("Xác suất đạt")
            print(json.dumps({"sheets": wb.sheetnames, "freeze": ws.freeze_panes,
                              "p": [r[col][0] for r in rows[head + 1:] if r[0][0]], "fmt": rows[head + 1][col][1]}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, dir + "/run.xlsx"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let read = try object(String(decoding: data, as: UTF8.self))
        #expect(read["sheets"] as? [String] == ["Kết quả", "Thông tin"])
        #expect((read["freeze"] as? String)?.hasPrefix("A") == true)
        #expect(read["fmt"] as? String == "0.0%")
        #expect(read["p"] as? [Double] == json.map { $0["probability"] as! Double })
    }
}
