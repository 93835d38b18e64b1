import Foundation
import Synchronization
import TwilioConnector

/// A one-line progress bar on standard error, for bulk sends run from a terminal:
/// `[██████░░░░░░░░░░░░░░]  812/1500  54%  3 failed  9.8/s  ETA 1m10s`. Redrawn at most ten times a
/// second; the last line stays when the run ends.
final class ProgressBar: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var latest: ActionProgress?
        var drawn: ActionProgress?
    }

    private let state = Mutex(State())
    private let start = ContinuousClock.now
    private let width = 20

    /// Takes a progress report; draws it unless the last drawing is under 0.1 s old.
    func update(_ progress: ActionProgress) {
        let line: String? = state.withLock { state in
            state.latest = progress
            let now = ContinuousClock.now
            let finished = progress.completed == progress.total
            if let last = state.lastDraw, now - last < .milliseconds(100), !finished { return nil }
            state.lastDraw = now
            state.drawn = progress
            return render(progress, elapsed: now - start)
        }
        if let line { FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8)) }
    }

    /// Ends the bar's line, so what follows starts on a fresh one.
    func finish() {
        let ending: String? = state.withLock { state in
            guard let latest = state.latest else { return nil }
            return latest == state.drawn ? "\n" : "\r\u{1B}[K" + render(latest, elapsed: .now - start) + "\n"
        }
        if let ending { FileHandle.standardError.write(Data(ending.utf8)) }
    }

    func render(_ progress: ActionProgress, elapsed: Duration) -> String {
        let total = max(progress.total, 1)
        let filled = width * progress.completed / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "[\(bar)] \(progress.completed)/\(progress.total)  \(100 * progress.completed / total)%"
        if progress.failed > 0 { line += "  \(progress.failed) failed" }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if seconds >= 1, progress.completed > 0 {
            let rate = Double(progress.completed) / seconds
            line += String(format: "  %.1f/s", rate)
            let left = Int((Double(progress.total - progress.completed) / rate).rounded(.up))
            if left > 0 { line += "  ETA " + Self.duration(left) }
        }
        return line
    }

    private static func duration(_ seconds: Int) -> String {
        seconds >= 60 ? "\(seconds / 60)m\(String(format: "%02d", seconds % 60))s" : "\(seconds)s"
    }
}
