import Testing
@testable import TwilioKit

@Suite("TwiML")
struct TwiMLTests {
    private let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

    private func document(_ body: String) -> String {
        declaration + body
    }

    // MARK: Rendering (expected strings from twilio-node spec/unit/twiml where the SDK has a vector)

    @Test func rendersEmptyResponses() {
        #expect(VoiceResponse().xml() == document("<Response/>"))
        #expect(MessagingResponse().xml() == document("<Response/>"))
    }

    @Test func rendersSay() {
        let response: VoiceResponse = [
            .say(TwiML.Say("Hello world", voice: "Polly.Amy", language: "en-GB", loop: 2)),
            .say(TwiML.Say("Defaults", voice: "man", language: "en-US", loop: 1)),
        ]
        #expect(response.xml() == document(
            #"<Response><Say voice="Polly.Amy" language="en-GB" loop="2">Hello world</Say><Say>Defaults</Say></Response>"#
        ))
    }

    @Test func rendersPlay() {
        let response: VoiceResponse = [
            .play(TwiML.Play(url: "www.twilio.com", loop: 2, digits: "123")),
            .play(TwiML.Play(digits: "wwww3")),
            .play(TwiML.Play("https://api.twilio.com/cowbell.mp3", loop: 0)),
        ]
        #expect(response.xml() == document(
            #"<Response><Play loop="2" digits="123">www.twilio.com</Play><Play digits="wwww3"/>"#
                + #"<Play loop="0">https://api.twilio.com/cowbell.mp3</Play></Response>"#
        ))
    }

    @Test func rendersPauseHangupRedirectAndReject() {
        let response: VoiceResponse = [
            .pause(TwiML.Pause(length: 5)),
            .pause(TwiML.Pause()),
            .hangup,
            .redirect(TwiML.Redirect("www.twilio.ca", method: .get)),
            .reject(TwiML.Reject(reason: .busy)),
            .reject(TwiML.Reject()),
        ]
        #expect(response.xml() == document(
            #"<Response><Pause length="5"/><Pause/><Hangup/><Redirect method="GET">www.twilio.ca</Redirect>"#
                + #"<Reject reason="busy"/><Reject/></Response>"#
        ))
    }

    @Test func rendersGatherWithEveryAttributeAndNestedVerbs() {
        let gather = TwiML.Gather(
            input: [.dtmf, .speech],
            action: "/process",
            method: .get,
            timeout: 10,
            numDigits: 4,
            finishOnKey: "*",
            speechTimeout: .auto,
            language: "fr-FR",
            hints: "sales, support",
            prompts: [.say(TwiML.Say("hello world!", loop: 2)), .play(TwiML.Play("https://x.test/a.mp3")), .pause(TwiML.Pause(length: 2))]
        )
        #expect(VoiceResponse([.gather(gather)]).xml() == document(
            #"<Response><Gather input="dtmf speech" action="/process" method="GET" timeout="10" numDigits="4" "#
                + #"finishOnKey="*" speechTimeout="auto" language="fr-FR" hints="sales, support">"#
                + #"<Say loop="2">hello world!</Say><Play>https://x.test/a.mp3</Play><Pause length="2"/></Gather></Response>"#
        ))
        #expect(VoiceResponse([.gather(TwiML.Gather())]).xml() == document("<Response><Gather/></Response>"))
        let speechSeconds = TwiML.Gather(input: .speech, speechTimeout: .seconds(3))
        #expect(VoiceResponse([.gather(speechSeconds)]).xml() == document(
            #"<Response><Gather input="speech" speechTimeout="3"/></Response>"#
        ))
    }

    @Test func rendersDialWithPlainNumber() {
        let dial = TwiML.Dial(.number("+18584611234"), method: .get, timeout: 5, hangupOnStar: true)
        #expect(VoiceResponse([.dial(dial)]).xml() == document(
            #"<Response><Dial method="GET" timeout="5" hangupOnStar="true">+18584611234</Dial></Response>"#
        ))
        let everything = TwiML.Dial(
            .number("415-123-4567"),
            action: "/handleDialCallStatus",
            callerId: "+15551230000",
            record: .recordFromAnswerDual,
            timeLimit: 600
        )
        #expect(VoiceResponse([.dial(everything)]).xml() == document(
            #"<Response><Dial action="/handleDialCallStatus" callerId="+15551230000" record="record-from-answer-dual" "#
                + #"timeLimit="600">415-123-4567</Dial></Response>"#
        ))
    }

    @Test func rendersDialWithNouns() {
        let dial = TwiML.Dial(.nouns([
            .number(TwiML.Dial.Number("+11234567890", sendDigits: "wwww1928", url: "https://x.test/whisper?a=1&b=2", method: .get)),
            .client(TwiML.Dial.Client("jenny", url: "/client")),
            .sip(TwiML.Dial.Sip("sip:alice@example.com", username: "admin", password: "1234")),
            .unsupported(name: "Conference"),
        ]))
        #expect(VoiceResponse([.dial(dial)]).xml() == document(
            #"<Response><Dial><Number sendDigits="wwww1928" url="https://x.test/whisper?a=1&amp;b=2" method="GET">+11234567890</Number>"#
                + #"<Client url="/client">jenny</Client><Sip username="admin" password="1234">sip:alice@example.com</Sip>"#
                + #"<Conference/></Dial></Response>"#
        ))
    }

    @Test func rendersMultipleBlocksLikeTwilioNode() {
        let response: VoiceResponse = [
            .dial(TwiML.Dial(.nouns([.number(TwiML.Dial.Number("+11234567890"))]), timeout: 5)),
            .reject(TwiML.Reject()),
            .redirect(TwiML.Redirect("www.twilio.com")),
            .pause(TwiML.Pause(length: 5)),
        ]
        #expect(response.xml() == document(
            #"<Response><Dial timeout="5"><Number>+11234567890</Number></Dial><Reject/><Redirect>www.twilio.com</Redirect>"#
                + #"<Pause length="5"/></Response>"#
        ))
    }

    @Test func rendersRecord() {
        let record = TwiML.Record(
            action: "http://foo.edu/handleRecording.php",
            method: .get,
            timeout: 10,
            maxLength: 20,
            finishOnKey: "*",
            playBeep: false,
            transcribe: true,
            recordingStatusCallback: "/status"
        )
        #expect(VoiceResponse([.record(record), .record(TwiML.Record())]).xml() == document(
            #"<Response><Record action="http://foo.edu/handleRecording.php" method="GET" timeout="10" maxLength="20" "#
                + #"finishOnKey="*" playBeep="false" transcribe="true" recordingStatusCallback="/status"/><Record/></Response>"#
        ))
    }

    @Test func rendersConnectStream() {
        let stream = TwiML.Stream(
            url: "wss://example.com/audiostream",
            name: "Example Audio Stream",
            track: .bothTracks,
            statusCallback: "https://example.com/status",
            statusCallbackMethod: .get,
            parameters: [TwiML.Parameter(name: "FirstName", value: "Jane"), TwiML.Parameter(name: "LastName", value: "Doe")]
        )
        let response: VoiceResponse = [.connect(TwiML.Connect([.stream(stream)], action: "/after"))]
        #expect(response.xml() == document(
            #"<Response><Connect action="/after"><Stream url="wss://example.com/audiostream" name="Example Audio Stream" "#
                + #"track="both_tracks" statusCallback="https://example.com/status" statusCallbackMethod="GET">"#
                + #"<Parameter name="FirstName" value="Jane"/><Parameter name="LastName" value="Doe"/></Stream></Connect></Response>"#
        ))
    }

    @Test func rendersUnsupportedVerbsOnlyWithValidNames() {
        let response: VoiceResponse = [.unsupported(name: "Enqueue"), .unsupported(name: "<Hangup/>"), .unsupported(name: "1x")]
        #expect(response.xml() == document("<Response><Enqueue/></Response>"))
    }

    @Test func rendersMessagesLikeTwilioNode() {
        let single: MessagingResponse = [.message(TwiML.Message("foobar", to: "18885551234", from: "18885554321"))]
        #expect(single.xml() == document(
            #"<Response><Message to="18885551234" from="18885554321">foobar</Message></Response>"#
        ))
        let multiple: MessagingResponse = [
            .message(TwiML.Message("foobar", to: "18885551234", from: "18885554321")),
            .message(TwiML.Message(nil, to: "11234567890", from: "10987654321")),
        ]
        #expect(multiple.xml() == document(
            #"<Response><Message to="18885551234" from="18885554321">foobar</Message>"#
                + #"<Message to="11234567890" from="10987654321"/></Response>"#
        ))
        let nested: MessagingResponse = [.message(TwiML.Message("foobar", media: ["https://twilio.com"]))]
        #expect(nested.xml() == document(
            "<Response><Message><Body>foobar</Body><Media>https://twilio.com</Media></Message></Response>"
        ))
        let redirect: MessagingResponse = [.redirect(TwiML.Redirect("https://twilio.com"))]
        #expect(redirect.xml() == document("<Response><Redirect>https://twilio.com</Redirect></Response>"))
    }

    @Test func rendersMessageAttributesAndMediaOnlyMessages() {
        let message = TwiML.Message(nil, media: ["https://a.test/1.png", "https://a.test/2.png"], action: "/status", method: .get)
        #expect(MessagingResponse([.message(message)]).xml() == document(
            #"<Response><Message action="/status" method="GET"><Media>https://a.test/1.png</Media>"#
                + "<Media>https://a.test/2.png</Media></Message></Response>"
        ))
    }

    // MARK: Escaping

    static let hostileStrings = [
        "a < b & c > d",
        #"She said "hi" & 'bye'"#,
        "]]></Say><Hangup/><Say>",
        "<![CDATA[x]]>",
        "&amp; &lt; &#60; &unknown;",
        "line one\nline two\ttabbed\r\nwindows",
        "emoji 🎉 and accents éè",
        "\"'><script>alert(1)</script>",
    ]

    @Test(arguments: hostileStrings)
    func hostileTextIsEscapedAndRoundTrips(text: String) throws {
        let response: VoiceResponse = [.say(TwiML.Say(text)), .hangup]
        let xml = response.xml()
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("]]>"))
        #expect(xml.components(separatedBy: "<Hangup/>").count == 2)
        #expect(try VoiceResponse(xml: xml) == response)
    }

    @Test(arguments: hostileStrings)
    func hostileAttributesAreEscapedAndRoundTrip(value: String) throws {
        let response: VoiceResponse = [
            .say(TwiML.Say("hi", voice: value, language: value)),
            .gather(TwiML.Gather(action: value, finishOnKey: value, hints: value)),
            .dial(TwiML.Dial(.nouns([.number(TwiML.Dial.Number("+1", sendDigits: value, url: value))]), callerId: value)),
            .redirect(TwiML.Redirect(value)),
            .connect(TwiML.Connect([.stream(TwiML.Stream(url: value, name: value, parameters: [TwiML.Parameter(name: value, value: value)]))])),
        ]
        let xml = response.xml()
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("<Hangup/>"))
        #expect(try VoiceResponse(xml: xml) == response)
        let messaging: MessagingResponse = [.message(TwiML.Message(value, media: [value], to: value, from: value, action: value))]
        #expect(try MessagingResponse(xml: messaging.xml()) == messaging)
    }

    @Test func escapesEveryMarkupCharacter() {
        let xml = VoiceResponse([.say(TwiML.Say(#"<&>"']]>"#, voice: #"<&>"'"#))]).xml()
        #expect(xml == document(
            #"<Response><Say voice="&lt;&amp;&gt;&quot;&apos;">&lt;&amp;&gt;&quot;&apos;]]&gt;</Say></Response>"#
        ))
    }

    @Test func replacesCharactersXMLCannotRepresent() throws {
        let xml = VoiceResponse([.say(TwiML.Say("bell\u{07}nul\u{00}"))]).xml()
        #expect(xml == document("<Response><Say>bell\u{FFFD}nul\u{FFFD}</Say></Response>"))
        #expect(try VoiceResponse(xml: xml) == [.say(TwiML.Say("bell\u{FFFD}nul\u{FFFD}"))])
    }

    // MARK: Round trips

    @Test func everyVoiceVerbRoundTrips() throws {
        let response: VoiceResponse = [
            .say(TwiML.Say("Welcome", voice: "Polly.Joanna", language: "en-GB", loop: 3)),
            .play(TwiML.Play(url: "https://x.test/a.mp3", loop: 2, digits: "1w2")),
            .play(TwiML.Play(digits: "wwww3")),
            .pause(TwiML.Pause(length: 4)),
            .gather(TwiML.Gather(
                input: [.speech, .dtmf], action: "/g", method: .get, timeout: 7, numDigits: 2, finishOnKey: "",
                speechTimeout: .seconds(2), language: "de-DE", hints: "ja, nein",
                prompts: [.say(TwiML.Say("Press")), .play(TwiML.Play("https://x.test/b.mp3")), .pause(TwiML.Pause())]
            )),
            .gather(TwiML.Gather()),
            .dial(TwiML.Dial(.number("+15551234567"), action: "/d", method: .get, timeout: 12, callerId: "+15550000000",
                             record: .recordFromRinging, timeLimit: 60, hangupOnStar: true)),
            .dial(TwiML.Dial(.nouns([
                .number(TwiML.Dial.Number("+15557654321", sendDigits: "ww12", url: "/whisper", method: .get)),
                .client(TwiML.Dial.Client("alice", url: "/c", method: .get)),
                .sip(TwiML.Dial.Sip("sip:bob@example.com", username: "u", password: "p", url: "/s", method: .get)),
                .unsupported(name: "Queue"),
            ]))),
            .record(TwiML.Record(action: "/r", method: .get, timeout: 0, maxLength: 30, finishOnKey: "#",
                                 playBeep: false, transcribe: true, recordingStatusCallback: "/rs")),
            .record(TwiML.Record()),
            .redirect(TwiML.Redirect("/next", method: .get)),
            .reject(TwiML.Reject(reason: .busy)),
            .connect(TwiML.Connect([
                .stream(TwiML.Stream(url: "wss://x.test/s", name: "s1", track: .outboundTrack, statusCallback: "/sc",
                                     statusCallbackMethod: .get, parameters: [TwiML.Parameter(name: "k", value: "v")])),
                .unsupported(name: "Room"),
            ], action: "/after", method: .get)),
            .unsupported(name: "Enqueue"),
            .hangup,
        ]
        #expect(try VoiceResponse(xml: response.xml()) == response)
        #expect(try TwiMLDocument.parse(response.xml()) == .voice(response))
        #expect(try TwiMLDocument.parse(response.xml()).xml() == response.xml())
    }

    @Test func messagingRoundTrips() throws {
        let response: MessagingResponse = [
            .message(TwiML.Message("Hello", to: "+15551234567", from: "+15557654321", action: "/status", method: .get)),
            .message(TwiML.Message("With picture", media: ["https://x.test/1.png", "https://x.test/2.png"])),
            .message(TwiML.Message(nil, media: ["https://x.test/only.png"])),
            .message(TwiML.Message(nil)),
            .redirect(TwiML.Redirect("/more")),
            .unsupported(name: "Sms"),
        ]
        #expect(try MessagingResponse(xml: response.xml()) == response)
        #expect(try TwiMLDocument.parse(response.xml()) == .messaging(response))
    }

    // MARK: Parsing hand-written TwiML (samples in the style of Twilio's docs)

    @Test func parsesDocsGatherSample() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response>
            <Gather input="speech dtmf" timeout="3" numDigits="1" action="/gather" method="GET">
                <Say>Please press 1 or say sales for sales.</Say>
            </Gather>
            <Say>We didn't receive any input. Goodbye!</Say>
        </Response>
        """
        let response = try VoiceResponse(xml: xml)
        #expect(response == [
            .gather(TwiML.Gather(input: [.dtmf, .speech], action: "/gather", method: .get, timeout: 3, numDigits: 1,
                                 prompts: [.say(TwiML.Say("Please press 1 or say sales for sales."))])),
            .say(TwiML.Say("We didn't receive any input. Goodbye!")),
        ])
    }

    @Test func parsesDefaultsAsTwilioDocumentsThem() throws {
        let response = try VoiceResponse(xml: "<Response><Gather/><Record/><Dial>+1555</Dial><Say>x</Say><Play>u</Play><Pause/></Response>")
        guard case let .gather(gather) = response.verbs[0], case let .record(record) = response.verbs[1],
              case let .dial(dial) = response.verbs[2], case let .say(say) = response.verbs[3],
              case let .play(play) = response.verbs[4], case let .pause(pause) = response.verbs[5] else {
            Issue.record("unexpected verbs: \(response.verbs)")
            return
        }
        #expect(gather.input == .dtmf && gather.method == .post && gather.timeout == 5 && gather.finishOnKey == "#")
        #expect(gather.numDigits == nil && gather.speechTimeout == nil && gather.language == "en-US" && gather.action == nil)
        #expect(record.timeout == 5 && record.maxLength == 3600 && record.finishOnKey == "1234567890*#")
        #expect(record.playBeep && !record.transcribe && record.method == .post)
        #expect(dial.timeout == 30 && dial.timeLimit == 14400 && dial.record == .doNotRecord && !dial.hangupOnStar)
        #expect(say.voice == "man" && say.language == "en-US" && say.loop == 1)
        #expect(play.loop == 1 && play.digits == nil && play.url == "u")
        #expect(pause.length == 1)
    }

    @Test func parsesDocsDialSamples() throws {
        let xml = """
        <Response>
            <Dial action="/handleDialCallStatus" method="GET" record="true">
                415-123-4567
            </Dial>
            <Dial callerId="+15551112222" timeout="10">
                <Number sendDigits="wwww1928">415-123-4567</Number>
                <Client>jenny</Client>
                <Sip username="admin" password="1234">sip:kate@example.com</Sip>
                <Conference>Room 1234</Conference>
            </Dial>
            <Say>I am unreachable</Say>
        </Response>
        """
        #expect(try VoiceResponse(xml: xml) == [
            .dial(TwiML.Dial(.number("415-123-4567"), action: "/handleDialCallStatus", method: .get, record: .recordFromAnswer)),
            .dial(TwiML.Dial(.nouns([
                .number(TwiML.Dial.Number("415-123-4567", sendDigits: "wwww1928")),
                .client(TwiML.Dial.Client("jenny")),
                .sip(TwiML.Dial.Sip("sip:kate@example.com", username: "admin", password: "1234")),
                .unsupported(name: "Conference"),
            ]), timeout: 10, callerId: "+15551112222")),
            .say(TwiML.Say("I am unreachable")),
        ])
    }

    @Test func parsesDocsRecordAndStreamSamples() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response>
            <Say>Please leave a message at the beep. Press the star key when finished.</Say>
            <Record action="http://foo.edu/handleRecording.php" method="GET" maxLength="20" finishOnKey="*"/>
            <Connect>
                <Stream url="wss://example.com/audiostream">
                    <Parameter name="FirstName" value="Jane" />
                    <Parameter name="LastName" value="Doe" />
                </Stream>
            </Connect>
            <Enqueue waitUrl="wait-music.xml">support</Enqueue>
            <Hangup/>
        </Response>
        """
        #expect(try VoiceResponse(xml: xml) == [
            .say(TwiML.Say("Please leave a message at the beep. Press the star key when finished.")),
            .record(TwiML.Record(action: "http://foo.edu/handleRecording.php", method: .get, maxLength: 20, finishOnKey: "*")),
            .connect(TwiML.Connect([.stream(TwiML.Stream(url: "wss://example.com/audiostream", parameters: [
                TwiML.Parameter(name: "FirstName", value: "Jane"), TwiML.Parameter(name: "LastName", value: "Doe"),
            ]))])),
            .unsupported(name: "Enqueue"),
            .hangup,
        ])
    }

    @Test func parsesDocsMessagingSamples() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response>
            <Message>
                <Body>Store Location: 123 Easy St.</Body>
                <Media>https://demo.twilio.com/owl.png</Media>
            </Message>
            <Message to="+15558675310" from="+15017122661" action="/SmsHandler.php" method="POST">Hello &amp; welcome</Message>
            <Redirect method="GET">https://example.com/next</Redirect>
        </Response>
        """
        let expected: MessagingResponse = [
            .message(TwiML.Message("Store Location: 123 Easy St.", media: ["https://demo.twilio.com/owl.png"])),
            .message(TwiML.Message("Hello & welcome", to: "+15558675310", from: "+15017122661", action: "/SmsHandler.php")),
            .redirect(TwiML.Redirect("https://example.com/next", method: .get)),
        ]
        #expect(try MessagingResponse(xml: xml) == expected)
        #expect(try TwiMLDocument.parse(xml) == .messaging(expected))
    }

    @Test func flattensSSMLAndReadsCDATA() throws {
        let xml = """
        <Response><Say voice="Polly.Joanna">Hi<break strength="x-weak" time="100ms"/> <emphasis>there</emphasis></Say>\
        <Say><![CDATA[a < b & c]]></Say></Response>
        """
        #expect(try VoiceResponse(xml: xml) == [.say(TwiML.Say("Hi there", voice: "Polly.Joanna")), .say(TwiML.Say("a < b & c"))])
        let undeclaredPrefix = #"<Response><Say>Hi <amazon:effect name="whispered">there</amazon:effect></Say></Response>"#
        #expect(try VoiceResponse(xml: undeclaredPrefix) == [.say(TwiML.Say("Hi there"))])
    }

    @Test func ignoresUnknownAttributesAndAcceptsLegacyValues() throws {
        let xml = #"<Response><Say foo="bar" voice="woman">Hi</Say><Dial record="false" method="get" hangupOnStar="TRUE">1</Dial></Response>"#
        #expect(try VoiceResponse(xml: xml) == [
            .say(TwiML.Say("Hi", voice: "woman")),
            .dial(TwiML.Dial(.number("1"), method: .get, hangupOnStar: true)),
        ])
    }

    @Test func documentKindIsDecidedByTheVerbs() throws {
        #expect(try TwiMLDocument.parse("<Response/>") == .voice(VoiceResponse()))
        #expect(try TwiMLDocument.parse("<Response><Redirect>/x</Redirect></Response>") == .voice([.redirect(TwiML.Redirect("/x"))]))
        #expect(try TwiMLDocument.parse("<Response><Message>Hi</Message></Response>") == .messaging([.message(TwiML.Message("Hi"))]))
    }

    // MARK: Errors

    @Test func malformedXMLThrowsWithPositionAndReason() {
        #expect(throws: TwiMLParseError.malformedXML(line: 1, column: 29, reason: "a closing tag does not match the open element")) {
            try VoiceResponse(xml: "<Response><Say>Hi</Response>")
        }
        let error = #expect(throws: TwiMLParseError.self) { try VoiceResponse(xml: "<Response><Say>a < b</Say></Response>") }
        #expect(error?.description.hasPrefix("Malformed XML at line 1, column") == true)
        #expect(error?.description.contains("&lt;") == true)
        #expect(throws: TwiMLParseError.malformedXML(line: 1, column: 1, reason: "the document is empty")) {
            try VoiceResponse(xml: "")
        }
        #expect(throws: TwiMLParseError.self) { try VoiceResponse(xml: "<Response><Say>Hi</Say>") }
        #expect(throws: TwiMLParseError.self) { try VoiceResponse(xml: "<Response>a & b</Response>") }
        #expect(throws: TwiMLParseError.self) { try VoiceResponse(xml: "just text") }
    }

    @Test func refusesDoctypes() {
        let xml = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><Response><Say>&a;</Say></Response>"#
        #expect(throws: TwiMLParseError.doctypeNotAllowed) { try VoiceResponse(xml: xml) }
    }

    @Test func invalidStructureThrowsClearErrors() {
        #expect(throws: TwiMLParseError.unexpectedRoot("Reply")) { try VoiceResponse(xml: "<Reply/>") }
        #expect(throws: TwiMLParseError.unexpectedText(element: "Response")) { try VoiceResponse(xml: "<Response>hello</Response>") }
        #expect(throws: TwiMLParseError.unexpectedElement("Dial", parent: "Gather")) {
            try VoiceResponse(xml: "<Response><Gather><Dial>1</Dial></Gather></Response>")
        }
        #expect(throws: TwiMLParseError.missingContent(element: "Redirect")) { try VoiceResponse(xml: "<Response><Redirect/></Response>") }
        #expect(throws: TwiMLParseError.missingContent(element: "Play")) { try VoiceResponse(xml: "<Response><Play/></Response>") }
        #expect(throws: TwiMLParseError.missingContent(element: "Dial")) { try VoiceResponse(xml: "<Response><Dial> </Dial></Response>") }
        #expect(throws: TwiMLParseError.missingAttribute(element: "Stream", attribute: "url")) {
            try VoiceResponse(xml: "<Response><Connect><Stream/></Connect></Response>")
        }
        #expect(throws: TwiMLParseError.unexpectedElement("Say", parent: "Hangup")) {
            try VoiceResponse(xml: "<Response><Hangup><Say>x</Say></Hangup></Response>")
        }
        #expect(throws: TwiMLParseError.duplicateElement("Body", parent: "Message")) {
            try MessagingResponse(xml: "<Response><Message><Body>a</Body><Body>b</Body></Message></Response>")
        }
        #expect(throws: TwiMLParseError.unexpectedText(element: "Message")) {
            try MessagingResponse(xml: "<Response><Message>text<Media>https://x.test</Media></Message></Response>")
        }
    }

    @Test func invalidAttributeValuesThrowClearErrors() {
        #expect(throws: TwiMLParseError.invalidAttribute(element: "Pause", attribute: "length", value: "abc", expected: "a non-negative integer")) {
            try VoiceResponse(xml: #"<Response><Pause length="abc"/></Response>"#)
        }
        #expect(throws: TwiMLParseError.invalidAttribute(element: "Say", attribute: "loop", value: "-1", expected: "a non-negative integer")) {
            try VoiceResponse(xml: #"<Response><Say loop="-1">x</Say></Response>"#)
        }
        #expect(throws: TwiMLParseError.invalidAttribute(element: "Record", attribute: "playBeep", value: "yes", expected: "true or false")) {
            try VoiceResponse(xml: #"<Response><Record playBeep="yes"/></Response>"#)
        }
        #expect(throws: TwiMLParseError.invalidAttribute(element: "Redirect", attribute: "method", value: "PUT", expected: "GET, POST")) {
            try VoiceResponse(xml: #"<Response><Redirect method="PUT">/x</Redirect></Response>"#)
        }
        #expect(throws: TwiMLParseError.self) { try VoiceResponse(xml: #"<Response><Gather input="keypad"/></Response>"#) }
        #expect(throws: TwiMLParseError.self) { try VoiceResponse(xml: #"<Response><Gather speechTimeout="soon"/></Response>"#) }
        #expect(throws: TwiMLParseError.self) { try VoiceResponse(xml: #"<Response><Dial record="maybe">1</Dial></Response>"#) }
        #expect(throws: TwiMLParseError.self) { try VoiceResponse(xml: #"<Response><Reject reason="nope"/></Response>"#) }
        #expect(throws: TwiMLParseError.self) {
            try VoiceResponse(xml: #"<Response><Connect><Stream url="wss://x" track="sideways"/></Connect></Response>"#)
        }
        let error = TwiMLParseError.invalidAttribute(element: "Pause", attribute: "length", value: "abc", expected: "a non-negative integer")
        #expect(error.description == #"<Pause> attribute length="abc" is invalid: expected a non-negative integer"#)
    }
}
