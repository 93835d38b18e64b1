import Foundation

/// Where a downloaded recording goes: checked before the download, written atomically after it.
struct RecordingFile {
    let url: URL

    /// Resolves `path` (`~` and relative paths allowed) and refuses a folder, a missing folder, or
    /// an existing file unless `overwrite`.
    init(path: String, overwrite: Bool) throws(ActionFailure) {
        url = URL(fileURLWithPath: NSString(string: path).expandingTildeInPath).standardizedFileURL
        var isFolder: ObjCBool = false
        var checks = ValueChecks()
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            checks.expect(!isFolder.boolValue, "SaveTo", "names a folder; give a file path such as \(url.path)/recording.wav", value: path)
            checks.expect(isFolder.boolValue || overwrite, "SaveTo", "names an existing file; pass {Overwrite}=true to replace it", value: path, kind: .combination)
        } else {
            let folder = url.deletingLastPathComponent().path
            checks.expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue,
                          "SaveTo", "is in a folder that does not exist: \(folder)", value: path)
        }
        try checks.finish()
    }

    /// Writes `bytes` atomically: a reader never sees half a file.
    func write(_ bytes: [UInt8]) throws(ActionFailure) {
        do { try Data(bytes).write(to: url, options: .atomic) } catch {
            throw .other("The recording was downloaded but could not be saved to \(url.path): \(error.localizedDescription)")
        }
    }
}
