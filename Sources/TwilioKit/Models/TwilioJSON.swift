/// The JSON conventions of Twilio's answers: snake_case keys, RFC 2822 or ISO 8601 dates.
enum TwilioJSON {
    /// A decoder for Twilio's answers (`JSONDecoder` with snake_case keys converted and Twilio's
    /// dates, at a fraction of its cost).
    static let decoder = TwilioJSONDecoder()
}
