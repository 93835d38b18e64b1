extension TwiML {
    /// `<Pause>`: waits silently.
    public struct Pause: Sendable, Equatable {
        /// Seconds to wait. Default 1.
        public var length: Int

        /// Creates a `<Pause>` of `length` seconds.
        public init(length: Int = 1) {
            self.length = length
        }
    }
}

extension TwiML.Pause {
    static let elementName = "Pause"

    init(element: TwiMLElement) throws {
        try element.requireNoContent()
        self.init(length: try element.integer("length", default: 1))
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: ["length": TwiMLElement.value(length, default: 1)])
    }
}
