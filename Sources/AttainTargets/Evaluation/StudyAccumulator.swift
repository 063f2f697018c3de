import AttainSimulation

/// Target tallies plus (optionally) indicator fans, filled in one pass over the paths.
public struct StudyAccumulator: PathAccumulator {
    public var tally: TargetTally
    public var fan: FanSketch?

    public init(tally: TargetTally, fan: FanSketch?) {
        self.tally = tally
        self.fan = fan
    }

    public mutating func add(_ paths: SimulatedPaths) {
        tally.add(paths)
        fan?.add(paths)
    }

    public mutating func merge(_ other: StudyAccumulator) {
        tally.merge(other.tally)
        if let o = other.fan { fan?.merge(o) }
    }
}
