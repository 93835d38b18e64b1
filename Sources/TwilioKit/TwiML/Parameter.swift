extension TwiML {
    /// `<Parameter>`: a custom name/value pair nested in `<Stream>`.
    public struct Parameter: Sendable, Equatable {
        /// The parameter name.
        public var name: String
        /// The parameter value.
        public var value: String

        /// Creates a `<Parameter>`.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}

extension TwiML.Parameter {
    static let elementName = "Parameter"

    init(element: TwiMLElement) throws {
        try element.requireNoContent()
        self.init(name: try element.requiredString("name"), value: try element.requiredString("value"))
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: ["name": name, "value": value])
    }
}
