import Hummingbird
import TwilioConnector
import TwilioKit

/// `GET /components` and `GET /components/twilio`: the connector's definitions in each dialect.
struct ComponentsController {
    let connector: Connector

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get { _, _ in
            JSONResponse.make(["components": [["name": "twilio", "title": "Twilio", "href": "/components/twilio",
                                               "dialects": .array(ConnectorDialect.allCases.map { .string($0.rawValue) })]]])
        }
        let definitions = Deferred { [connector] in
            var fields: [String: JSONValue] = ["component": connector.componentDefinition()]
            for dialect in [ConnectorDialect.toolkit, .block] {
                fields[dialect.rawValue] = .array(connector.actions(in: dialect).map(Self.json))
            }
            return JSONResponse.make(.object(fields))
        }
        group.get("twilio") { _, _ in definitions.value }
    }

    static func json(_ description: ActionDescription) -> JSONValue {
        ["name": .string(description.name), "title": .string(description.title), "description": .string(description.summary),
         "inputSchema": description.inputSchema, "outputSchema": description.outputSchema, "example": description.example]
    }
}
