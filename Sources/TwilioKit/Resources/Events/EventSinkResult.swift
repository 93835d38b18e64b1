/// The answer to a sink Test or Validate request: `{"result": "submitted"}` or `{"result": "valid"}`.
public struct EventSinkResult: Codable, Sendable, Equatable {
    /// `submitted` after a Test (a test event is on its way), `valid` after a Validate.
    public var result: String?
}
