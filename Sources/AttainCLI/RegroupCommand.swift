import ArgumentParser
import Attain
import Foundation

/// `attain regroup`: series keyed by old units before a boundary change and by new units after it, re-aggregated
/// through a crosswalk into one data file for a geography of the new map.
struct RegroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regroup",
        abstract: "Re-aggregate data keyed by old and new units (across a boundary change) into one series per target unit.",
        discussion: """
            Rows of an old unit (one the crosswalk maps) in periods starting before the change date are shared among \
            the new units by the crosswalk's weights; other rows stay on their unit. Each target then sums what landed \
            on it: counts, running totals and levels are summed (a level averaged with --combine NAME=average); shares \
            from summed numerators and denominators. A share without counts cannot be apportioned or combined unless \
            --combine says how.

            Targets: --to UNIT (repeatable: a new unit with the units below it, or a former unit's area = the new units \
            it went to, whole), --level LEVEL (every unit of that level in force after the change; commune takes \
            wards), or --province (everything).

            Output: tidy CSV with the columns unit, indicator, period, value, numerator, denominator, apportioned \
            (true when the row rests on a split weight). --out is written whole or not at all; without it the CSV \
            goes to standard output.

            Exit codes: 0 written, 1 a problem in the input (every problem listed with file and line), 2 a usage error.
            """)

    @Option(name: .long, help: ArgumentHelp("Tidy CSV data file (repeatable).", valueName: "file"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("Units file (CSV: unit, name, level, parent, from, to).", valueName: "file"))
    var units: String

    @Option(name: .long, help: ArgumentHelp("Crosswalk file (CSV: old, new, weight, basis).", valueName: "file"))
    var crosswalk: String

    @Option(name: .long, help: ArgumentHelp("A target unit (repeatable).", valueName: "unit"))
    var to: [String] = []

    @Option(name: .long, help: ArgumentHelp("Every unit of this level: province, commune, ward, district, zone, cluster, enterprise.",
                                            valueName: "level"))
    var level: String?

    @Flag(name: .long, help: "One series for the whole province.")
    var province = false

    @Option(name: .customLong("change-date"), help: ArgumentHelp(
        "Day the new units took over (default: from the units file's dates, else 2025-07-01).", valueName: "YYYY-MM-DD"))
    var changeDate: String?

    @Option(name: .customLong("kind"), help: ArgumentHelp("State an indicator's kind. Repeatable.", valueName: "indicator=kind"))
    var kindAssignments: [String] = []

    @Option(name: .customLong("combine"), help: ArgumentHelp(
        "How to combine a level or a share without counts: sum or average. Repeatable.", valueName: "indicator=rule"))
    var combineAssignments: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the CSV here (whole or not at all) instead of standard output.", valueName: "file"))
    var out: String?

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one --data file") }
        let chosen = (to.isEmpty ? 0 : 1) + (level == nil ? 0 : 1) + (province ? 1 : 0)
        if chosen != 1 { throw ValidationError("choose one target: --to UNIT, --level LEVEL or --province") }
        if let level, UnitLevel(rawValue: level.lowercased()) == nil {
            throw ValidationError("--level \(level): expected one of " + UnitLevel.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let changeDate, CalendarDate(parsing: changeDate) == nil {
            throw ValidationError("--change-date \(changeDate): write the day as YYYY-MM-DD, e.g. 2025-07-01")
        }
        do { _ = try DataSet.Options.parseKinds(kindAssignments) } catch { throw ValidationError("--kind: \(error.description)") }
        _ = try combinations()
    }

    func combinations() throws -> [String: Regrouping.Combination] {
        var result = [String: Regrouping.Combination]()
        for text in combineAssignments {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let rule = Regrouping.Combination(rawValue: parts[1].lowercased()) else {
                throw ValidationError("--combine \(text): write INDICATOR=RULE with RULE sum or average")
            }
            result[parts[0]] = rule
        }
        return result
    }

    func run() throws {
        let kinds = (try? DataSet.Options.parseKinds(kindAssignments)) ?? [:]
        let combinations = try combinations()
        try reportingErrors {
            let registry = try UnitRegistry.load(contentsOf: URL(fileURLWithPath: units))
            let walk = try Crosswalk.load(contentsOf: URL(fileURLWithPath: crosswalk), units: registry)
            let sets = try data.map { path throws(DataError) in
                try DataSet.load(contentsOf: URL(fileURLWithPath: path), options: .init(kinds: kinds))
            }
            let target: Regrouping.Target = province ? .province
                : level.map { .level(UnitLevel(rawValue: $0.lowercased())!) } ?? .units(to)
            let regrouping = Regrouping(data: sets, units: registry, crosswalk: walk, kinds: kinds, combinations: combinations,
                                        changeDate: changeDate.flatMap(CalendarDate.init(parsing:)))
            let rows = try regrouping.regroup(to: target)
            let text = Regrouping.csv(rows)
            if let out {
                try AtomicFileWriter.write(text, to: out)
                let apportioned = rows.filter(\.apportioned).count
                Console.error("wrote \(out): \(rows.count) rows, \(apportioned) apportioned (change date \(regrouping.changeDate))")
            } else {
                print(text, terminator: "")
            }
        }
    }
}
