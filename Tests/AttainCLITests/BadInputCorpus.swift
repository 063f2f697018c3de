/// The corpus of bad inputs: CSV data, scenario and target YAML, and command-line flags.
///
/// Each case is run through the built `attain` binary by ``BadInputCorpusTests``. Where the intent is unambiguous
/// (a semicolon-separated export with decimal commas, UTF-16, a BOM, CRLF) the file must be read correctly (exit 0 and
/// the right numbers); otherwise the run must exit 1 (input) or 2 (usage) with a message naming the file, line or key.
/// Binary and multi-megabyte inputs are generated here, not committed.
enum BadInputCorpus {
    static var all: [BadInputCase] { csv + yaml + flags + validateFiles }

    // MARK: Building blocks

    static let header = "unit,indicator,period,value,numerator,denominator\n"
    static let district = "@repo/notebooks-data/district.csv"

    /// `header` and `rows` as lines of a file.
    static func line(_ header: String, _ rows: [String]) -> String { ([header] + rows).joined(separator: "\n") + "\n" }

    /// A valid targets file for the base scenario.
    static let targets = """
        version: 1
        plan: { vi: "Kế hoạch thử", en: "Test plan" }
        targets:
          - id: T1
            indicator: union_members
            kind: level-at-deadline
            deadline: 2028
            at-least: 90%
          - id: T2
            indicator: cultural_events
            kind: every-year
            window: 2027-2030
            at-least: 2

        """

    /// A valid scenario on the repository's illustrative district data, with `extra` appended at the top level.
    static func scenario(_ extra: String = "", indicators: String? = nil, head: String = "version: 1\n") -> String {
        head + """
            data: \(district)
            targets: t.yaml
            horizon: 2030
            cutoff: 2026-06-30
            indicators:
            \(indicators ?? "  - { name: union_members, kind: share, model: auto }\n  - { name: cultural_events, kind: count, model: poisson }")

            """ + extra
    }

    /// `validate` on one CSV file `d.csv`; the problems table is on standard output.
    static func validate(_ name: String, _ content: FileContent, status: Int32 = 1, _ messages: [String],
                         extra: [String] = [], output: [String] = []) -> BadInputCase {
        BadInputCase(name: "csv: " + name, files: ["d.csv": content], arguments: ["validate", "@/d.csv"] + extra,
                     status: status, messages: messages, stream: .standardOutput, output: output)
    }

    static func validate(_ name: String, _ text: String, status: Int32 = 1, _ messages: [String],
                         extra: [String] = [], output: [String] = []) -> BadInputCase {
        validate(name, .text(text), status: status, messages, extra: extra, output: output)
    }

    /// `run` on scenario `s.yaml` (with the valid `t.yaml` beside it unless `files` replaces it).
    static func run(_ name: String, _ scenarioText: String, files: [String: FileContent] = [:], status: Int32 = 1,
                    _ messages: [String], extra: [String] = []) -> BadInputCase {
        var all: [String: FileContent] = ["s.yaml": .text(scenarioText), "t.yaml": .text(targets)]
        all.merge(files) { _, new in new }
        return BadInputCase(name: "yaml: " + name, files: all, arguments: ["run", "@/s.yaml", "--paths", "20"] + extra,
                            status: status, messages: messages)
    }

    /// `run` on the valid base scenario with a targets file `t.yaml` of `targetText`.
    static func targetsFile(_ name: String, _ targetText: String, _ messages: [String]) -> BadInputCase {
        run("targets: " + name, scenario(), files: ["t.yaml": .text(targetText)], messages)
    }

    /// A targets file whose one target has the given body lines (indented under `- `).
    static func oneTarget(_ body: String) -> String {
        "version: 1\ntargets:\n  - " + body.split(separator: "\n").joined(separator: "\n    ") + "\n"
    }

    /// A command line on the valid base scenario (or data) expected to be a usage error.
    static func usage(_ name: String, _ arguments: [String], _ messages: [String]) -> BadInputCase {
        BadInputCase(name: "flags: " + name,
                     files: ["s.yaml": .text(scenario()), "t.yaml": .text(targets), "d.csv": .text(header + "A,x,2024,1,,\nA,x,2025,2,,\n")],
                     arguments: arguments, status: 2, messages: messages)
    }

    // MARK: CSV

    static var csv: [BadInputCase] {
        let h = header
        return [
            validate("empty file", "", ["d.csv", "the file is empty"]),
            validate("blank lines only", "\n\n   \n", ["d.csv", "missing required column"]),
            validate("header only", h, ["d.csv:1", "no data rows"]),
            validate("missing period column", "unit,indicator,value\nA,x,1\n", ["d.csv:1", "period"]),
            validate("no value nor counts", "unit,indicator,period\nA,x,2024\n", ["d.csv:1", "value"]),
            validate("misspelt header suggests the column", "unit,indicatr,period,value\nA,x,2024,1\n",
                     ["d.csv:1", "indicatr", "indicator"]),
            validate("period with a slash", h + "A,x,2026/1,5,,\nA,x,2025,4,,\n", ["d.csv:2", "2026/1", "2025-Q3"]),
            validate("quarter 5 and month 13", h + "A,x,2025-Q5,1,,\nA,x,2025-13,1,,\n", ["d.csv:2", "2025-Q5", "d.csv:3", "2025-13"]),
            validate("period as a date", h + "A,x,2025-06-30,1,,\n", ["d.csv:2", "2025-06-30"]),
            validate("non-number", h + "A,x,2024,abc,,\nA,x,2025,3,,\n", ["d.csv:2", "abc", "not a number"]),
            validate("NaN", h + "A,x,2024,NaN,,\nA,x,2025,3,,\n", ["d.csv:2", "NaN", "finite"]),
            validate("inf and -Infinity", h + "A,x,2024,inf,,\nA,x,2025,-Infinity,,\n", ["d.csv:2", "d.csv:3", "finite"]),
            validate("overflowing number", h + "A,x,2024,1e999,,\nA,x,2025,3,,\n", ["d.csv:2", "1e999"]),
            validate("numerator above denominator", h + "A,s,2024,,30,20\nA,s,2025,,10,20\n",
                     ["d.csv:2", "numerator", "larger than the denominator"]),
            validate("zero denominator", h + "A,s,2024,,0,0\nA,s,2025,,10,20\n", ["d.csv:2", "denominator is zero"]),
            validate("negative numerator", h + "A,s,2024,,-3,20\n", ["d.csv:2", "numerator is negative"]),
            validate("negative count (kind stated)", h + "A,c,2024,-3,,\nA,c,2025,4,,\n", ["d.csv:2", "negative"],
                     extra: ["--kind", "c=count"]),
            validate("fractional count (kind stated)", h + "A,c,2024,2.5,,\nA,c,2025,4,,\n", ["d.csv:2", "2.5"],
                     extra: ["--kind", "c=count"]),
            validate("share above 1 (kind stated)", h + "A,s,2024,0.5,,\nA,s,2025,1.2,,\n", ["d.csv:3", "1.2"],
                     extra: ["--kind", "s=share"]),
            validate("value disagrees with counts", h + "A,s,2024,0.9,30,60\n", ["d.csv:2", "0.5"]),
            validate("duplicate rows name both lines", h + "A,c,2024,3,,\nA,c,2024,4,,\n", ["d.csv:3", "duplicate", "line 2"]),
            validate("running total falls", "unit,indicator,period,value\nA,x_cumulative,2024,3500\nA,x_cumulative,2025,3200\n",
                     ["d.csv:3", "falls"]),
            validate("unbalanced quote", h + "A,c,2024,\"3,,\nA,c,2025,4,,\n", ["d.csv:2", "quote"]),
            validate("extra field", "unit,indicator,period,value\nA,x,2024,1,zz\n", ["d.csv:2", "5 fields", "header has 4"]),
            validate("missing field", "unit,indicator,period,value\nA,x,2024\n", ["d.csv:2", "3 fields"]),
            validate("unquoted decimal comma in a comma file", "unit,indicator,period,value\nA,x,2024,91,5\n", ["d.csv:2", "fields"]),
            validate("empty unit", "unit,indicator,period,value\n,x,2024,1\n", ["d.csv:2", "unit"]),
            validate("empty indicator", "unit,indicator,period,value\nA,,2024,1\n", ["d.csv:2", "indicator"]),
            validate("Windows-1258 bytes", .bytes(Array("unit,indicator,period,value\n".utf8) + GeneratedBytes.windows1258HiepHoa
                                                   + Array(",x,2024,1\n".utf8)),
                     ["d.csv:2", "UTF-8", "Windows-1258"]),
            validate("binary garbage", .bytes(GeneratedBytes.garbage(count: 64 * 1024, seed: 1)), ["d.csv:", "not UTF-8"]),
            validate("NUL bytes", .bytes(Array("unit,indicator,period,value\nA,x,2024,1".utf8) + [0, 0, 0, 0] + [10]), ["d.csv:2", "not a number"]),
            validate("odd-length UTF-16", .bytes(GeneratedBytes.utf16("unit,indicator,period,value\nA,x,2024,1\n", littleEndian: true) + [0x41]),
                     ["d.csv", "UTF-16"]),
            validate("PNG image", .bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + GeneratedBytes.garbage(count: 4096, seed: 2)),
                     ["d.csv:", "not UTF-8"]),
            validate("5 MB unquoted field then an unclosed quote", .bytes(
                Array("unit,indicator,period,value\nA,x,2024,\"".utf8) + [UInt8](repeating: 0x39, count: 5_000_000) + [10]),
                     ["d.csv:2", "quote"]),
            validate("3 MB unit name with a bad period", .bytes(
                Array("unit,indicator,period,value\n".utf8) + [UInt8](repeating: 0x41, count: 3_000_000) + Array(",x,20x4,1\n".utf8)),
                     ["d.csv:2", "20x4"]),
            validate("200 kB of digits", .bytes(
                Array("unit,indicator,period,value\nA,x,2024,".utf8) + [UInt8](repeating: 0x39, count: 200_000) + [10]),
                     ["d.csv:2"]),
            // A file that cannot be opened is a usage error (exit 2), said on standard error.
            BadInputCase(name: "csv: a directory instead of a file", files: ["d.csv/inner": .text("x")], arguments: ["validate", "@/d.csv"],
                         status: 2, messages: ["d.csv", "cannot open", "directory"]),
            BadInputCase(name: "csv: missing file", files: [:], arguments: ["validate", "@/nope.csv"], status: 2,
                         messages: ["nope.csv", "does not exist"]),

            // Unambiguous intent: read correctly.
            validate("semicolon export with decimal commas", "unit;indicator;period;value\nA;x;2024;\"90,5\"\nA;x;2025;91,5\n",
                     status: 0, [], output: ["2 periods"]),
            validate("UTF-8 with BOM and CRLF", .bytes([0xEF, 0xBB, 0xBF] + Array("unit,indicator,period,value\r\nHòa,x,2024,1\r\nHòa,x,2025,2\r\n".utf8)),
                     status: 0, [], output: ["ok", "1 unit", "2 periods"]),
            validate("UTF-16 LE with BOM", .bytes(GeneratedBytes.utf16("unit,indicator,period,value\nHiệp Hòa,x,2024,1\nHiệp Hòa,x,2025,2\n", littleEndian: true)),
                     status: 0, [], output: ["ok", "1 unit", "2 periods"]),
            BadInputCase(name: "csv: UTF-16 LE Vietnamese names read correctly (fit)",
                         files: ["d.csv": .bytes(GeneratedBytes.utf16(line(
                            "unit,indicator,period,value", (2017...2024).map { "KCN Hòa Phú,x,\($0),\(Double($0 - 2017) + 1.5)" }), littleEndian: true))],
                         arguments: ["fit", "--data", "@/d.csv", "--indicator", "x", "--kind", "level", "--model", "linear", "--format", "json"],
                         status: 0, messages: [], output: ["\"KCN Hòa Phú\"", "\"a\": 5,", "\"b\": 1\n", "\"sigma\": 0,"]),
            validate("UTF-16 BE with BOM", .bytes(GeneratedBytes.utf16("unit,indicator,period,value\nA,x,2024,1\nA,x,2025,2\n", littleEndian: false)),
                     status: 0, [], output: ["ok", "2 periods"]),
            validate("UTF-16 LE without BOM", .bytes(GeneratedBytes.utf16("unit,indicator,period,value\nA,x,2024,1\nA,x,2025,2\n", littleEndian: true, bom: false)),
                     status: 0, [], output: ["ok", "2 periods"]),
            BadInputCase(name: "csv: semicolon export read with the right numbers (fit)",
                         files: ["d.csv": .text(line("unit;indicator;period;value", (2017...2024).map { "A;x;\($0);\"\($0 - 1931),5\"" }))],
                         arguments: ["fit", "--data", "@/d.csv", "--indicator", "x", "--kind", "level", "--model", "linear", "--format", "json"],
                         status: 0, messages: [], output: ["\"a\": 90,", "\"b\": 1\n", "\"sigma\": 0,"]),

            // The data commands report the same problems on standard error.
            BadInputCase(name: "csv: fit on a file with errors lists them", files: ["d.csv": .text(h + "A,x,2024,abc,,\nA,x,2025,NaN,,\n")],
                         arguments: ["fit", "--data", "@/d.csv", "--indicator", "x"], status: 1,
                         messages: ["d.csv:2", "abc", "d.csv:3", "NaN"]),
            BadInputCase(name: "csv: fit an indicator that is not in the file", files: ["d.csv": .text(h + "A,x,2024,1,,\nA,x,2025,2,,\n")],
                         arguments: ["fit", "--data", "@/d.csv", "--indicator", "y"], status: 1, messages: ["\"y\"", "x"]),
            BadInputCase(name: "csv: fit a unit that is not in the file", files: ["d.csv": .text(h + "A,x,2024,1,,\nA,x,2025,2,,\n")],
                         arguments: ["fit", "--data", "@/d.csv", "--indicator", "x", "--unit", "B"], status: 1, messages: ["B"]),
            BadInputCase(name: "csv: fit on a missing file", files: [:],
                         arguments: ["fit", "--data", "@/nope.csv", "--indicator", "x"], status: 1, messages: ["nope.csv", "does not exist"]),
            BadInputCase(name: "csv: backtest on binary garbage", files: ["d.csv": .bytes(GeneratedBytes.garbage(count: 10_000, seed: 3))],
                         arguments: ["backtest", "--data", "@/d.csv", "--indicator", "x", "--origin", "2020", "--horizon", "2",
                                     "--quantiles", "0.1,0.9"], status: 1, messages: ["d.csv:1", "not UTF-8"]),
        ]
    }

    // MARK: YAML

    static var yaml: [BadInputCase] {
        [
            run("empty scenario", "", ["s.yaml", "empty"]),
            run("only a comment", "# nothing here\n", ["s.yaml", "empty"]),
            run("truncated flow list", "version: 1\nname: [unclosed\n", ["s.yaml:", "not valid YAML"]),
            run("truncated in a quoted string", "version: 1\nname: \"half\n", ["s.yaml:", "not valid YAML"]),
            run("tab indentation", "version: 1\nindicators:\n\t- name: x\n", ["s.yaml:", "not valid YAML"]),
            run("bad indentation", "version: 1\nindicators:\n  - name: x\n   kind: share\n", ["s.yaml:", "not valid YAML"]),
            run("a list at the top", "- version: 1\n", ["s.yaml:1", "a list", "version: 1"]),
            run("missing version", scenario(head: ""), ["s.yaml", "version"]),
            run("future version", scenario(head: "version: 99\n"), ["s.yaml:1", "99"]),
            run("version is text", scenario(head: "version: one\n"), ["s.yaml:1", "version", "whole number"]),
            run("unknown top-level key suggests the nearest", scenario("horizn: 2030\n"), ["s.yaml:", "horizn", "horizon"]),
            run("unknown indicator key suggests the nearest",
                scenario(indicators: "  - { name: union_members, kind: share, modle: auto }"), ["s.yaml:", "modle", "model"]),
            run("unknown kind suggests the nearest",
                scenario(indicators: "  - { name: union_members, kind: shares, model: auto }"), ["s.yaml:", "shares", "share"]),
            run("horizon is text", scenario().replacingOccurrences(of: "horizon: 2030", with: "horizon: soon"),
                ["s.yaml:", "horizon", "whole number"]),
            run("horizon before the cut-off", scenario().replacingOccurrences(of: "horizon: 2030", with: "horizon: 2020"),
                ["s.yaml:", "horizon", "2020"]),
            run("horizon a thousand years on", scenario().replacingOccurrences(of: "horizon: 2030", with: "horizon: 3030"),
                ["s.yaml:", "horizon", "50 years"]),
            run("horizon beyond Int", scenario().replacingOccurrences(of: "horizon: 2030", with: "horizon: 99999999999999999999999"),
                ["s.yaml:", "horizon"]),
            run("impossible cut-off date", scenario().replacingOccurrences(of: "cutoff: 2026-06-30", with: "cutoff: 2026-02-30"),
                ["s.yaml:", "cutoff", "2026-02-30"]),
            run("indicators is a mapping", scenario(indicators: "  union_members: share"), ["s.yaml:", "indicators", "list"]),
            run("no indicators", scenario(indicators: "  []"), ["s.yaml", "no indicators"]),
            run("indicator listed twice",
                scenario(indicators: "  - { name: union_members, kind: share }\n  - { name: union_members, kind: share }"),
                ["s.yaml:", "union_members", "twice"]),
            run("indicator not in the data suggests names",
                scenario(indicators: "  - { name: union_member, kind: share, model: auto }"), ["s.yaml:", "union_member", "union_members"]),
            run("window of one year", scenario(indicators: "  - { name: cultural_events, kind: count, model: poisson, window: 1 }"),
                ["s.yaml:", "window"]),
            run("turnover above 1",
                scenario(indicators: "  - { name: union_members, kind: share, model: stock-flow, population: trend, turnover: 1.5 }"),
                ["s.yaml:", "turnover", "1.5"]),
            run("missing data file", scenario().replacingOccurrences(of: district, with: "nowhere.csv"),
                ["s.yaml:", "nowhere.csv", "does not exist"]),
            run("missing targets file", scenario().replacingOccurrences(of: "targets: t.yaml", with: "targets: t2.yaml"),
                ["s.yaml:", "t2.yaml", "does not exist"]),
            run("missing scenario file", "", status: 1, ["nope.yaml"]).with(arguments: ["run", "@/nope.yaml", "--paths", "20"]),
            run("extends itself", "version: 1\nextends: s.yaml\n", ["s.yaml:", "cycle"]),
            run("extends a missing base", "version: 1\nextends: base.yaml\n", ["s.yaml:", "base.yaml", "does not exist"]),
            run("intervention on an unknown indicator",
                scenario("interventions:\n  - { id: d, lever: rate-multiplier, indicators: [union_member], from: 2027, value: 1.5 }\n"),
                ["s.yaml:", "union_member", "union_members"]),
            run("unknown lever suggests the nearest",
                scenario("interventions:\n  - { id: d, lever: rate-multiplyer, indicators: [union_members], from: 2027, value: 1.5 }\n"),
                ["s.yaml:", "rate-multiplyer", "rate-multiplier"]),
            run("negative rate multiplier",
                scenario("interventions:\n  - { id: d, lever: rate-multiplier, indicators: [union_members], from: 2027, value: -2 }\n"),
                ["s.yaml:", "negative"]),
            run("shock probability 1.5",
                scenario("interventions:\n  - { id: d, lever: shock, indicators: [union_members], year: 2027, value: 0.1, probability: 1.5 }\n"),
                ["s.yaml:", "probability"]),
            run("intervention after the horizon",
                scenario("interventions:\n  - { id: d, lever: rate-multiplier, indicators: [union_members], from: 2040, value: 1.5 }\n"),
                ["s.yaml:", "2040"]),
            run("value is a list",
                scenario("interventions:\n  - { id: d, lever: rate-multiplier, indicators: [union_members], from: 2027, value: [1] }\n"),
                ["s.yaml:10", "interventions[0].value", "a list"]),
            run("binary garbage scenario", "", ["s.yaml", "not UTF-8"]).with(files: ["s.yaml": .bytes(GeneratedBytes.garbage(count: 8192, seed: 4))]),
            run("UTF-16 scenario", "", ["s.yaml", "UTF-8"]).with(files: ["s.yaml": .bytes(GeneratedBytes.utf16("version: 1\n", littleEndian: true))]),
            run("billion laughs", billionLaughs, ["s.yaml:", "`name`", "expected text, found a list"]),
            run("deeply nested lists", "version: 1\nname: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n",
                ["s.yaml:2", "not valid YAML", "nesting"]),

            targetsFile("unknown target key suggests the nearest",
                        oneTarget("id: T1\nindicator: union_members\nkind: level-at-deadline\ndeadline: 2028\nat-lest: 90%"),
                        ["t.yaml:", "at-lest", "at-least"]),
            targetsFile("unknown target kind", oneTarget("id: T1\nindicator: union_members\nkind: level-at-deadlin\ndeadline: 2028\nat-least: 90%"),
                        ["t.yaml:", "level-at-deadlin", "level-at-deadline"]),
            targetsFile("no threshold", oneTarget("id: T1\nindicator: union_members\nkind: level-at-deadline\ndeadline: 2028"),
                        ["t.yaml:", "T1", "threshold"]),
            targetsFile("both at-least and above",
                        oneTarget("id: T1\nindicator: union_members\nkind: level-at-deadline\ndeadline: 2028\nat-least: 90%\nabove: 80%"),
                        ["t.yaml:", "at-least", "above"]),
            targetsFile("threshold is text", oneTarget("id: T1\nindicator: union_members\nkind: level-at-deadline\ndeadline: 2028\nat-least: most"),
                        ["t.yaml:", "at-least", "number"]),
            targetsFile("threshold is .nan", oneTarget("id: T1\nindicator: union_members\nkind: level-at-deadline\ndeadline: 2028\nat-least: .nan"),
                        ["t.yaml:", "at-least"]),
            targetsFile("duplicate target id",
                        "version: 1\ntargets:\n  - { id: T1, indicator: union_members, kind: level-at-deadline, deadline: 2028, at-least: 90% }\n"
                            + "  - { id: T1, indicator: union_members, kind: level-at-deadline, deadline: 2029, at-least: 90% }\n",
                        ["t.yaml:", "T1", "twice"]),
            targetsFile("no targets", "version: 1\ntargets: []\n", ["t.yaml", "no targets"]),
            targetsFile("truncated targets file", "version: 1\ntargets:\n  - { id: T1, indicator: union_members, kind: level-at-dead",
                        ["t.yaml:", "not valid YAML"]),
            targetsFile("target on an indicator the scenario lacks",
                        oneTarget("id: T1\nindicator: members\nkind: level-at-deadline\ndeadline: 2028\nat-least: 90%"),
                        ["T1", "members"]),
        ]
    }

    // MARK: Flags

    static var flags: [BadInputCase] {
        let runBase = ["run", "@/s.yaml"]
        let fitBase = ["fit", "--data", "@/d.csv", "--indicator", "x"]
        let backtestBase = ["backtest", "--data", "@/d.csv", "--indicator", "x", "--origin", "2024", "--horizon", "1"]
        return [
            usage("negative paths", runBase + ["--paths", "-5"], ["--paths"]),
            usage("zero paths", runBase + ["--paths", "0"], ["--paths"]),
            usage("paths not a number", runBase + ["--paths", "many"], ["--paths", "many"]),
            usage("paths beyond Int", runBase + ["--paths", "99999999999999999999"], ["--paths"]),
            usage("negative seed", runBase + ["--seed", "-1"], ["--seed"]),
            usage("zero threads (run)", runBase + ["--threads", "0"], ["--threads"]),
            usage("negative threads (fit)", fitBase + ["--threads", "-2"], ["--threads"]),
            usage("unknown format", runBase + ["--format", "xml"], ["--format", "xml"]),
            usage("format the command cannot make", runBase + ["--format", "html"], ["--format", "html"]),
            usage("empty output name", runBase + ["--output", ""], ["--output"]),
            usage("output extension the command cannot make", runBase + ["--output", "@/table.html"], ["--output", "html", "--format"]),
            usage("unknown flag", runBase + ["--pahts", "10"], ["--pahts"]),
            usage("scenario missing", ["run"], ["scenario"]),
            usage("probability 1.5 (goalseek)", ["goalseek", "@/s.yaml", "--target", "T1", "--probability", "1.5", "--lever", "d"],
                  ["--probability", "1.5"]),
            usage("probability -0.1 (goalseek)", ["goalseek", "@/s.yaml", "--target", "T1", "--probability", "-0.1", "--lever", "d"],
                  ["--probability"]),
            usage("probability nan (goalseek)", ["goalseek", "@/s.yaml", "--target", "T1", "--probability", "nan", "--lever", "d"],
                  ["--probability"]),
            usage("compare with no scenario", ["compare"], ["scenario"]),
            usage("unknown model", fitBase + ["--model", "logistik"], ["--model", "logistik"]),
            usage("unknown kind (fit)", fitBase + ["--kind", "ratio"], ["--kind", "ratio"]),
            usage("unknown kind (validate)", ["validate", "@/d.csv", "--kind", "x=ratio"], ["--kind"]),
            usage("kind without indicator (validate)", ["validate", "@/d.csv", "--kind", "=count"], ["--kind"]),
            usage("fit without an indicator", ["fit", "--data", "@/d.csv"], ["--indicator"]),
            usage("quantile 1.5", backtestBase + ["--quantiles", "0.5,1.5"], ["--quantiles", "1.5"]),
            usage("quantile 0", backtestBase + ["--quantiles", "0,0.5"], ["--quantiles"]),
            usage("quantiles empty", backtestBase + ["--quantiles", ","], ["--quantiles"]),
            usage("horizon 0", ["backtest", "--data", "@/d.csv", "--indicator", "x", "--origin", "2024", "--horizon", "0",
                                "--quantiles", "0.5"], ["--horizon"]),
            usage("origin not a period", ["backtest", "--data", "@/d.csv", "--indicator", "x", "--origin", "2024/1", "--horizon", "1",
                                          "--quantiles", "0.5"], ["--origin", "2024/1"]),
            usage("window 1", backtestBase + ["--quantiles", "0.5", "--window", "1"], ["--window"]),
            usage("brief language fr", ["brief", "@/s.yaml", "--lang", "fr", "--output", "@/b.html"], ["--lang", "fr"]),
            usage("unknown command", ["simulate", "@/s.yaml"], ["simulate"]),
            BadInputCase(name: "flags: output in a missing directory", files: ["s.yaml": .text(scenario()), "t.yaml": .text(targets)],
                         arguments: runBase + ["--paths", "20", "--output", "@/no-such-dir/r.json"], status: 1,
                         messages: ["no-such-dir"]),
            BadInputCase(name: "flags: output is a directory", files: ["s.yaml": .text(scenario()), "t.yaml": .text(targets),
                                                                       "out/keep": .text("keep")],
                         arguments: runBase + ["--paths", "20", "--output", "@/out"], status: 1, messages: ["out"]),
        ]
    }

    /// Ten levels of aliases, each a list of ten of the one below (10^10 leaves if expanded), under `assumptions`, then
    /// used as the scenario's `name`, which must be text.
    static var billionLaughs: String {
        var text = "assumptions:\n  - &l0 lol\n"
        for level in 1...10 {
            text += "  - &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return scenario(text + "name: *l10\n")
    }
}

extension BadInputCase {
    func with(files: [String: FileContent]) -> BadInputCase {
        var copy = self
        copy.files.merge(files) { _, new in new }
        if files.keys.contains(where: { $0.hasPrefix("d.csv/") }) { copy.files["d.csv"] = nil }
        return copy
    }

    func with(arguments: [String]) -> BadInputCase {
        var copy = self
        copy.arguments = arguments
        return copy
    }

}

// MARK: validate on scenarios and targets files

extension BadInputCorpus {

    /// `validate` on the given files (names in `arguments`), the problems table on standard output.
    static func check(_ name: String, _ files: [String: FileContent], _ arguments: [String], status: Int32, _ messages: [String],
                      output: [String] = []) -> BadInputCase {
        BadInputCase(name: "validate: " + name, files: files, arguments: ["validate"] + arguments.map { "@/" + $0 }, status: status,
                     messages: messages, stream: status == 2 ? .standardError : .standardOutput, output: output)
    }

    /// A version-2 targets file whose one target has the given body lines.
    static func oneTarget2(_ body: String) -> String {
        "version: 2\ntargets:\n  - " + body.split(separator: "\n").joined(separator: "\n    ") + "\n"
    }

    /// A version-2 targets file on the base scenario's indicators.
    static let v2Targets = """
        version: 2
        targets:
          - { id: CH, indicator: union_members, kind: change-from-base, base: 2020, deadline: 2030, at-least: 5 điểm }
          - { id: M, indicator: union_members, kind: level-at-deadline, at-least: { 2027: 80%, 2028: 85% } }
          - { id: CAP, indicator: cultural_events, kind: every-year, window: 2027-2030, at-most: 4 }
          - { id: AG, indicator: cultural_events, kind: average-growth, window: 2025-2030, at-least: 2% }

        """

    static var validateFiles: [BadInputCase] {
        let s = FileContent.text(scenario()), t = FileContent.text(targets)
        let badTargets = """
            version: 2
            targets:
              - { id: A, indicator: union_members, kind: level-at-deadline, deadline: 2028, at-least: 90%, at-most: 95% }
              - { id: B, indicator: union_members, kind: average-change, window: 2027-2027, at-least: 1pp }
              - { id: C, indicator: cultural_events, kind: cumulative-count, window: 2027-2030, below: 9 }
              - { id: D, indicator: cultural_events, kind: range, window: 2027-2030, at-least: 3, stretch: 2 }

            """
        // Three independent problems: `validate` lists them all, `run` stops at the first.
        let threeProblems = """
            version: 1
            data: \(district)
            targets: t.yaml
            horizon: soon
            cutoff: 2026-06-30
            indicators:
              - { name: union_members, kind: share, model: auto }
              - { name: cultural_events, kind: count, modle: poisson }
            interventions:
              - { id: d, lever: rate-multiplier, indicators: [union_members], from: 2027, value: -2 }

            """
        // A bad indicator an intervention acts on: one problem, not also "does not define" nor "no indicators".
        let badIndicatorUsed = """
            version: 1
            data: \(district)
            targets: t.yaml
            horizon: 2030
            cutoff: 2026-06-30
            indicators:
              - { name: cultural_events, kind: count, model: poisson, window: 1 }
            interventions:
              - { id: d, lever: rate-multiplier, indicators: [cultural_events], from: 2027, value: 1.5 }

            """
        return [
            check("a scenario with three independent problems lists them all", ["s.yaml": .text(threeProblems), "t.yaml": t], ["s.yaml"],
                  status: 1, ["s.yaml:4", "horizon", "`soon`", "s.yaml:8", "indicators[1].modle", "s.yaml:10", "interventions[0].value",
                              "cannot be negative", "s.yaml: scenario rejected, 3 errors"]),
            run("the first of three independent problems", threeProblems,
                ["s.yaml:4: `horizon`: expected a whole number, found `soon`"]),
            check("a bad indicator and an intervention on it: one problem", ["s.yaml": .text(badIndicatorUsed), "t.yaml": t], ["s.yaml"],
                  status: 1, ["s.yaml:7", "indicators[0].window", "s.yaml: scenario rejected, 1 error"]),
            check("a good scenario, its targets file and data", ["s.yaml": s, "t.yaml": t], ["s.yaml", "t.yaml"], status: 0, [],
                  output: ["s.yaml: scenario ok", "t.yaml: targets ok — version 1, 2 targets"]),
            check("scenario, targets and CSV told apart", ["s.yaml": s, "t.yaml": t, "d.csv": .text(header + "A,x,2024,1,,\nA,x,2025,2,,\n")],
                  ["t.yaml", "d.csv", "s.yaml"], status: 0, [], output: ["t.yaml: targets ok", "d.csv: ok", "s.yaml: scenario ok"]),
            check("every bad target of a targets file", ["t.yaml": .text(badTargets)], ["t.yaml"], status: 1,
                  ["t.yaml:3", "targets[0].at-most", "together", "t.yaml:4", "targets[1].window", "no years to average over",
                   "t.yaml:5", "targets[2].below", "reduction on a cumulative count", "t.yaml:6", "targets[3].stretch", "below the threshold",
                   "t.yaml: targets rejected, 4 errors"]),
            check("a version-1 file using version-2 keys", ["t.yaml": .text(oneTarget(
                "id: T1\nindicator: union_members\nkind: level-at-deadline\ndeadline: 2028\nat-most: 90%"))], ["t.yaml"], status: 1,
                  ["t.yaml:7", "targets[0].at-most", "needs `version: 2`"]),
            check("a newer targets schema", ["t.yaml": .text(targets.replacingOccurrences(of: "version: 1", with: "version: 3"))], ["t.yaml"],
                  status: 1, ["t.yaml:1", "version", "targets schema 3; this Attain reads up to 2", "upgrade Attain"]),
            check("a scenario whose targets need a base year the data lack",
                  ["s.yaml": s, "t.yaml": .text(oneTarget2("id: G\nindicator: union_members\nkind: change-from-base\nbase: 2012\ndeadline: 2030\nat-least: 10pp"))],
                  ["s.yaml"], status: 1, ["t.yaml:6", "targets[0].base", "base year 2012 has no data", "start in 2019"]),
            check("a scenario naming a bad targets file", ["s.yaml": s, "t.yaml": .text(badTargets)], ["s.yaml"], status: 1,
                  ["t.yaml:3", "t.yaml:6", "s.yaml: scenario rejected"]),
            check("a scenario with an unknown key", ["s.yaml": .text(scenario("horizn: 2031\n")), "t.yaml": t], ["s.yaml"], status: 1,
                  ["s.yaml:", "horizn", "horizon"]),
            check("a scenario whose data file is broken",
                  ["s.yaml": .text(scenario().replacingOccurrences(of: district, with: "d.csv")), "t.yaml": t,
                   "d.csv": .text(header + "A,union_members,2024,abc,,\n")],
                  ["s.yaml"], status: 1, ["d.csv:2", "abc"]),
            check("an unreadable file among good ones", ["t.yaml": t], ["t.yaml", "missing.yaml"], status: 2, ["missing.yaml", "does not exist"]),
            // Version-2 forms read and reported: the new JSON fields through the binary.
            BadInputCase(name: "yaml: version-2 targets run", files: ["s.yaml": s, "t.yaml": .text(v2Targets)],
                         arguments: ["run", "@/s.yaml", "--paths", "200", "--format", "json"], status: 0, messages: [],
                         output: ["\"comparison\": \"<=\"", "\"symbol\": \"≤\"", "\"form\": \"change-from-base\"", "\"base\": 2020",
                                  "\"baseValue\"", "\"id\": \"M@2028\"", "\"milestoneOf\": \"M\"", "\"form\": \"average-growth\""]),
            BadInputCase(name: "yaml: version-2 targets table", files: ["s.yaml": s, "t.yaml": .text(v2Targets)],
                         arguments: ["run", "@/s.yaml", "--paths", "200"], status: 0, messages: [],
                         output: ["M (2028)", "change ≥ 5.0pp from 2020 to 2030", "≤ 4 each year 2027–2030", "average growth ≥ 2.0%/yr"]),
            BadInputCase(name: "yaml: version-2 goal seek on a cap", files: ["s.yaml": s, "t.yaml": .text(v2Targets)],
                         arguments: ["goalseek", "@/s.yaml", "--target", "CAP", "--probability", "0.5", "--lever", "rate-multiplier:cultural_events",
                                     "--paths", "200", "--format", "json"], status: 0, messages: [],
                         output: ["\"direction\": \"decreasing\"", "\"symbol\": \"≤\""]),
            BadInputCase(name: "validate: JSON for a scenario and a bad targets file", files: ["s.yaml": s, "t.yaml": t, "b.yaml": .text(badTargets)],
                         arguments: ["validate", "@/s.yaml", "@/b.yaml", "--format", "json"], status: 1, messages: [], stream: .standardOutput,
                         output: ["\"type\": \"scenario\"", "\"type\": \"targets\"", "\"status\": \"rejected\"", "\"key\": \"targets[1].window\"",
                                  "\"line\": 4", "\"valid\": false"]),
            check("broken YAML in a targets file", ["t.yaml": .text("version: 2\ntargets:\n  - { id: A, kind: [\n")], ["t.yaml"], status: 1,
                  ["t.yaml:", "not valid YAML"]),
        ]
    }
}
