/// The URLs of the connector's media streams: `/streams/<workflow>` on the public URL, with the
/// WebSocket scheme of its HTTP one (`wss://` for `https://`, `ws://` for `http://`).
public enum StreamURL {
    /// The stream URL of `workflow` on `base` (`https://hooks.example.com`).
    public static func make(base: String, workflow: String) -> String {
        webSocket(base.hasSuffix("/") ? String(base.dropLast()) : base) + "/streams/" + workflow
    }

    /// `url` with `ws`/`wss` for `http`/`https`.
    public static func webSocket(_ url: String) -> String {
        if url.lowercased().hasPrefix("https://") { return "wss://" + url.dropFirst("https://".count) }
        if url.lowercased().hasPrefix("http://") { return "ws://" + url.dropFirst("http://".count) }
        return url
    }
}
