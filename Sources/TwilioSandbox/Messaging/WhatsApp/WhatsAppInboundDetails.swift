import Foundation
import TwilioKit

/// What a WhatsApp message from a simulated handset carries besides text and media, read from
/// `POST /sandbox/handsets/{number}/messages` and posted to the webhook under Twilio's names: the
/// sender's profile name, a tap on a quick-reply button (`ButtonText`, `ButtonPayload`), a shared
/// location (`Latitude`, `Longitude`, `Address`, `Label`), the message replied to
/// (`OriginalRepliedMessageSid`) and whether it was forwarded.
struct WhatsAppInboundDetails: Sendable, Equatable {
    /// A shared location; the coordinates as the handset gave them (checked to be degrees in range).
    struct Location: Sendable, Equatable {
        let latitude: String
        let longitude: String
        let address: String?
        let label: String?
    }

    /// The sender's WhatsApp profile name.
    var profileName: String?
    /// The visible text of the quick-reply button tapped.
    var buttonText: String?
    /// The button's payload: the `id` of the template's action.
    var buttonPayload: String?
    var location: Location?
    /// The message this one replies to.
    var originalRepliedMessageSID: String?
    var forwarded = false
    var frequentlyForwarded = false

    /// No extras: a plain text (or media) message.
    init() {}

    /// The extras of a handset's form; a location needs both coordinates, in range, and a button
    /// payload its button text.
    init(_ form: FormParameters) throws(SandboxError) {
        profileName = form.first("ProfileName")
        buttonText = form.first("ButtonText")
        buttonPayload = form.first("ButtonPayload")
        if buttonPayload != nil, buttonText == nil { throw .missingParameter("ButtonText") }
        let latitude = try Self.coordinate(form, "Latitude", within: 90)
        let longitude = try Self.coordinate(form, "Longitude", within: 180)
        switch (latitude, longitude) {
        case (let latitude?, let longitude?):
            location = Location(latitude: latitude, longitude: longitude, address: form.first("Address"), label: form.first("Label"))
        case (nil, nil):
            guard form.first("Address") == nil, form.first("Label") == nil else { throw .missingParameter("Latitude") }
        case (nil, _):
            throw .missingParameter("Latitude")
        case (_, nil):
            throw .missingParameter("Longitude")
        }
        originalRepliedMessageSID = form.first("OriginalRepliedMessageSid")
        forwarded = try form.bool("Forwarded") ?? false
        frequentlyForwarded = try form.bool("FrequentlyForwarded") ?? false
    }

    /// Whether it carries anything only a WhatsApp message can (a profile name is ignored elsewhere).
    var hasWhatsAppOnlyFields: Bool {
        buttonText != nil || location != nil || originalRepliedMessageSID != nil || forwarded || frequentlyForwarded
    }

    /// The webhook parameters of a message from `sender` (`whatsapp:+1…`), replying to `repliedTo`
    /// (the message and its sender) if it does, in the order Twilio posts them.
    func parameters(sender: String, repliedTo: (sid: String, sender: String)?) -> [(String, String)] {
        var parameters: [(String, String)] = [
            ("ProfileName", profileName ?? "Sandbox User"), ("WaId", String(sender.dropFirst("whatsapp:+".count))),
            ("Forwarded", String(forwarded)), ("FrequentlyForwarded", String(frequentlyForwarded)),
        ]
        if let buttonText {
            parameters.append(("ButtonText", buttonText))
            parameters.append(("ButtonPayload", buttonPayload ?? buttonText))
        }
        if let location {
            parameters.append(("Latitude", location.latitude))
            parameters.append(("Longitude", location.longitude))
            if let address = location.address { parameters.append(("Address", address)) }
            if let label = location.label { parameters.append(("Label", label)) }
        }
        parameters.append(("ReferralNumMedia", "0"))
        if let repliedTo {
            parameters.append(("OriginalRepliedMessageSender", repliedTo.sender))
            parameters.append(("OriginalRepliedMessageSid", repliedTo.sid))
        }
        return parameters
    }

    /// A coordinate within ±`limit` degrees, as given; `nil` when absent.
    private static func coordinate(_ form: FormParameters, _ name: String, within limit: Double) throws(SandboxError) -> String? {
        guard let raw = form.first(name) else { return nil }
        guard let value = Double(raw), abs(value) <= limit else {
            throw .invalidParameter(name, raw, rule: "must be a number of degrees from -\(Int(limit)) to \(Int(limit))")
        }
        return raw
    }
}
