import ConnectorStore
import Hummingbird
import TwilioConnector
import TwilioKit

/// Trigger registrations, behind the API token like every route: `POST /registrations`
/// (`{"trigger", "phoneNumber", "replace"?, "viaService"?, "settings"?}`, or `"via":
/// "event-streams"` instead of a number), `GET /registrations`, `GET /registrations/<id>` and
/// `DELETE /registrations/<id>` (`?force=true` to restore over a change made since). The logic
/// is the ``Registrar``'s, as on the command line.
struct RegistrationsController {
    /// `nil` without a default Twilio connection: every route answers 503.
    let registrar: Registrar?
    let maximumBodyBytes: Int

    static let fields = ["trigger", "phoneNumber", "via", "viaService", "replace", "settings"]

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.post { request, _ in
            let registrar = try require()
            let registration = try await Self.answer { () throws(RegistrationError) in try await registrar.register(try await registrationRequest(from: request)) }
            return JSONResponse.make(registration.json, status: .created)
        }
        group.get { _, _ in
            let registrar = try require()
            let all = try await Self.answer { () throws(RegistrationError) in try await registrar.registrations() }
            return JSONResponse.make(["registrations": .array(all.map(\.json))])
        }
        group.get("{id}") { _, context in
            let (registrar, id) = (try require(), try context.parameters.require("id"))
            return JSONResponse.make(try await Self.answer { () throws(RegistrationError) in try await registrar.registration(id: id) }.json)
        }
        group.delete("{id}") { request, context in
            let (registrar, id) = (try require(), try context.parameters.require("id"))
            let force = request.uri.queryParameters.get("force").map { ["true", "1", "yes"].contains($0.lowercased()) } ?? false
            let removed = try await Self.answer { () throws(RegistrationError) in try await registrar.unregister(id: id, force: force) }
            return JSONResponse.make(["removed": removed.json, "restored": removed.previous])
        }
    }

    private func require() throws -> Registrar {
        guard let registrar else {
            throw JSONHTTPError(.serviceUnavailable, "Registrations need the connector's default Twilio connection (credentials, or the sandbox).")
        }
        return registrar
    }

    /// The body as a registration request; 400 naming every problem.
    private func registrationRequest(from request: Request) async throws(RegistrationError) -> RegistrationRequest {
        let fields: [String: JSONValue]
        do { fields = try await JSONBody.object(request, maximumBytes: maximumBodyBytes) } catch {
            throw .invalidRequest((error as? JSONHTTPError)?.message ?? "The body must be a JSON object.")
        }
        var problems = fields.keys.sorted().filter { !Self.fields.contains($0) }.map { "\($0) is not a field of a registration" }
        let trigger = fields["trigger"]?.scalarText ?? ""
        if trigger.isEmpty { problems.append("trigger is required") }
        let phoneNumber = fields["phoneNumber"]?.scalarText
        let via = fields["via"]?.scalarText ?? (fields["viaService"] == .bool(true) ? "messaging-service" : "number")
        let target: RegistrationRequest.Target? = switch (via, phoneNumber) {
        case ("event-streams", nil): .eventStreams
        case ("number", let number?): .number(number)
        case ("messaging-service", let number?): .messagingServiceOf(number)
        default: nil
        }
        if target == nil {
            problems.append("give phoneNumber (via number or messaging-service, or viaService true), or via event-streams without one")
        }
        for flag in ["replace", "viaService"] {
            if let value = fields[flag], case .bool = value {} else if fields[flag] != nil { problems.append("\(flag) must be true or false") }
        }
        var settings: [String: String] = [:]
        switch fields["settings"] {
        case nil: break
        case .object(let given)?:
            for (name, value) in given {
                if let text = value.scalarText { settings[name] = text } else { problems.append("settings.\(name) must be a string, number or boolean") }
            }
        default: problems.append("settings must be an object of the trigger's settings")
        }
        guard problems.isEmpty, let target else { throw .invalidRequest("Invalid registration: " + problems.joined(separator: "; ") + ".") }
        return RegistrationRequest(trigger: trigger, target: target, replace: fields["replace"] == .bool(true), settings: settings)
    }

    /// The registrar's answer, its error as an HTTP error.
    private static func answer<T>(_ operation: () async throws(RegistrationError) -> T) async throws(RegistrationHTTPError) -> T {
        do { return try await operation() } catch { throw RegistrationHTTPError(error: error) }
    }
}
