extension TwiML.Gather {
    /// A verb nested in `<Gather>`, played while waiting for input.
    public enum Prompt: Sendable, Equatable {
        /// A nested `<Say>`.
        case say(TwiML.Say)
        /// A nested `<Play>`.
        case play(TwiML.Play)
        /// A nested `<Pause>`.
        case pause(TwiML.Pause)
    }
}

extension TwiML.Gather.Prompt {
    init(element: TwiMLElement, parent: String) throws {
        switch element.name {
        case TwiML.Say.elementName: self = .say(try TwiML.Say(element: element))
        case TwiML.Play.elementName: self = .play(try TwiML.Play(element: element))
        case TwiML.Pause.elementName: self = .pause(try TwiML.Pause(element: element))
        default: throw TwiMLParseError.unexpectedElement(element.name, parent: parent)
        }
    }

    var element: TwiMLElement {
        switch self {
        case let .say(say): say.element
        case let .play(play): play.element
        case let .pause(pause): pause.element
        }
    }
}
