import Foundation
import Testing
import TwilioKit

/// Example messages are copied from Twilio's "Media Streams - WebSocket Messages" page
/// (twilio.com/docs/voice/media-streams/websocket-messages), whitespace included.
struct MediaStreamMessageTests {
    static let sid = "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"

    func inbound(_ json: String) throws -> MediaStreamInboundMessage {
        try JSONDecoder().decode(MediaStreamInboundMessage.self, from: Data(json.utf8))
    }

    func outbound(_ json: String) throws -> MediaStreamOutboundMessage {
        try JSONDecoder().decode(MediaStreamOutboundMessage.self, from: Data(json.utf8))
    }

    func sortedJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: - Documented messages from Twilio

    @Test func decodesConnected() throws {
        let message = try inbound("""
            { 
             "event": "connected",
             "protocol": "Call", 
             "version": "1.0.0"
            }
            """)
        #expect(message == .connected(.init(protocolName: "Call", version: "1.0.0")))
        #expect(message.streamSid == nil)
        #expect(message.sequenceNumber == nil)
    }

    @Test func decodesStart() throws {
        let message = try inbound("""
            {
              "event": "start",
              "sequenceNumber": "1",
              "start": {
                "accountSid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "callSid": "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "tracks": [ "inbound" ],
                "mediaFormat": { 
                    "encoding": "audio/x-mulaw", 
                    "sampleRate": 8000, 
                    "channels": 1 },
                "customParameters": {
                 "FirstName": "Jane",
                 "LastName": "Doe",
                 "RemoteParty": "Bob"
               }
              },
              "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
            }
            """)
        guard case .start(let start) = message else {
            Issue.record("expected start, got \(message)")
            return
        }
        #expect(start.sequenceNumber == "1")
        #expect(start.sequenceNumberValue == 1)
        #expect(start.streamSid == Self.sid)
        #expect(start.start.accountSid == "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(start.start.callSid == "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(start.start.streamSid == Self.sid)
        #expect(start.start.tracks == ["inbound"])
        #expect(start.start.customParameters == ["FirstName": "Jane", "LastName": "Doe", "RemoteParty": "Bob"])
        #expect(start.start.mediaFormat == .init(encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1))
        #expect(message.streamSid == Self.sid)
        #expect(message.sequenceNumber == 1)
    }

    @Test func startWithoutCustomParametersDecodesEmpty() throws {
        let message = try inbound("""
            {"event":"start","sequenceNumber":"1","streamSid":"MZ1","start":{"accountSid":"AC1","streamSid":"MZ1",\
            "callSid":"CA1","tracks":["inbound","outbound"],"mediaFormat":{"encoding":"audio/x-mulaw",\
            "sampleRate":8000,"channels":1}}}
            """)
        guard case .start(let start) = message else {
            Issue.record("expected start, got \(message)")
            return
        }
        #expect(start.start.customParameters.isEmpty)
        #expect(start.start.tracks == ["inbound", "outbound"])
    }

    @Test func decodesOutboundTrackMedia() throws {
        let message = try inbound("""
            { 
             "event": "media",
             "sequenceNumber": "3", 
             "media": { 
               "track": "outbound", 
               "chunk": "1", 
               "timestamp": "5",
               "payload": "no+JhoaJjpz..."
             } ,
             "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
            }
            """)
        guard case .media(let media) = message else {
            Issue.record("expected media, got \(message)")
            return
        }
        #expect(media.sequenceNumberValue == 3)
        #expect(media.streamSid == Self.sid)
        #expect(media.media.track == "outbound")
        #expect(media.media.chunk == "1")
        #expect(media.media.chunkValue == 1)
        #expect(media.media.timestamp == "5")
        #expect(media.media.timestampMilliseconds == 5)
        #expect(media.media.payload == "no+JhoaJjpz...")
        // The documentation abbreviates the payload, so it is not valid base64.
        #expect(media.media.audioBytes == nil)
    }

    @Test func decodesInboundTrackMedia() throws {
        let message = try inbound("""

            { 
             "event": "media",
             "sequenceNumber": "4",
             "media": { 
               "track": "inbound", 
               "chunk": "2", 
               "timestamp": "5",
               "payload": "no+JhoaJjpzS..."
             },
            "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" 
            }
            """)
        let expected = MediaStreamInboundMessage.Media(
            sequenceNumber: "4", streamSid: Self.sid,
            media: .init(track: "inbound", chunk: "2", timestamp: "5", payload: "no+JhoaJjpzS..."))
        #expect(message == .media(expected))
        #expect(message.sequenceNumber == 4)
    }

    @Test func decodesStop() throws {
        let message = try inbound("""
            { 
             "event": "stop",
             "sequenceNumber": "5",
             "stop": {
                "accountSid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "callSid": "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
              },
              "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" 
            }
            """)
        let expected = MediaStreamInboundMessage.Stop(
            sequenceNumber: "5", streamSid: Self.sid,
            stop: .init(accountSid: "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", callSid: "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"))
        #expect(message == .stop(expected))
    }

    @Test func decodesDTMF() throws {
        let message = try inbound("""

            { 
              "event": "dtmf", 
              "streamSid":"MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", 
              "sequenceNumber":"5", 
              "dtmf": { 
                  "track":"inbound_track", 
                  "digit": "1"
              }
            }
            """)
        let expected = MediaStreamInboundMessage.DTMF(
            sequenceNumber: "5", streamSid: Self.sid, dtmf: .init(track: "inbound_track", digit: "1"))
        #expect(message == .dtmf(expected))
    }

    @Test func decodesMark() throws {
        let message = try inbound("""
            { 
             "event": "mark",
             "sequenceNumber": "4",
             "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
             "mark": {
               "name": "my label"
             }
            }
            """)
        let expected = MediaStreamInboundMessage.Mark(
            sequenceNumber: "4", streamSid: Self.sid, mark: .init(name: "my label"))
        #expect(message == .mark(expected))
    }

    @Test func decodesOutboundDocumentedMessages() throws {
        let media = try outbound("""
            {
              "event": "media",
              "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
              "media": {
                "payload": "a3242sa..."
              }
            }
            """)
        #expect(media == .media(.init(streamSid: Self.sid, media: .init(payload: "a3242sa..."))))

        let mark = try outbound("""
            { 
             "event": "mark",
             "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
             "mark": {
               "name": "my label"
             }
            }
            """)
        #expect(mark == .mark(.init(streamSid: Self.sid, mark: .init(name: "my label"))))

        let clear = try outbound("""
            { 
             "event": "clear",
             "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
            }
            """)
        #expect(clear == .clear(.init(streamSid: Self.sid)))
        #expect(clear.streamSid == Self.sid)
    }

    // MARK: - Unknown events and malformed messages

    @Test func unknownEventsDecodeInsteadOfFailing() throws {
        #expect(try inbound(#"{"event":"transcription","streamSid":"MZ1","text":"hi"}"#) == .unknown(event: "transcription"))
        #expect(try outbound(#"{"event":"pause","streamSid":"MZ1"}"#) == .unknown(event: "pause"))
        #expect(try sortedJSON(MediaStreamInboundMessage.unknown(event: "future")) == #"{"event":"future"}"#)
    }

    @Test func knownEventWithMissingFieldsFails() {
        #expect(throws: DecodingError.self) { try inbound(#"{"event":"media","streamSid":"MZ1"}"#) }
        #expect(throws: DecodingError.self) { try inbound(#"{"streamSid":"MZ1"}"#) }
        // The wire format has numbers as strings; a bare number is not accepted.
        #expect(throws: DecodingError.self) {
            try inbound(#"{"event":"mark","sequenceNumber":4,"streamSid":"MZ1","mark":{"name":"x"}}"#)
        }
    }

    // MARK: - Encoding

    @Test func encodesWireFormatExactly() throws {
        let media = MediaStreamInboundMessage.media(.init(
            sequenceNumber: "4", streamSid: "MZ1",
            media: .init(track: "inbound", chunk: "2", timestamp: "5", payload: "AAE=")))
        #expect(try sortedJSON(media) == #"""
            {"event":"media","media":{"chunk":"2","payload":"AAE=","timestamp":"5","track":"inbound"},\#
            "sequenceNumber":"4","streamSid":"MZ1"}
            """#)

        let connected = MediaStreamInboundMessage.connected(.init())
        #expect(try sortedJSON(connected) == #"{"event":"connected","protocol":"Call","version":"1.0.0"}"#)

        let clear = MediaStreamOutboundMessage.clear(.init(streamSid: "MZ1"))
        #expect(try sortedJSON(clear) == #"{"event":"clear","streamSid":"MZ1"}"#)

        let mark = MediaStreamOutboundMessage.mark(.init(streamSid: "MZ1", mark: .init(name: "my label")))
        #expect(try sortedJSON(mark) == #"{"event":"mark","mark":{"name":"my label"},"streamSid":"MZ1"}"#)
    }

    static let inboundMessages: [MediaStreamInboundMessage] = [
        .connected(.init(protocolName: "Call", version: "1.0.0")),
        .start(.init(
            sequenceNumber: "1", streamSid: "MZ1",
            start: .init(accountSid: "AC1", callSid: "CA1", streamSid: "MZ1", tracks: ["inbound", "outbound"],
                         customParameters: ["FirstName": "Jane"]))),
        .media(.init(sequenceNumber: "2", streamSid: "MZ1",
                     media: .init(track: "inbound", chunk: "1", timestamp: "20", payload: "/wAB"))),
        .dtmf(.init(sequenceNumber: "3", streamSid: "MZ1", dtmf: .init(digit: "#"))),
        .mark(.init(sequenceNumber: "4", streamSid: "MZ1", mark: .init(name: "greeting"))),
        .stop(.init(sequenceNumber: "5", streamSid: "MZ1", stop: .init(accountSid: "AC1", callSid: "CA1"))),
        .unknown(event: "something-new"),
    ]

    @Test(arguments: inboundMessages)
    func inboundRoundTrips(_ message: MediaStreamInboundMessage) throws {
        let data = try JSONEncoder().encode(message)
        #expect(try JSONDecoder().decode(MediaStreamInboundMessage.self, from: data) == message)
    }

    static let outboundMessages: [MediaStreamOutboundMessage] = [
        .media(streamSid: "MZ1", muLawBytes: [0xFF, 0x7F, 0x00, 0x80]),
        .mark(.init(streamSid: "MZ1", mark: .init(name: "end of prompt"))),
        .clear(.init(streamSid: "MZ1")),
        .unknown(event: "something-new"),
    ]

    @Test(arguments: outboundMessages)
    func outboundRoundTrips(_ message: MediaStreamOutboundMessage) throws {
        let data = try JSONEncoder().encode(message)
        #expect(try JSONDecoder().decode(MediaStreamOutboundMessage.self, from: data) == message)
    }

    // MARK: - Audio helpers

    @Test func payloadBytesAreDecodedFromBase64() throws {
        let message = try inbound("""
            {"event":"media","sequenceNumber":"2","streamSid":"MZ1",\
            "media":{"track":"inbound","chunk":"1","timestamp":"20","payload":"/38AgA=="}}
            """)
        guard case .media(let media) = message else {
            Issue.record("expected media, got \(message)")
            return
        }
        #expect(media.media.audioBytes == [0xFF, 0x7F, 0x00, 0x80])
        #expect(MuLaw.decode(try #require(media.media.audioBytes)) == [0, 0, -32124, 32124])
    }

    @Test(arguments: ["MZ1", "MZ\"quoted\\ and\u{1}"])
    func theWireWritesOutboundMediaAsTheCodableTypesRead(_ streamSid: String) throws {
        let audio: [UInt8] = [0xFF, 0x7F, 0x00, 0x80, 0x01]
        let text = audio.withUnsafeBufferPointer { MediaStreamWire.OutboundMedia(streamSid: streamSid).message(muLaw: $0) }
        let decoded = try JSONDecoder().decode(MediaStreamOutboundMessage.self, from: Data(text.utf8))
        #expect(decoded == .media(streamSid: streamSid, muLawBytes: audio))
        if streamSid == "MZ1" {
            #expect(text == #"{"event":"media","streamSid":"MZ1","media":{"payload":"/38AgAE="}}"#)
        }
    }

    @Test func outboundMediaFromMuLawBytes() throws {
        let samples: [Int16] = [0, 1000, -1000, 32767]
        let message = MediaStreamOutboundMessage.media(streamSid: "MZ1", muLawBytes: MuLaw.encode(samples))
        guard case .media(let media) = message else {
            Issue.record("expected media, got \(message)")
            return
        }
        #expect(media.streamSid == "MZ1")
        #expect(media.media.audioBytes == MuLaw.encode(samples))
        #expect(try sortedJSON(MediaStreamOutboundMessage.media(streamSid: "MZ1", muLawBytes: [0xFF, 0x7F, 0x00, 0x80]))
            == #"{"event":"media","media":{"payload":"/38AgA=="},"streamSid":"MZ1"}"#)
    }
}
