/// Namespace for the typed TwiML verbs and nouns used by ``VoiceResponse`` and ``MessagingResponse``.
///
/// Every verb is a value type whose properties carry the attributes Twilio documents, typed
/// (`Int` for durations and counts, `Bool` for flags, enums for closed sets of values) and set to
/// Twilio's documented defaults when absent. Rendering omits an attribute whose value equals that
/// default, so `<Gather timeout="5"/>` and `<Gather/>` parse to the same value.
public enum TwiML {}
