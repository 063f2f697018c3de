import AttainForecast
import Testing
@testable import AttainSimulation

/// The model lines of the briefing's method table, in both languages.
@Suite struct ModelWordingTests {
    @Test func anAverageOfDefaultModelsIsNamedWithItsWeightsInBothLanguages() {
        let text = ModelWording.localTrend(scale: .logit, source: .averaged([(nil, 67), ("noisy shares (state unemployment rates)", 33)],
                                                                          oddsUnits: 12), counts: nil)
        #expect(text.en == "local trend (logit scale, default calibrations averaged by how probable each makes the data: "
                + "smooth series 67%, noisy shares (state unemployment rates) 33%; odds learned from 12 sister series)")
        #expect(text.vi == "xu hướng cục bộ (thang logit, trung bình các hiệu chỉnh mặc định, theo mức mỗi hiệu chỉnh giải thích số liệu: "
                + "chuỗi biến động đều 67%, tỷ lệ biến động mạnh (tỷ lệ thất nghiệp các bang Hoa Kỳ) 33%; tỷ lệ tiên nghiệm học từ 12 chuỗi cùng loại)")
    }

    @Test func numbersTakeTheLanguagesDecimalMark() {
        let flow = ModelWording.stockFlow(entries: false, hazard: 1.71, exitPercent: 20)
        #expect(flow.en == "stock-flow (workforce trend, acquisition hazard 1.71 a year, exits 20% a year)")
        #expect(flow.vi?.contains("cường độ thu hút 1,71 mỗi năm, rời khỏi 20% mỗi năm") == true)
        // A count's scale: `1.0` would read as a thousands separator in Vietnamese.
        let counts = ModelWording.localTrend(scale: .log(offset: 1), source: .pooled(units: 12), counts: .learnt)
        #expect(counts.en == "local trend (log(x + 1.0) scale, calibrated on 12 series), counts with the noise learnt from data")
        #expect(counts.vi == "xu hướng cục bộ (thang log(x + 1), hiệu chỉnh trên 12 chuỗi số liệu), số đếm với độ nhiễu học từ số liệu")
        #expect(ModelWording.scaleVietnamese(.log(offset: 0.5)) == "log(x + 0,5)")
    }

    /// The Vietnamese names are keyed by the forecast module's English ones: a default calibration added or renamed there
    /// without a Vietnamese name here fails this test instead of showing English in a Vietnamese briefing.
    @Test func everyDefaultCalibrationHasAVietnameseName() {
        let names = [LatentTransform.logit, .log(offset: 1), .log(offset: 0), .identity]
            .flatMap { TrendCalibration.defaultCandidates(for: $0) }.compactMap(\.defaultsName)
        #expect(names.count >= 2)
        for name in names { #expect(ModelWording.defaultsVietnamese(name) != name, "\(name)") }
    }

    @Test func anUnknownDefaultNameIsKeptRatherThanLost() {
        let text = ModelWording.localTrend(scale: .identity, source: .defaults(name: "a panel added later", oddsUnits: nil), counts: .poisson)
        #expect(text.vi == "xu hướng cục bộ (thang gốc, hiệu chỉnh mặc định cho a panel added later), số đếm theo phân phối Poisson")
    }
}
