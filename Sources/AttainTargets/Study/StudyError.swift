/// A request about a study that cannot be met: an unknown target or lever, or a lever that cannot move the target.
public enum StudyError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownTarget(String, known: [String])
    case unknownLever(String, known: [String])
    case leverDoesNotAct(lever: String, target: String, indicator: String)
    case mismatchedScenarios(String)
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .unknownTarget(let id, let known):
            return "no target `\(id)` in the targets file; targets: " + known.joined(separator: ", ")
        case .unknownLever(let id, let known):
            let list = known.isEmpty ? "the scenario has no interventions" : "interventions: " + known.joined(separator: ", ")
            return "no intervention `\(id)` in the scenario (\(list)); or name a lever as LEVER:INDICATOR, e.g. rate-multiplier:union_members"
        case .leverDoesNotAct(let lever, let target, let indicator):
            return "lever `\(lever)` does not act on `\(indicator)`, so it cannot change the probability of target `\(target)`"
        case .mismatchedScenarios(let why):
            return "these scenarios cannot be compared: \(why)"
        case .invalidRequest(let why):
            return why
        }
    }
}
