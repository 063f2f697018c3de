import AttainSimulation
import AttainTargets

extension GoalSeekEffort {
    /// The effort a goal seek found, with the lever described for readers.
    ///
    /// - Parameters:
    ///   - result: what `PlanStudy.goalSeek` found.
    ///   - indicatorTitle: the title of the indicator the lever acts on (names the lever in words).
    ///   - description: the intervention's own description, when the scenario gives one.
    ///   - isCount: whether the indicator counts events (a rate multiplier then scales how often they happen).
    public init(result: GoalSeekResult, indicatorTitle: LocalizedText?, description: LocalizedText? = nil, isCount: Bool = false) {
        let (lever, unit) = Self.words(for: result.leverKind, indicatorTitle: indicatorTitle, description: description,
                                       isCount: isCount)
        self.init(lever: lever, unit: unit, current: result.currentValue, required: result.required,
                  probability: result.probability,
                  searchedUpTo: result.required == nil ? (result.direction == "increasing" ? result.upper : result.lower) : nil)
    }

    /// A lever in words, and the unit of its value.
    static func words(for lever: Lever, indicatorTitle: LocalizedText?, description: LocalizedText?, isCount: Bool)
        -> (LocalizedText, LocalizedText) {
        let vi = (indicatorTitle?.vi ?? indicatorTitle?.en).map { " (\($0.lowercasedFirst()))" } ?? ""
        let en = (indicatorTitle?.en ?? indicatorTitle?.vi).map { " (\($0.lowercasedFirst()))" } ?? ""
        let name: LocalizedText
        let unit: LocalizedText
        switch lever {
        case .rateMultiplier where isCount:
            name = LocalizedText(en: "how often they happen\(en)", vi: "tần suất hằng năm\(vi)")
            unit = LocalizedText(en: "times the present rate", vi: "lần mức hiện nay")
        case .rateMultiplier:
            name = LocalizedText(en: "the founding or joining rate\(en)", vi: "tốc độ thành lập, kết nạp\(vi)")
            unit = LocalizedText(en: "times the present rate", vi: "lần tốc độ hiện nay")
        case .growthShift:
            name = LocalizedText(en: "the extra yearly growth on the logit or log scale\(en)",
                                 vi: "mức tăng thêm hằng năm trên thang logit/log\(vi)")
            unit = LocalizedText()
        case .cohort:
            name = LocalizedText(en: "the number of new enterprises entering without a union", vi: "số doanh nghiệp mới vào chưa có công đoàn")
            unit = LocalizedText(en: "enterprises", vi: "doanh nghiệp")
        case .shock:
            name = LocalizedText(en: "the share of workers laid off", vi: "tỷ lệ lao động bị cắt giảm")
            unit = LocalizedText()
        case .turnover:
            name = LocalizedText(en: "the yearly worker turnover", vi: "tỷ lệ công nhân nghỉ việc hằng năm")
            unit = LocalizedText()
        }
        guard let description else { return (name, unit) }
        let lever = LocalizedText(en: (description.en ?? description.vi).map { "\(name.en ?? "") — \($0)" },
                                  vi: (description.vi ?? description.en).map { "\(name.vi ?? "") — \($0)" })
        return (lever, unit)
    }
}

extension String {
    /// The string with its first letter in lower case ("Tỷ lệ …" → "tỷ lệ …"), for use inside a sentence.
    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
