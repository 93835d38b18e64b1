import TwilioKit

/// How each dialect names a trigger's parameters and output fields: the component dialect keeps
/// the core's camelCase (`messageSid`), the toolkit uses snake_case (`message_sid`).
public enum TriggerNaming {
    /// The renaming of a core name in `dialect`.
    public static func rename(for dialect: ConnectorDialect) -> @Sendable (String) -> String {
        if dialect == .toolkit { return { ParameterNaming.snakeCase($0) } }
        return { $0 }
    }

    /// `data` (core naming) with every object key, at any depth, renamed for `dialect`.
    public static func data(_ data: JSONValue, in dialect: ConnectorDialect) -> JSONValue {
        guard dialect == .toolkit else { return data }
        switch data {
        case .object(let fields):
            return .object(Dictionary(uniqueKeysWithValues: fields.map { (ParameterNaming.snakeCase($0.key), Self.data($0.value, in: dialect)) }))
        case .array(let items):
            return .array(items.map { Self.data($0, in: dialect) })
        default:
            return data
        }
    }
}
