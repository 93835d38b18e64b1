import Hummingbird

extension Request {
    /// Where this request reached the API (`http://<host>/api`): the base of the absolute URLs
    /// the sandbox hands out (a recording's `media_url`, `RecordingUrl`).
    var apiOrigin: String {
        "http://" + (head.authority ?? "127.0.0.1") + "/api"
    }

    /// Where the sandbox serves `domain` for this request: `http://<Host>/<domain>`. Paging links
    /// (`meta.next_page_url`…) point there, so clients follow them back to the sandbox.
    func sandboxOrigin(_ domain: String) -> String {
        let host = head.authority ?? "127.0.0.1"
        return "http://\(host)/\(domain)"
    }

    /// The path as Twilio names it, without the sandbox's `/api` prefix (`/2010-04-01/…`).
    var twilioPath: String {
        uri.path.hasPrefix("/api/") ? String(uri.path.dropFirst(4)) : uri.path
    }
}
