import Foundation
import Hummingbird
import TwilioKit

/// `/sandbox/…`: what the sandbox "delivered", simulated handsets, faults and admin calls.
/// Authenticated like the API; everything is scoped to the caller's account.
struct InspectionController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("", use: overview)
        group.get("messages", use: messages)
        group.get("handsets/{Number}/messages", use: handsetMessages)
        group.post("handsets/{Number}/messages", use: handsetSends)
        group.post("handsets/{Number}", use: configureHandset)
        group.get("webhooks", use: webhooks)
        group.post("numbers", use: provisionNumber)
        group.get("faults", use: listFaults)
        group.post("faults", use: addFault)
        group.delete("faults", use: clearFaults)
    }

    @Sendable func overview(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let numbers = await world.numbers.list(accountSID: account, phoneNumber: nil, friendlyName: nil)
        return SandboxResponse.json(.object([
            ("account_sid", .string(account)),
            ("phone_numbers", .array(numbers.map { .string($0.phoneNumber) })),
            ("magic_numbers", .object([
                ("valid_from", "+15005550006"),
                ("handset_unreachable", "+15005550010"),
                ("handset_filtered", "+15005550011"),
            ])),
        ]))
    }

    @Sendable func messages(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let all = await world.messages.list(accountSID: try context.account)
        return SandboxResponse.json(.object([("messages", .array(all.map(\.json)))]))
    }

    @Sendable func handsetMessages(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let number = try context.parameters.require("Number")
        let conversation = await world.messages.conversation(of: number).filter { $0.accountSID == account }
        return SandboxResponse.json(.object([("handset", .string(number)), ("messages", .array(conversation.map(\.json)))]))
    }

    /// The handset texts a sandbox number: form or JSON `To`, `Body`, `MediaUrl`, `ProfileName`.
    @Sendable func handsetSends(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        let result = try await world.messaging.receive(
            from: handset, to: try form.required("To"), body: form.first("Body") ?? "",
            mediaURLs: form.values("MediaUrl"), profileName: form.first("ProfileName"))
        return SandboxResponse.json(.object([
            ("message", result.message.json),
            ("webhook", result.webhook?.json ?? .null),
            ("replies", .array(result.replies.map(\.json))),
        ]), status: .created)
    }

    /// Sets a handset's behaviour: `Outcome` (delivered, unreachable, filtered) and `Digits` it
    /// presses at its next `<Gather>`s (repeatable).
    @Sendable func configureHandset(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        if let raw = try form.oneOf("Outcome", HandsetDirectory.Outcome.allCases.map(\.rawValue)),
           let outcome = HandsetDirectory.Outcome(rawValue: raw) {
            await world.handsets.setOutcome(outcome, for: handset)
        }
        await world.handsets.queue(form.values("Digits"), .digits, for: handset)
        await world.handsets.queue(form.values("Speech"), .speech, for: handset)
        return SandboxResponse.json(.object([("handset", .string(handset)),
                                             ("outcome", .string(await world.handsets.outcome(for: handset).rawValue))]))
    }

    @Sendable func webhooks(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let deliveries = await world.events.deliveries(where: "AccountSid", is: account)
        return SandboxResponse.json(.object([("webhooks", .array(deliveries.map(\.json)))]))
    }

    /// Gives the account another number: `PhoneNumber` (E.164).
    @Sendable func provisionNumber(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let raw = try await request.flexibleForm().required("PhoneNumber")
        do { _ = try E164PhoneNumber(raw) } catch {
            throw SandboxError.invalidParameter("PhoneNumber", raw, rule: "must be E.164 (\(error))")
        }
        if let owner = await world.numbers.owner(of: raw), owner.accountSID != account {
            throw SandboxError(.conflict, code: 21422, "\(raw) belongs to another account")
        }
        return SandboxResponse.json(await world.numbers.provision(raw, accountSID: account).json, status: .created)
    }

    @Sendable func listFaults(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        return SandboxResponse.json(.object([("faults", .array(await world.faults.activeRules.map(\.json))),
                                             ("injected", .int(await world.faults.injectedCount))]))
    }

    /// Adds a fault: `Kind` (429, 500, 503, drop, drop-response, latency), `PathContains`, `Method`,
    /// `Rate` (0…1) or `Count`, `LatencyMs`, `RetryAfter` (seconds).
    @Sendable func addFault(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let form = try await request.flexibleForm()
        guard let kind = FaultInjector.Rule.Kind(rawValue: try form.required("Kind")) else {
            throw SandboxError.invalidParameter("Kind", form.first("Kind") ?? "",
                                                rule: "must be one of \(FaultInjector.Rule.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let rate = try form.first("Rate").map { raw throws(SandboxError) -> Double in
            guard let rate = Double(raw), (0...1).contains(rate) else { throw .invalidParameter("Rate", raw, rule: "must be a number from 0 to 1") }
            return rate
        } ?? 1
        let rule = FaultInjector.Rule(
            kind: kind, method: form.first("Method")?.uppercased(), pathContains: form.first("PathContains") ?? "/",
            rate: rate, remaining: try form.int("Count", in: 1...1_000_000),
            latency: .milliseconds(try form.int("LatencyMs", in: 0...60_000) ?? 0),
            retryAfterSeconds: try form.int("RetryAfter", in: 0...3600) ?? 1)
        await world.faults.add(rule)
        return SandboxResponse.json(rule.json, status: .created)
    }

    @Sendable func clearFaults(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        await world.faults.clear()
        return SandboxResponse.noContent
    }
}

extension Request {
    /// A form body, or a flat JSON object read as one (`{"To": "+1…", "Digits": ["1", "2"]}`).
    func flexibleForm() async throws -> FormParameters {
        guard headers[.contentType]?.hasPrefix("application/json") == true else { return try await form() }
        var body = try await self.body.collect(upTo: 1 << 20)
        let data = Data(body.readBytes(length: body.readableBytes) ?? [])
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SandboxError(.badRequest, code: 20001, "The body is not a JSON object")
        }
        var form = FormParameters()
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            let values = (value as? [Any]) ?? [value]
            for element in values { form.add(key, "\(element)") }
        }
        return form
    }
}
