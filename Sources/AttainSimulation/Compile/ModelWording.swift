import AttainForecast
import Foundation

/// How each model, and what a reader should know of its fit, is worded in outputs: in English (the JSON's `model` and
/// `warnings`, messages) and in Vietnamese (the briefing's method table and the workbook's method sheet), with the
/// numbers written in each language's convention (`0.47` and `0,47`).
public enum ModelWording {
    /// `local trend (logit scale, calibrated on 12 series), Poisson counts`.
    static func localTrend(scale: LatentTransform, source: Source, counts: CountNoiseWording?) -> LocalizedText {
        let scaleEn = "\(scale.description) scale", scaleVi = "thang \(scaleVietnamese(scale))"
        let sourceEn: String, sourceVi: String
        switch source {
        case .pooled(let units):
            (sourceEn, sourceVi) = ("calibrated on \(units) series", "hiệu chỉnh trên \(units) chuỗi số liệu")
        case .defaults(let name, let oddsUnits):
            sourceEn = (name.map { "default calibration for \($0)" } ?? "default calibration")
                + (oddsUnits.map { ", its odds learned from \($0) sister series" } ?? "")
            sourceVi = (name.map { "hiệu chỉnh mặc định cho \(defaultsVietnamese($0))" } ?? "hiệu chỉnh mặc định")
                + (oddsUnits.map { ", tỷ lệ tiên nghiệm học từ \($0) chuỗi cùng loại" } ?? "")
        case .averaged(let components, let oddsUnits):
            sourceEn = "default calibrations averaged by how probable each makes the data: "
                + components.map { "\($0.name ?? "smooth series") \($0.percent)%" }.joined(separator: ", ")
                + (oddsUnits.map { "; odds learned from \($0) sister series" } ?? "")
            sourceVi = "trung bình các hiệu chỉnh mặc định, theo mức mỗi hiệu chỉnh giải thích số liệu: "
                + components.map { "\(($0.name.map(defaultsVietnamese)) ?? "chuỗi biến động đều") \($0.percent)%" }.joined(separator: ", ")
                + (oddsUnits.map { "; tỷ lệ tiên nghiệm học từ \($0) chuỗi cùng loại" } ?? "")
        }
        let countsEn: String, countsVi: String
        switch counts {
        case nil: (countsEn, countsVi) = ("", "")
        case .poisson: (countsEn, countsVi) = (", Poisson counts", ", số đếm theo phân phối Poisson")
        case .learnt: (countsEn, countsVi) = (", counts with the noise learnt from data", ", số đếm với độ nhiễu học từ số liệu")
        }
        return LocalizedText(en: "local trend (\(scaleEn), \(sourceEn))\(countsEn)",
                             vi: "xu hướng cục bộ (\(scaleVi), \(sourceVi))\(countsVi)")
    }

    /// Where a local trend's calibration came from.
    enum Source {
        /// Learned from this many series (sister units or the kind pool).
        case pooled(units: Int)
        /// One default calibration (nil name: the smooth defaults), its model odds learned from sister series or not.
        case defaults(name: String?, oddsUnits: Int?)
        /// Default calibrations averaged by posterior weight (percent, rounded).
        case averaged([(name: String?, percent: Int)], oddsUnits: Int?)
    }

    /// How a count's yearly values scatter around its latent trend.
    enum CountNoiseWording { case poisson, learnt }

    static func randomWalk(scale: LatentTransform) -> LocalizedText {
        LocalizedText(en: "random walk with drift (\(scale.description) scale)",
                      vi: "bước ngẫu nhiên có xu hướng (thang \(scaleVietnamese(scale)))")
    }

    static let poissonSteadyRate = LocalizedText(en: "Poisson, steady rate", vi: "Poisson, tần suất ổn định")

    /// `planned: 3 a year, 20% of planned events slip (learnt from 3 years)`.
    static func planned(perYear: Int, slipPercent: Int, learntFromYears: Int?) -> LocalizedText {
        let source = learntFromYears.map { (en: "learnt from \($0) years", vi: "học từ \($0) năm số liệu") }
            ?? (en: "as stated", vi: "theo khai báo")
        return LocalizedText(en: "planned: \(perYear) a year, \(slipPercent)% of planned events slip (\(source.en))",
                             vi: "theo kế hoạch: \(perYear) mỗi năm, \(slipPercent)% sự kiện kế hoạch bị lùi (\(source.vi))")
    }

    /// `stock-flow (enterprise entries, acquisition hazard 0.47 a year, exits 3% a year)`.
    static func stockFlow(entries: Bool, hazard: Double, exitPercent: Int) -> LocalizedText {
        LocalizedText(en: "stock-flow (\(entries ? "enterprise entries" : "workforce trend"), acquisition hazard \(number(hazard)) a year, exits \(exitPercent)% a year)",
                      vi: "tồn lượng – dòng chảy (\(entries ? "doanh nghiệp mới gia nhập" : "xu hướng lực lượng lao động"), "
                          + "cường độ thu hút \(number(hazard, vietnamese: true)) mỗi năm, rời khỏi \(exitPercent)% mỗi năm)")
    }

    /// The model of a total over units, simulated path by path.
    public static func unitSum(_ count: Int) -> LocalizedText {
        LocalizedText(en: "sum of \(count) units' paths", vi: "tổng đường mô phỏng của \(count) đơn vị")
    }

    // MARK: What a reader should know of a fit

    /// What few years leave uncertain.
    enum Uncertain { case trend, drift }

    /// `only 3 years of data: the trend is very uncertain`.
    static func fewYears(_ years: Int, uncertain: Uncertain) -> LocalizedText {
        switch uncertain {
        case .trend: return LocalizedText(en: "only \(years) years of data: the trend is very uncertain",
                                          vi: "chỉ có \(years) năm số liệu: xu hướng rất không chắc chắn")
        case .drift: return LocalizedText(en: "only \(years) years of data: the drift is very uncertain",
                                          vi: "chỉ có \(years) năm số liệu: mức tăng bình quân rất không chắc chắn")
        }
    }

    /// A steady rate from fewer than three years of exposure.
    static func rateFromYears(_ exposure: Double) -> LocalizedText {
        LocalizedText(en: "rate estimated from \(exposure) years of data",
                      vi: "tần suất ước lượng từ \(number(exposure, vietnamese: true)) năm số liệu")
    }

    /// A planned count's slip probability learnt from fewer than three years.
    static func slipFromYears(_ years: Int) -> LocalizedText {
        LocalizedText(en: "slip probability learnt from \(years) years of data",
                      vi: "xác suất bị lùi học từ \(years) năm số liệu")
    }

    /// A stock-flow model's exit rate the scenario did not state.
    static func assumedExitRate(entries: Bool, percent: Int) -> LocalizedText {
        entries
            ? LocalizedText(en: "assumed a yearly closure rate of \(percent)% (set `closure-rate`)",
                            vi: "giả định tỷ lệ doanh nghiệp giải thể \(percent)% mỗi năm (khai báo `closure-rate` để thay)")
            : LocalizedText(en: "assumed a yearly turnover rate of \(percent)% (set `turnover`)",
                            vi: "giả định tỷ lệ lao động nghỉ việc \(percent)% mỗi năm (khai báo `turnover` để thay)")
    }

    /// The latent scale in Vietnamese: formulas kept (`logit`, `log(x + 1)`), without a `1.0` that a reader of decimal commas
    /// takes for a thousands separator.
    static func scaleVietnamese(_ scale: LatentTransform) -> String {
        switch scale {
        case .identity: return "gốc"
        case .log(let c) where c != 0: return "log(x + \(c == c.rounded() ? "\(Int(c))" : number(c, vietnamese: true)))"
        default: return scale.description
        }
    }

    /// The default calibrations' names (``TrendCalibration/defaultsName``) in Vietnamese; an unknown name is kept.
    static func defaultsVietnamese(_ name: String) -> String {
        switch name {
        case "noisy shares (state unemployment rates)": return "tỷ lệ biến động mạnh (tỷ lệ thất nghiệp các bang Hoa Kỳ)"
        case "small noisy counts (county murders)": return "số đếm nhỏ biến động mạnh (số vụ giết người các hạt Hoa Kỳ)"
        default: return name
        }
    }

    /// A number as Swift prints it (`0.47`), with a decimal comma in Vietnamese.
    static func number(_ x: Double, vietnamese: Bool = false) -> String {
        vietnamese ? "\(x)".replacingOccurrences(of: ".", with: ",") : "\(x)"
    }
}
