/// Whether a stream may run its workflow, once its `start` message named the call: the answer to
/// its one-time token, and what the workflow acts on the call with.
public enum StreamAuthorization: Sendable {
    /// The token matches the call: the workflow runs, controlling the call with `control`.
    case granted(any CallControl)
    /// It does not; the stream ends, with this reason logged.
    case refused(String)
}
