import Foundation
import Testing
@testable import TwilioConnector
import TwilioKit

/// Every Twilio parameter the connector declares is bound to the TwilioKit field whose form key is
/// the parameter's name: filling one parameter into a blank request adds exactly that key.
struct RequestParameterTests {
    /// A group of bindings, the blank request they fill and how TwilioKit encodes it.
    struct Group: Sendable, CustomTestStringConvertible {
        let name: String
        let keysAdded: @Sendable (_ parameter: String) -> Set<String>
        let parameterNames: [String]
        let required: Set<String>

        init<Request>(_ name: String, _ parameters: [RequestParameter<Request>], blank: Request,
                      form: @escaping @Sendable (Request) -> FormParameters) where Request: Sendable {
            self.name = name
            parameterNames = parameters.map(\.spec.name)
            required = Set(parameters.filter(\.spec.required).map(\.spec.name))
            keysAdded = { name in
                guard let parameter = parameters.first(where: { $0.spec.name == name }) else { return [] }
                let input = RequestParameterTests.input(for: parameter.spec)
                let filled = [parameter].request(input, from: blank)
                let before = Set(form(blank).items.map { "\($0.name)=\($0.value)" })
                return Set(form(filled).items.filter { !before.contains("\($0.name)=\($0.value)") }.map(\.name))
            }
        }

        var testDescription: String { name }
    }

    static let groups: [Group] = [
        Group("CreateMessage", MessagingActions.sendParameters, blank: MessagingActions.blankMessage, form: \.form),
        Group("CreateMessage (WhatsApp)", MessagingActions.whatsAppAddresses + MessagingActions.whatsAppContent,
              blank: MessagingActions.blankMessage, form: \.form),
        Group("CreateCall", VoiceActions.createParameters, blank: CallCreateParameters(to: "", from: "", instructions: .twiml("")), form: \.form),
        Group("CreateVerification", VerifyActions.sendParameters, blank: VerificationCreateParameters(to: "", channel: .email), form: \.form),
        Group("CreateVerificationCheck", VerifyActions.checkParameters, blank: VerificationCheckParameters(), form: \.form),
        Group("CreateService", VerifyActions.serviceParameters, blank: VerifyServiceCreateParameters(friendlyName: ""), form: \.form),
    ]

    @Test(arguments: groups)
    func eachParameterFillsTheFieldTwilioKitSendsUnderItsName(_ group: Group) {
        for name in group.parameterNames {
            #expect(group.keysAdded(name) == [name], "\(group.name): \(name)")
        }
    }

    @Test func requiredParametersAreTheRequestsRequiredFields() {
        #expect(RequestParameterTests.groups[0].required == ["To"])
        #expect(RequestParameterTests.groups[2].required == ["To", "From"])
        #expect(RequestParameterTests.groups[5].required == ["FriendlyName"])
    }

    /// Validated input holding one valid, non-default value for `spec`.
    static func input(for spec: ParameterSpec) -> ActionInput {
        let value: JSONValue = switch spec.kind {
        case .string(let rule): .string(sample(rule))
        case .integer(let range): .number(Double(range?.upperBound ?? 7))
        case .number(let range): .number(range?.upperBound ?? 7)
        case .boolean: true
        case .stringList(_, let rule): [.string(sample(rule))]
        case .choice(let choices): .string(choices.last ?? "")
        case .choiceList(let choices): .array(choices.map(JSONValue.string))
        case .object: ["1": "Ana"]
        case .dateTime: "2030-01-31T09:00:00Z"
        }
        guard case .success(let input) = ActionInput.validate([spec.name: value], specs: [spec], rules: []) else {
            Issue.record("the sample of \(spec.name) is not valid")
            return ActionInput.empty
        }
        return input
    }

    static func sample(_ rule: ParameterSpec.StringRule) -> String {
        switch rule {
        case .any, .nonEmpty, .maxLength: "x"
        case .phoneNumber, .address, .recipient: "+14155550100"
        case .url: "https://example.com/a"
        case .sid(let prefix): prefix + String(repeating: "0", count: 32)
        }
    }
}

extension ActionInput {
    static let empty: ActionInput = {
        guard case .success(let input) = ActionInput.validate([:], specs: [], rules: []) else { fatalError("no input") }
        return input
    }()
}
