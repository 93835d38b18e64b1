/// A verb in a voice ``VoiceResponse``, executed in order during a call.
public enum VoiceVerb: Sendable, Equatable {
    /// `<Say>`: text-to-speech.
    case say(TwiML.Say)
    /// `<Play>`: an audio file or DTMF tones.
    case play(TwiML.Play)
    /// `<Pause>`: silence.
    case pause(TwiML.Pause)
    /// `<Gather>`: collect digits or speech.
    case gather(TwiML.Gather)
    /// `<Dial>`: connect to another party.
    case dial(TwiML.Dial)
    /// `<Record>`: record the caller.
    case record(TwiML.Record)
    /// `<Hangup>`: end the call.
    case hangup
    /// `<Redirect>`: continue with another TwiML document.
    case redirect(TwiML.Redirect)
    /// `<Reject>`: refuse the incoming call.
    case reject(TwiML.Reject)
    /// `<Connect>`: connect to a service such as a media `<Stream>`.
    case connect(TwiML.Connect)
    /// A verb this library does not model (e.g. `<Enqueue>`, `<Start>`), kept by element name.
    /// It renders as an empty element, or not at all if `name` is not a valid XML name.
    case unsupported(name: String)
}

extension VoiceVerb {
    private static let hangupName = "Hangup"

    init(element: TwiMLElement) throws {
        switch element.name {
        case TwiML.Say.elementName: self = .say(try TwiML.Say(element: element))
        case TwiML.Play.elementName: self = .play(try TwiML.Play(element: element))
        case TwiML.Pause.elementName: self = .pause(try TwiML.Pause(element: element))
        case TwiML.Gather.elementName: self = .gather(try TwiML.Gather(element: element))
        case TwiML.Dial.elementName: self = .dial(try TwiML.Dial(element: element))
        case TwiML.Record.elementName: self = .record(try TwiML.Record(element: element))
        case Self.hangupName:
            try element.requireNoContent()
            self = .hangup
        case TwiML.Redirect.elementName: self = .redirect(try TwiML.Redirect(element: element))
        case TwiML.Reject.elementName: self = .reject(try TwiML.Reject(element: element))
        case TwiML.Connect.elementName: self = .connect(try TwiML.Connect(element: element))
        default: self = .unsupported(name: element.name)
        }
    }

    /// The element to render; `nil` for an unsupported verb whose name is not a valid XML name.
    var element: TwiMLElement? {
        switch self {
        case let .say(say): say.element
        case let .play(play): play.element
        case let .pause(pause): pause.element
        case let .gather(gather): gather.element
        case let .dial(dial): dial.element
        case let .record(record): record.element
        case .hangup: TwiMLElement(Self.hangupName)
        case let .redirect(redirect): redirect.element
        case let .reject(reject): reject.element
        case let .connect(connect): connect.element
        case let .unsupported(name): TwiMLElement.isValidName(name) ? TwiMLElement(name) : nil
        }
    }
}
