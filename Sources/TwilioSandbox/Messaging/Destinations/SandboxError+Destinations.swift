extension SandboxError {
    /// 21408: the account's Geo-Permissions do not allow the recipient's country.
    static func regionNotPermitted(_ to: String) -> SandboxError {
        SandboxError(.badRequest, code: 21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: \(to).")
    }

    /// 21612: the recipient cannot be reached via SMS from this sender.
    static func unreachableViaSMS(_ to: String) -> SandboxError {
        SandboxError(.badRequest, code: 21612, "The 'To' phone number: \(to), is not currently reachable using the 'From' phone number via SMS.")
    }

    /// 21211: `To` is not a number or address a message or call can go to.
    static func invalidRecipient(_ to: String, _ reason: String) -> SandboxError {
        SandboxError(.badRequest, code: 21211, "Invalid 'To' Phone Number: \(to) (\(reason))")
    }
}
