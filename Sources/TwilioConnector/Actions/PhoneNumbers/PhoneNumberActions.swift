import TwilioKit

/// The account's incoming phone numbers.
enum PhoneNumberActions {
    static let listPhoneNumbers = CoreAction(
        "listPhoneNumbers", title: "List Phone Numbers",
        summary: "List the account's phone numbers, optionally filtered by number pattern or friendly name.",
        parameters: [
            .init("PhoneNumber", .string(.nonEmpty), "Only numbers matching this pattern: a whole or partial number, * standing for any digit."),
            .init("FriendlyName", .string(.nonEmpty), "Only numbers with this friendly name."),
            .init("limit", .integer(1...10_000), default: 50, "The most numbers to return (default 50)."),
        ]
    ) { input, context throws(ActionFailure) in
        if let pattern = input.string("PhoneNumber") {
            var checks = ValueChecks()
            checks.expect(pattern.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "+" || $0 == "*") }, "PhoneNumber",
                          "may only hold digits, + and *", value: pattern)
            try checks.finish()
        }
        let filter = IncomingPhoneNumberListFilter(friendlyName: input.string("FriendlyName"), phoneNumber: input.string("PhoneNumber"))
        return try await collect({ context.client.incomingPhoneNumbers.list(filter, limit: $0) },
                                 limit: input.int("limit") ?? context.defaultListLimit)
    }
}
