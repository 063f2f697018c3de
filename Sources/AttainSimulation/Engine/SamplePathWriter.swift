import Foundation
import Synchronization

/// Writes raw simulated paths as CSV, in path order whatever the thread count.
///
/// Columns: `path,scenario,indicator,<first year>,…,<horizon>`; one row per path, scenario and indicator; flows are
/// yearly values (not running totals). Chunks finished out of order wait in memory until their predecessors are
/// written, so memory stays near one chunk per thread.
public final class SamplePathWriter: Sendable {
    private struct State {
        var handle: FileHandle
        var nextChunk = 0
        var pending: [Int: String] = [:]
        var headerWritten = false
    }
    private let state: Mutex<State>

    /// A writer to the file at `path` (created or truncated).
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        state = Mutex(State(handle: try FileHandle(forWritingTo: URL(fileURLWithPath: path))))
    }

    func appendRows(path p: Int, models: [SimulationModel], rows: UnsafeMutablePointer<UnsafeMutablePointer<Double>>, to text: inout String) {
        let years = models[0].yearCount
        for (m, model) in models.enumerated() {
            for (i, ind) in model.indicators.enumerated() {
                text += "\(p),\(Self.quoted(model.name)),\(Self.quoted(ind.name))"
                for y in 0..<years {
                    let v = rows[m][i * years + y]
                    text += v.isNaN ? "," : ",\(v)"
                }
                text += "\n"
            }
        }
    }

    func header(_ models: [SimulationModel]) -> String {
        "path,scenario,indicator," + models[0].years.map(String.init).joined(separator: ",") + "\n"
    }

    func submit(chunk: Int, text: String) {
        state.withLock { s in
            s.pending[chunk] = text
            while let t = s.pending.removeValue(forKey: s.nextChunk) {
                s.handle.write(Data(t.utf8))
                s.nextChunk += 1
            }
        }
    }

    /// Writes the header; called by the engine before the first chunk.
    func begin(_ models: [SimulationModel]) {
        state.withLock { s in
            if !s.headerWritten { s.handle.write(Data(header(models).utf8)); s.headerWritten = true }
        }
    }

    func finish() {
        state.withLock { s in try? s.handle.close() }
    }

    static func quoted(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
