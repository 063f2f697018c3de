/// Attain: the probability that a plan's numeric targets are met, and what it would take to meet them.
///
/// This umbrella module only re-exports the layers; import it to get the whole toolkit.
@_exported import AttainLinearAlgebra
@_exported import AttainRandom
@_exported import AttainData
@_exported import AttainModels
@_exported import AttainForecast
@_exported import AttainSimulation
@_exported import AttainTargets
@_exported import AttainReport
