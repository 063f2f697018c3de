import Foundation

/// Whether data files are marked as illustrative by the README beside them.
///
/// A data directory says its numbers are made up by a README whose title (the first Markdown heading) contains
/// "illustrative" or "minh họa" (any case), as `notebooks-data/README.md` does. Briefings built from such data carry
/// a visible warning. Cost: reads at most one small file per directory.
public enum IllustrativeData {
    /// True when the README.md beside any of `dataFiles` marks its data as illustrative.
    public static func isMarked(dataFiles: [String]) -> Bool {
        let directories = Set(dataFiles.map { ($0 as NSString).deletingLastPathComponent })
        return directories.contains { directory in
            let readme = (directory.isEmpty ? "." : directory) + "/README.md"
            guard let text = try? String(contentsOfFile: readme, encoding: .utf8) else { return false }
            return titleMarksIllustrative(text)
        }
    }

    /// Whether the first Markdown heading of `readme` says the data are illustrative.
    static func titleMarksIllustrative(_ readme: String) -> Bool {
        guard let title = readme.split(separator: "\n").first(where: { $0.hasPrefix("#") }) else { return false }
        let lowered = title.lowercased()
        return lowered.contains("illustrative") || lowered.contains("minh họa") || lowered.contains("minh hoạ")
    }
}
