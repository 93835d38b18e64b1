import Foundation

/// Where actions may write files (a downloaded recording's `SaveTo`).
public enum FileAccess: Sendable, Equatable {
    /// Wherever the caller says: the command line, run by the user who owns the files.
    case anywhere
    /// Only inside this folder, by relative names: over HTTP and MCP, where callers are not the
    /// server's user. No absolute paths, no `..`, no `~`, no symbolic link leading out.
    case confined(to: String)
}
