/// What a handset answers a `<Gather>` with: keys pressed (`Digits`) or words said (`SpeechResult`).
enum GatherAnswer: Sendable, Hashable {
    case digits
    case speech
}
