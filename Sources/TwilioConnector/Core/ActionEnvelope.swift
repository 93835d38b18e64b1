import TwilioKit

/// The result every action answers: `{"success": true, …fields}` or
/// `{"success": false, "error": "…", "errorCode": 21211, "moreInfo": "…", "invalidParameters": […]}`
/// (and `messageSid`, `status` for a message Twilio accepted that then failed).
enum ActionEnvelope {
    /// The rendered outcome; a renderer may itself report a partial failure (a bulk send with
    /// refused recipients) by setting `success` to false and an `error`.
    static func success(_ fields: [String: JSONValue]) -> JSONValue {
        var fields = fields
        fields["success"] = fields["success"] ?? true
        fields["error"] = fields["error"] ?? .null
        return .object(fields)
    }

    static func failure(_ failure: ActionFailure) -> JSONValue {
        var fields: [String: JSONValue] = ["success": false, "error": .string(failure.message)]
        switch failure {
        case .invalidInput(let issues):
            fields["invalidParameters"] = .array(issues.map { ["parameter": .string($0.parameter), "rule": .string($0.rule), "kind": .string($0.kind.rawValue)] })
        case .twilio(let error):
            fields["errorCode"] = error.code.map { .number(Double($0)) } ?? .null
            fields["moreInfo"] = error.moreInfo.map(JSONValue.string) ?? .null
            fields["httpStatus"] = error.httpStatus.map { .number(Double($0)) } ?? .null
            if error.kind == .noAnswer, error.requestMayHaveBeenSent { fields["mayHaveBeenSent"] = true }
        case .messageFailed(let failure):
            fields["errorCode"] = failure.errorCode.map { .number(Double($0)) } ?? .null
            fields["moreInfo"] = failure.moreInfo.map(JSONValue.string) ?? .null
            fields["messageSid"] = .string(failure.sid)
            fields["status"] = .string(failure.status.rawValue)
        case .other:
            break
        }
        return .object(fields)
    }

    /// The failure as `dialect` answers it. The toolkit's outputs are seed 001's schemas, which
    /// forbid other properties: it answers `success` and `error` only (the error sentence names
    /// the parameters, Twilio's code and whether a request may have been sent).
    static func failure(_ failure: ActionFailure, in dialect: ConnectorDialect) -> JSONValue {
        guard dialect == .toolkit else { return self.failure(failure) }
        return ["success": false, "error": .string(failure.message)]
    }

    static func failure(message: String) -> JSONValue {
        failure(.other(message))
    }
}

extension ActionFailure {
    /// The failure as every action answers it: `{"success": false, "error": "…", …}`.
    public var envelope: JSONValue { ActionEnvelope.failure(self) }
}
