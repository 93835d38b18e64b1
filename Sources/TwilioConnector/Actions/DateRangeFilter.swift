import TwilioKit

/// A date filter given as `<Name>` (that day), `<Name>Before` or `<Name>After` (inclusive days).
enum DateRangeFilter {
    /// The three parameters of the filter on `name`; `what` completes "Only items … on this day".
    static func parameters(_ name: String, _ what: String) -> [ParameterSpec] {
        [
            .init(name, .dateTime, "Only items \(what) on this day (UTC)."),
            .init(name + "Before", .dateTime, "Only items \(what) on or before this day."),
            .init(name + "After", .dateTime, "Only items \(what) on or after this day."),
        ]
    }

    /// At most one of the three forms.
    static func rules(_ name: String) -> [CrossRule] {
        [.atMostOne([name, name + "Before", name + "After"])]
    }

    /// The filter given, if any.
    static func filter(_ input: ActionInput, _ name: String) -> DateFilter? {
        if let date = input.date(name) { return .on(date) }
        if let date = input.date(name + "Before") { return .before(date) }
        if let date = input.date(name + "After") { return .after(date) }
        return nil
    }
}
