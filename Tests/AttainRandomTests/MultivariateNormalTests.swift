import Testing
import AttainLinearAlgebra
@testable import AttainRandom

@Test func multivariateNormalCovariance() throws {
    let sigma = Matrix(rowMajor: [[4.0, 1.2, -0.8], [1.2, 1.0, 0.3], [-0.8, 0.3, 2.25]])
    let mu = [1.0, -2.0, 0.5]
    let mvn = try MultivariateNormal(mean: mu, covariance: sigma)
    #expect(mvn.dimension == 3)
    var rng = Xoshiro256StarStar(seed: 21)
    let n = 100_000
    var sum = [0.0, 0.0, 0.0]
    var cross = [Double](repeating: 0, count: 9)
    var x = [0.0, 0.0, 0.0]
    for _ in 0..<n {
        mvn.sample(into: &x, using: &rng)
        for i in 0..<3 {
            sum[i] += x[i]
            for j in 0..<3 { cross[i * 3 + j] += (x[i] - mu[i]) * (x[j] - mu[j]) }
        }
    }
    let dn = Double(n)
    for i in 0..<3 {
        // Mean within 4 SE.
        #expect(abs(sum[i] / dn - mu[i]) < 4 * (sigma[i, i] / dn).squareRoot())
        for j in 0..<3 {
            // Var of (xᵢ−μᵢ)(xⱼ−μⱼ) for a normal pair is σᵢᵢσⱼⱼ + σᵢⱼ²; 4 SE.
            let se = ((sigma[i, i] * sigma[j, j] + sigma[i, j] * sigma[i, j]) / dn).squareRoot()
            #expect(abs(cross[i * 3 + j] / dn - sigma[i, j]) < 4 * se, "cov[\(i),\(j)]")
        }
    }
}

@Test func multivariateNormalAllocatingMatchesInPlace() throws {
    let mvn = try MultivariateNormal(mean: [0, 10], covariance: Matrix(rowMajor: [[1, 0.9], [0.9, 1]]))
    var a = Xoshiro256StarStar(seed: 22), b = Xoshiro256StarStar(seed: 22)
    var buffer = [0.0, 0.0]
    for _ in 0..<10 {
        mvn.sample(into: &buffer, using: &b)
        #expect(mvn.sample(using: &a) == buffer)
    }
}

@Test func multivariateNormalRejectsBadInput() {
    #expect(throws: LinearAlgebraError.self) {
        try MultivariateNormal(mean: [0, 0], covariance: Matrix(rowMajor: [[1, 2], [2, 1]]))  // indefinite
    }
    #expect(throws: LinearAlgebraError.self) {
        try MultivariateNormal(mean: [0, 0, 0], covariance: Matrix.identity(2))
    }
    #expect(throws: LinearAlgebraError.self) {
        try MultivariateNormal(mean: [.nan, 0], covariance: Matrix.identity(2))
    }
}
