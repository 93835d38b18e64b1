extension TwiML {
    /// `<Connect>`: connects the call to a service, e.g. a bidirectional media `<Stream>`.
    public struct Connect: Sendable, Equatable {
        /// Where to go when the connection ends; `nil` continues with the next verb.
        public var action: String?
        /// How to request ``action``. Default `POST`.
        public var method: Method
        /// What to connect to.
        public var nouns: [Noun]

        /// Creates a `<Connect>`.
        public init(_ nouns: [Noun], action: String? = nil, method: Method = .post) {
            self.nouns = nouns
            self.action = action
            self.method = method
        }

        /// A service nested in `<Connect>`.
        public enum Noun: Sendable, Equatable {
            /// `<Stream>`: a bidirectional media stream over a WebSocket.
            case stream(Stream)
            /// A noun this library does not model (e.g. `<Room>`, `<ConversationRelay>`), kept by name.
            case unsupported(name: String)
        }
    }
}

extension TwiML.Connect {
    static let elementName = "Connect"

    init(element: TwiMLElement) throws {
        let nouns = try element.childElements().map { child in
            child.name == TwiML.Stream.elementName
                ? Noun.stream(try TwiML.Stream(element: child))
                : .unsupported(name: child.name)
        }
        self.init(nouns, action: element.string("action"), method: try element.method())
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "action": action,
            "method": TwiMLElement.value(method, default: .post),
        ], elements: nouns.compactMap { noun in
            switch noun {
            case let .stream(stream): stream.element
            case let .unsupported(name): TwiMLElement.isValidName(name) ? TwiMLElement(name) : nil
            }
        })
    }
}
