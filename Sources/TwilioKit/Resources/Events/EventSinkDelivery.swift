import Foundation

/// The body of one Event Streams delivery to a webhook sink: a single CloudEvent object, or a JSON
/// array of them when the sink batches events (`batch_events`).
public struct EventSinkDelivery: Sendable, Equatable {
    /// The delivered events, in the order of the body.
    public var events: [CloudEvent]
    /// Whether the body was (or will be written as) a JSON array.
    public var isBatch: Bool

    /// Wraps events; a batch is written as an array, a single event as an object.
    public init(events: [CloudEvent], isBatch: Bool) {
        self.events = events
        self.isBatch = isBatch
    }

    /// Decodes a delivery body: an array when its first non-whitespace byte is `[`, else one event.
    /// - Throws: `DecodingError` when the body is not CloudEvents JSON.
    public init(body: some Sequence<UInt8>) throws {
        let bytes = Data(body)
        let first = bytes.first { ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains($0) }
        let decoder = JSONDecoder()
        if first == UInt8(ascii: "[") {
            self.init(events: try decoder.decode([CloudEvent].self, from: bytes), isBatch: true)
        } else {
            self.init(events: [try decoder.decode(CloudEvent.self, from: bytes)], isBatch: false)
        }
    }

    /// The body to send: compact JSON with sorted keys, an array for a batch, else the one event.
    /// - Throws: `EncodingError` when an event holds a value JSON cannot express, or when a
    ///   delivery that is not a batch does not hold exactly one event.
    public func body() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if isBatch { return Array(try encoder.encode(events)) }
        guard events.count == 1, let event = events.first else {
            throw EncodingError.invalidValue(events, .init(codingPath: [], debugDescription: "a delivery that is not a batch holds exactly one event"))
        }
        return Array(try encoder.encode(event))
    }
}
