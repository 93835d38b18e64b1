import Foundation
import TwilioKit

/// JSON text of the rare Media Streams messages (everything but `media`), with the `Codable` types.
enum MediaStreamJSON {
    /// `message` as compact JSON text, slashes unescaped.
    static func text(_ message: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A text message decoded as `Message`, `nil` when it is not one.
    static func decode<Message: Decodable>(_ type: Message.Type, from text: String) -> Message? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
