import Foundation

/// Where a recording goes (a downloaded one, or one a real-time workflow made): checked before it
/// is made, written atomically after it.
public struct RecordingFile: Sendable {
    /// The file.
    public let url: URL

    /// Resolves `path` under `access` and refuses a folder, a missing folder, or an existing file
    /// unless `overwrite`. With `.anywhere`, `~` and relative paths are the caller's; `.confined`
    /// takes relative names inside its folder only. Problems name `parameter`, the setting that gave `path`.
    public init(path: String, overwrite: Bool, access: FileAccess, parameter: String = "SaveTo") throws(ActionFailure) {
        switch access {
        case .anywhere:
            url = URL(fileURLWithPath: NSString(string: path).expandingTildeInPath).standardizedFileURL
        case .confined(let folder):
            url = try Self.confined(path, in: folder, parameter: parameter)
        }
        var isFolder: ObjCBool = false
        var checks = ValueChecks()
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            checks.expect(!isFolder.boolValue, parameter, "names a folder; give a file path such as \(url.path)/recording.wav", value: path)
            checks.expect(isFolder.boolValue || overwrite, parameter, "names an existing file; pass {Overwrite}=true to replace it", value: path,
                          kind: .combination)
        } else {
            let folder = url.deletingLastPathComponent().path
            checks.expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue,
                          parameter, "is in a folder that does not exist: \(folder)", value: path)
        }
        try checks.finish()
    }

    /// `path` inside `folder` (created when missing): a relative name with no `..`, `~` or absolute
    /// start, whose parent folder really is inside `folder` and which is not itself a link.
    private static func confined(_ path: String, in folder: String, parameter: String) throws(ActionFailure) -> URL {
        func refuse(_ rule: String) -> ActionFailure {
            .invalidInput([ValidationIssue(parameter: parameter, rule: rule, value: path)])
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !path.hasPrefix("~"), !components.contains(".."), !components.contains(""), !path.contains("\0") else {
            throw refuse("must be a relative file name inside the files folder (no leading /, no ~, no .. segments)")
        }
        let root = URL(fileURLWithPath: folder)
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            throw .other("The files folder \(folder) cannot be created: \(error.localizedDescription)")
        }
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        let target = root.appendingPathComponent(path)
        let realParent = target.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        guard realParent == realRoot || realParent.hasPrefix(realRoot + "/") else {
            throw refuse("leads out of the files folder through a symbolic link")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
        guard attributes?[.type] as? FileAttributeType != .typeSymbolicLink else {
            throw refuse("is a symbolic link; links are not followed")
        }
        return URL(fileURLWithPath: realParent).appendingPathComponent(target.lastPathComponent)
    }

    /// Writes `bytes` atomically: a reader never sees half a file.
    public func write(_ bytes: [UInt8]) throws(ActionFailure) {
        do { try Data(bytes).write(to: url, options: .atomic) } catch {
            throw .other("The recording could not be saved to \(url.path): \(error.localizedDescription)")
        }
    }
}
