/// Nelder–Mead simplex minimisation of a function of a few variables (Lagarias et al. 1998 coefficients).
///
/// Derivative-free and deterministic: the same start gives the same sequence of evaluations. Stops when the spread of
/// function values over the simplex falls below `tolerance·(1 + |f_best|)` or after `maxEvaluations`. Cost: one
/// evaluation per reflection, occasionally two, or `d + 1` on a shrink.
enum NelderMead {
    static func minimize(_ f: ([Double]) -> Double, start: [Double], step: [Double],
                         tolerance: Double = 1e-7, maxEvaluations: Int = 600) -> (x: [Double], value: Double, evaluations: Int) {
        let d = start.count
        var evaluations = 0
        func value(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isNaN ? .infinity : v
        }
        var simplex = [start]
        for i in 0..<d { var x = start; x[i] += step[i]; simplex.append(x) }
        var values = simplex.map(value)
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }; values = order.map { values[$0] }
            if abs(values[d] - values[0]) <= tolerance * (1 + abs(values[0])) { break }
            var centroid = [Double](repeating: 0, count: d)
            for p in simplex.dropLast() { for i in 0..<d { centroid[i] += p[i] / Double(d) } }
            func along(_ t: Double) -> [Double] { (0..<d).map { centroid[$0] + t * (simplex[d][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = value(reflected)
            if fr < values[0] {
                let expanded = along(-2), fe = value(expanded)
                if fe < fr { simplex[d] = expanded; values[d] = fe } else { simplex[d] = reflected; values[d] = fr }
            } else if fr < values[d - 1] {
                simplex[d] = reflected; values[d] = fr
            } else {
                let outside = fr < values[d]
                let contracted = along(outside ? -0.5 : 0.5), fc = value(contracted)
                if fc < (outside ? fr : values[d]) {
                    simplex[d] = contracted; values[d] = fc
                } else {
                    for j in 1...d {
                        simplex[j] = (0..<d).map { simplex[0][$0] + 0.5 * (simplex[j][$0] - simplex[0][$0]) }
                        values[j] = value(simplex[j])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return (simplex[best], values[best], evaluations)
    }
}
