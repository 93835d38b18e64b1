import Foundation
import TwilioKit

/// Realistic values for what the seeds leave empty (`""` in an example) or only list: sandbox
/// numbers, SIDs of resources made in the sandbox first, and plausible settings; each in the
/// shape the seed documents for the parameter.
struct SeedValues {
    let world: SeedWorld

    /// A realistic value for the parameter `name`, shaped as `type` says (`nil`: as the value
    /// comes); `schema` is the connector's schema of the parameter, whose SID pattern names the
    /// kind of resource wanted. `nil` when there is none to give.
    func value(for name: String, type: SeedType?, schema: JSONValue?) async throws -> JSONValue? {
        let raw: JSONValue?
        if let prefix = Self.sidPrefix(schema) {
            raw = .string(try await world.sid(prefix))
        } else {
            raw = try await plain(Self.normalized(name))
        }
        return raw.map { Self.shaped($0, as: type) }
    }

    /// `message_sid`, `MessageSid`, `messageSid` → `messagesid`.
    static func normalized(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: "")
    }

    private func plain(_ name: String) async throws -> JSONValue? {
        switch name {
        case "to", "tonumber", "phonenumber", "phonenumbers": .string(SeedWorld.recipient)
        case "from", "fromnumber": .string(SeedWorld.sender)
        case "body", "message": "Hello from the seed conformance suite"
        case "say": "Hello"
        case "mediaurl": "https://demo.twilio.com/owl.png"
        case "persistentaction": "geo:37.787890,-122.391664|375 Beale St"
        case "url", "statuscallback": .string(world.twimlURL)
        case "timeout": 30
        case "maxduration": 1
        case "subworkflow": "echo"
        case "countrycode": "US"
        case "format": "wav"
        case "type": "carrier"
        case "channel": "sms"
        case "code": "123456"
        case "status": "completed"
        case "starttime": "2030-01-01"
        case "friendlyname": "Seed conformance"
        case "codelength": 6
        case "limit": 20
        case "source", "content", "attempt": 1
        case "usetemplate", "forcedelivery", "shortenurls": false
        case "providefeedback", "smartencoded", "sendasmms": true
        case "contentretention", "addressretention": "retain"
        case "scheduletype": "fixed"
        case "riskcheck": "disable"
        case "maxprice": 0.75
        case "validityperiod": 600
        case "contentvariables": ["1": "Ana"]
        case "sendat": ["dateTime": .string(ScheduleTime.tomorrow(at: "09:30:00", in: "America/New_York")), "zoneId": "America/New_York"]
        case "authtoken": .string(world.fixture.sandbox.configuration.authToken)
        case "accountsid": .string(try await world.sid("AC"))
        case "sid", "messagesid": .string(try await world.sid("MM"))
        case "callsid": .string(try await world.sid("CA"))
        case "recordingsid": .string(try await world.sid("RE"))
        case "servicesid": .string(try await world.sid("VA"))
        case "contentsid": .string(try await world.sid("HX"))
        case "messagingservicesid": .string(try await world.sid("MG"))
        case "applicationsid": .string(try await world.sid("AP"))
        case "transcriptsids": [.string(try await world.sid("GT"))]
        default: nil
        }
    }

    /// `value` in the shape `type` documents: a list for an array, JSON text for a string
    /// holding an object, a string for a string.
    static func shaped(_ value: JSONValue, as type: SeedType?) -> JSONValue {
        switch (type, value) {
        case (.array?, .array), (nil, _): value
        case (.array?, _): [value]
        case (.string?, .object): .string(value.compactText)
        case (.string?, .number), (.string?, .bool): value.scalarText.map(JSONValue.string) ?? value
        default: value
        }
    }

    /// `AC` for a schema with the pattern `^AC[0-9a-fA-F]{32}$`.
    static func sidPrefix(_ schema: JSONValue?) -> String? {
        guard case .string(let pattern)? = schema?.objectFields?["pattern"], pattern.hasSuffix("[0-9a-fA-F]{32}$"),
              pattern.hasPrefix("^"), pattern.count == "^AC[0-9a-fA-F]{32}$".count else { return nil }
        return String(pattern.dropFirst().prefix(2))
    }
}
