import Foundation

/// The JSON conventions of Twilio's answers: snake_case keys, RFC 2822 or ISO 8601 dates.
enum TwilioJSON {
    /// A decoder for Twilio's answers.
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let string = try container.decode(String.self)
            guard let date = TwilioDateFormat.date(from: string) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(string)' is neither an RFC 2822 nor an ISO 8601 date")
            }
            return date
        }
        return decoder
    }()
}
