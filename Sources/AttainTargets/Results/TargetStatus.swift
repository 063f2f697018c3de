/// The verdict on a target, from its probability (and the data, when they already settle it).
///
/// | status | rule | Vietnamese |
/// |---|---|---|
/// | `met` | the data already show it met, or p ≥ 0.99 | Đạt |
/// | `likely` | 0.66 ≤ p < 0.99 | Có khả năng đạt |
/// | `at-risk` | 0.33 ≤ p < 0.66 | Nguy cơ không đạt |
/// | `off-track` | p < 0.33, or the data already show it missed | Khó đạt (Không đạt once settled) |
///
/// The cut-offs follow the IPCC's calibrated likelihood language ("virtually certain" ≥ 0.99, "likely" ≥ 0.66,
/// "about as likely as not" 0.33–0.66, "unlikely" < 0.33). They apply to the Monte Carlo estimate; with the default
/// 10,000 paths its standard error is at most 0.005, so only targets within about 0.01 of a cut-off can change status
/// between seeds.
public enum TargetStatus: String, Sendable, Codable, CaseIterable {
    case met
    case likely
    case atRisk = "at-risk"
    case offTrack = "off-track"

    /// Lower probability bounds of `met`, `likely` and `at-risk`.
    public static let metCutoff = 0.99
    public static let likelyCutoff = 0.66
    public static let atRiskCutoff = 0.33

    /// The status of a target met with probability `p`; `settled` is true / false when the data alone decide it.
    public init(probability p: Double, settled: Bool? = nil) {
        switch settled {
        case true?: self = .met
        case false?: self = .offTrack
        case nil:
            if p >= Self.metCutoff { self = .met }
            else if p >= Self.likelyCutoff { self = .likely }
            else if p >= Self.atRiskCutoff { self = .atRisk }
            else { self = .offTrack }
        }
    }

    /// The status word in Vietnamese official reviews.
    public var vietnamese: String {
        switch self {
        case .met: return "Đạt"
        case .likely: return "Có khả năng đạt"
        case .atRisk: return "Nguy cơ không đạt"
        case .offTrack: return "Khó đạt"
        }
    }
}
