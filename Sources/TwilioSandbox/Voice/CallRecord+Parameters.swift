extension CallRecord {
    /// The parameters of every voice request Twilio makes about the call (its TwiML URL, action
    /// URLs, status callbacks), `CallStatus` being `status` unless given.
    func voiceParameters(callStatus: String? = nil) -> [(String, String)] {
        let toCountry = Self.country(of: to), fromCountry = Self.country(of: from)
        var parameters: [(String, String)] = [
            ("AccountSid", accountSID), ("ApiVersion", "2010-04-01"), ("CallSid", sid), ("CallStatus", callStatus ?? status.rawValue),
            ("Called", to), ("CalledCity", ""), ("CalledCountry", toCountry), ("CalledState", ""), ("CalledZip", ""),
            ("Caller", from), ("CallerCity", ""), ("CallerCountry", fromCountry), ("CallerState", ""), ("CallerZip", ""),
            ("Direction", direction.rawValue), ("From", from), ("FromCity", ""), ("FromCountry", fromCountry), ("FromState", ""),
            ("FromZip", ""), ("To", to), ("ToCity", ""), ("ToCountry", toCountry), ("ToState", ""), ("ToZip", ""),
        ]
        if let forwardedFrom { parameters.append(("ForwardedFrom", forwardedFrom)) }
        if let callerName { parameters.append(("CallerName", callerName)) }
        if let parentCallSID { parameters.append(("ParentCallSid", parentCallSID)) }
        if let answeredBy { parameters.append(("AnsweredBy", answeredBy)) }
        return parameters
    }

    /// The ISO country of a North American number; empty for other addresses (the sandbox has
    /// no numbering plan beyond +1).
    private static func country(of address: String) -> String {
        address.hasPrefix("+1") ? "US" : ""
    }
}
